#include "app/cli/exportcommand.h"

#include "app/charts/vegalitereader.h"
#include "models/repository.h"
#include "ui/chart/chartexport.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

ExportCommand::ExportCommand(Repository &repository, CommandLine line, const Output &output)
    : Command(output)
    , m_repository(repository)
    , m_line(std::move(line))
{
}

QList<QCommandLineOption> ExportCommand::options()
{
    return {
        { u"format"_s, u"export: the file format."_s, u"FORMAT"_s },
        { QStringList { u"o"_s, u"out"_s }, u"export: the file to write."_s, u"FILE"_s },
        { u"width"_s, u"export: image width in pixels."_s, u"W"_s },
        { u"height"_s, u"export: image height in pixels."_s, u"H"_s },
    };
}

QString ExportCommand::usage()
{
    return u"usage: chartroom-cli export ASSET_ID --format png|svg|pdf|csv|json --out FILE "
           u"[--width W --height H]"_s;
}

int ExportCommand::run()
{
    const QStringList words = m_line.positional();
    const auto &failure = m_line.failure();
    if (failure && failure->kind == CommandLine::Failure::Kind::MissingValue) {
        m_output.error(failure->option + u" needs a value."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    if (failure || words.size() > 1) {
        m_output.error(
            u"Unexpected argument \""_s + (failure ? failure->option : words.at(1)) + u"\"."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    const QString idText = words.value(0);
    QString formatText = m_line.value(u"format"_s);
    const QString out = m_line.value(u"out"_s);
    const QString widthText = m_line.value(u"width"_s);
    const QString heightText = m_line.value(u"height"_s);
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0) {
        m_output.error(u"export needs an asset id (a positive number; see history show ID)."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    if (out.isEmpty() && formatText.isEmpty()) {
        m_output.error(usage());
        return ExitUsage;
    }
    if (formatText.isEmpty())
        formatText = QFileInfo(out).suffix();
    const auto format = ChartExport::parseFormat(formatText);
    if (!format || out.isEmpty()) {
        m_output.error(!format ? u"--format must be png, svg, pdf, csv or json."_s
                               : u"--out FILE is required."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    QSize size = ChartExport::defaultSize;
    if (!widthText.isEmpty() || !heightText.isEmpty()) {
        bool okWidth = true;
        bool okHeight = true;
        const int w = widthText.isEmpty() ? size.width() : widthText.toInt(&okWidth);
        const int h = heightText.isEmpty() ? size.height() : heightText.toInt(&okHeight);
        if (!okWidth || !okHeight || w < 50 || h < 50 || w > 20000 || h > 20000) {
            m_output.error(u"--width and --height must be whole numbers from 50 to 20000."_s);
            return ExitUsage;
        }
        size = QSize(w, h);
    }

    const StoreResult<Asset> asset = m_repository.asset(id);
    if (!asset) {
        m_output.error(asset.error().message);
        return ExitFailure;
    }
    const bool definitionOnly = *format == ChartExport::Format::Json;
    auto data = ChartData::fromAsset(asset->type, asset->valueJson,
        definitionOnly && asset->dataJson.isEmpty() ? QByteArray(R"({"rows": []})")
                                                    : asset->dataJson);
    if (!data) {
        if (data.error().code == ChartError::Code::NoSnapshot
            && !VegaLiteReader::isVegaLiteAsset(asset->type)) // a Looker chart's data comes with it
            m_output.error(u"This chart has no stored data yet; open it in Chartroom (or run ask) "
                           u"while the backend is reachable."_s);
        else
            m_output.error(data.error().message);
        return ExitFailure;
    }
    if (const auto error
        = ChartExport::write(*data, *format, out, size, ChartExport::caption(asset->dataTakenAt))) {
        m_output.error(error->message);
        return ExitFailure;
    }
    m_output.line(u"Wrote "_s + out);
    return ExitOk;
}
