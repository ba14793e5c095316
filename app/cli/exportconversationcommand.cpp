#include "app/cli/exportconversationcommand.h"

#include "app/export/conversationexporter.h"
#include "app/export/exportformat.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

ExportConversationCommand::ExportConversationCommand(
    Repository &repository, CommandLine line, const Output &output, ChartImageRenderer renderer)
    : Command(output)
    , m_repository(repository)
    , m_line(std::move(line))
    , m_renderer(std::move(renderer))
{
}

QList<QCommandLineOption> ExportConversationCommand::options()
{
    return {
        { u"format"_s, u"export-conversation: md, html, pdf or json."_s, u"FORMAT"_s },
        { QStringList { u"o"_s, u"out"_s }, u"export-conversation: the file to write."_s,
            u"FILE"_s },
    };
}

QString ExportConversationCommand::usage()
{
    return u"usage: chartroom-cli export-conversation ID [--format md|html|pdf|json] --out FILE "
           u"[--data-dir DIR]"_s;
}

int ExportConversationCommand::wrongUsage(const QString &message)
{
    m_output.error(message);
    m_output.error(usage());
    return ExitUsage;
}

int ExportConversationCommand::run()
{
    if (const auto &failure = m_line.failure()) {
        if (failure->kind != CommandLine::Failure::Kind::MissingValue)
            return wrongUsage(u"unknown option \"" + failure->option + u"\".");
        return wrongUsage(failure->option == u"--format"
                ? u"--format needs a value: md, html, pdf or json."_s
                : u"--out needs a file name."_s);
    }
    const QStringList words = m_line.positional();
    if (words.size() > 1)
        return wrongUsage(u"unexpected argument \"" + words.at(1) + u"\".");
    const QString idText = words.value(0);
    const bool formatSet = m_line.isSet(u"format"_s);
    const QString formatText = m_line.value(u"format"_s);
    const bool outSet = m_line.isSet(u"out"_s);
    const QString out = m_line.value(u"out"_s);
    if (idText.isEmpty())
        return wrongUsage(u"no conversation id given."_s);
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return wrongUsage(u"\"" + idText + u"\" is not a conversation id (a positive number).");
    if (!outSet || out.trimmed().isEmpty())
        return wrongUsage(u"--out FILE is required."_s);

    ExportFormat format = ExportFormat::Markdown;
    if (formatSet) {
        if (!ExportFormats::fromName(formatText, &format)) {
            return wrongUsage(
                u"unknown format \"" + formatText + u"\": use md, html, pdf or json.");
        }
    } else if (!ExportFormats::fromFileName(out, &format)) {
        return wrongUsage(u"cannot tell the format from \"" + QFileInfo(out).fileName()
            + u"\": add --format md|html|pdf|json or use a .md, .html, .pdf or .json name.");
    }

    const ConversationExporter exporter(m_renderer);
    if (ExportStatus error = exporter.exportToFile(m_repository, id, format, out)) {
        m_output.error(error->message);
        return ExitFailure;
    }
    const QFileInfo written(out);
    m_output.line(u"Exported conversation " + QString::number(id) + u" as "
        + ExportFormats::name(format) + u" to "
        + QDir::toNativeSeparators(written.absoluteFilePath()) + u" ("
        + QString::number(written.size()) + u" bytes)");
    return ExitOk;
}
