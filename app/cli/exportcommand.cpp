#include "app/cli/exportcommand.h"

#include "app/charts/vegalitereader.h"
#include "models/repository.h"
#include "ui/chart/chartexport.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

ExportCommand::ExportCommand(Repository &repository, const Output &output)
    : m_repository(repository)
    , m_output(output)
{
}

QString ExportCommand::usage()
{
    return u"usage: chartroom-cli export ASSET_ID --format png|svg|pdf|csv|json --out FILE "
           u"[--width W --height H]"_s;
}

int ExportCommand::run(const QStringList &arguments)
{
    QString idText;
    QString formatText;
    QString out;
    QString widthText;
    QString heightText;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString word = arguments.at(i);
        QString *target = word == u"--format" ? &formatText
            : word == u"--out"                ? &out
            : word == u"--width"              ? &widthText
            : word == u"--height"             ? &heightText
                                              : nullptr;
        if (target) {
            if (i + 1 >= arguments.size()) {
                m_output.error(word + u" needs a value."_s);
                m_output.error(usage());
                return ExitUsage;
            }
            *target = arguments.at(++i);
        } else if (idText.isEmpty() && !word.startsWith(u"--")) {
            idText = word;
        } else {
            m_output.error(u"Unexpected argument \""_s + word + u"\"."_s);
            m_output.error(usage());
            return ExitUsage;
        }
    }
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
    if (const auto *error = std::get_if<ChartError>(&data)) {
        if (error->code == ChartError::Code::NoSnapshot
            && !VegaLiteReader::isVegaLiteAsset(asset->type)) // a Looker chart's data comes with it
            m_output.error(u"This chart has no stored data yet; open it in Chartroom (or run ask) "
                           u"while the backend is reachable."_s);
        else
            m_output.error(error->message);
        return ExitFailure;
    }
    if (const auto error = ChartExport::write(std::get<ChartData>(data), *format, out, size,
            ChartExport::caption(asset->dataTakenAt))) {
        m_output.error(error->message);
        return ExitFailure;
    }
    m_output.line(u"Wrote "_s + out);
    return ExitOk;
}
