#include "app/cli/exportconversationcommand.h"

#include "app/export/conversationexporter.h"
#include "app/export/exportformat.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

ExportConversationCommand::ExportConversationCommand(
    Repository &repository, const Output &output, ChartImageRenderer renderer)
    : m_repository(repository)
    , m_output(output)
    , m_renderer(std::move(renderer))
{
}

QString ExportConversationCommand::usage()
{
    return u"usage: chartroom-cli export-conversation ID [--format md|html|pdf|json] --out FILE "
           u"[--data-dir DIR]"_s;
}

int ExportConversationCommand::usageError(const QString &message)
{
    m_output.error(message);
    m_output.error(usage());
    return ExitUsage;
}

int ExportConversationCommand::run(const QStringList &arguments)
{
    QString idText;
    QString formatText;
    QString out;
    bool formatSet = false;
    bool outSet = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        auto value = [&](const QString &option, QString *target, bool *set) {
            if (word.startsWith(option + u'=')) {
                *target = word.mid(option.size() + 1);
            } else if (i + 1 < arguments.size()) {
                *target = arguments.at(++i);
            } else {
                return false;
            }
            *set = true;
            return true;
        };
        if (word == u"--format" || word.startsWith(u"--format=")) {
            if (!value(u"--format"_s, &formatText, &formatSet))
                return usageError(u"--format needs a value: md, html, pdf or json."_s);
        } else if (word == u"--out" || word == u"-o" || word.startsWith(u"--out=")) {
            if (!value(word == u"-o" ? u"-o"_s : u"--out"_s, &out, &outSet))
                return usageError(u"--out needs a file name."_s);
        } else if (word.startsWith(u'-') && word.size() > 1) {
            return usageError(u"unknown option \"" + word + u"\".");
        } else if (idText.isEmpty()) {
            idText = word;
        } else {
            return usageError(u"unexpected argument \"" + word + u"\".");
        }
    }
    if (idText.isEmpty())
        return usageError(u"no conversation id given."_s);
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(u"\"" + idText + u"\" is not a conversation id (a positive number).");
    if (!outSet || out.trimmed().isEmpty())
        return usageError(u"--out FILE is required."_s);

    ExportFormat format = ExportFormat::Markdown;
    if (formatSet) {
        if (!ExportFormats::fromName(formatText, &format)) {
            return usageError(
                u"unknown format \"" + formatText + u"\": use md, html, pdf or json.");
        }
    } else if (!ExportFormats::fromFileName(out, &format)) {
        return usageError(u"cannot tell the format from \"" + QFileInfo(out).fileName()
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
