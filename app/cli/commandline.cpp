#include "app/cli/commandline.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

CommandLine::CommandLine(const QList<QCommandLineOption> &options, const QStringList &arguments,
    const CommandLine *before, const QString &description)
{
    parse(options, arguments, before, description);
}

CommandLine::CommandLine(Global, const QStringList &arguments, const QString &description)
    : m_global(true)
{
    parse({ QCommandLineOption(u"version"_s, u"Show the version."_s) }, arguments, nullptr,
        description);
}

QList<QCommandLineOption> CommandLine::credentialOptions()
{
    return {
        { u"key"_s, u"API key (or CHARTROOM_KEY)."_s, u"K"_s },
        { u"token"_s, u"API token (or CHARTROOM_TOKEN)."_s, u"T"_s },
    };
}

CommandLine CommandLine::global(const QStringList &arguments, const QString &description)
{
    return CommandLine(Global {}, arguments, description);
}

void CommandLine::parse(QList<QCommandLineOption> options, const QStringList &arguments,
    const CommandLine *before, const QString &description)
{
    options << QCommandLineOption(u"data-dir"_s, u"Folder of the history database."_s, u"DIR"_s)
            << QCommandLineOption(u"json"_s, u"Print JSON instead of text."_s)
            << QCommandLineOption(QStringList { u"h"_s, u"help"_s }, u"Show help."_s);
    m_parser = std::make_shared<QCommandLineParser>();
    m_parser->setApplicationDescription(description);
    m_parser->addOptions(options);
    if (m_global) {
        m_parser->addPositionalArgument(u"command"_s,
            u"history | ask | sync | serve | import | export | export-conversation"_s);
        m_parser->setOptionsAfterPositionalArgumentsMode(
            QCommandLineParser::ParseAsPositionalArguments);
    }
    // The parser skips the first word, the program's name.
    if (!m_parser->parse(QStringList { u"chartroom-cli"_s } + arguments)) {
        Failure failure;
        failure.text = m_parser->errorText();
        QString name;
        if (!m_parser->unknownOptionNames().isEmpty()) {
            name = m_parser->unknownOptionNames().constFirst();
        } else if (!m_parser->optionNames().isEmpty()) {
            // A value is missing after the last word, or a switch was given one.
            name = m_parser->optionNames().constLast();
            const auto named
                = [&name](const QCommandLineOption &o) { return o.names().contains(name); };
            const auto option = std::find_if(options.cbegin(), options.cend(), named);
            failure.kind = option != options.cend() && option->valueName().isEmpty()
                ? Failure::Kind::UnexpectedValue
                : Failure::Kind::MissingValue;
        }
        failure.option = (name.size() == 1 ? u"-"_s : u"--"_s) + name;
        m_failure = failure;
    }
    m_dataDirectory = isSet(u"data-dir"_s) ? value(u"data-dir"_s)
        : before                           ? before->m_dataDirectory
                                           : QString();
    m_json = isSet(u"json"_s) || (before && before->m_json);
}

QStringList CommandLine::positional() const
{
    return m_parser->positionalArguments();
}

bool CommandLine::isSet(const QString &name) const
{
    return m_parser->isSet(name);
}

QString CommandLine::value(const QString &name) const
{
    return m_parser->value(name);
}

QStringList CommandLine::values(const QString &name) const
{
    return m_parser->values(name);
}

QString CommandLine::valueOrEnvironment(const QString &name, const char *variable) const
{
    return isSet(name) ? value(name) : qEnvironmentVariable(variable);
}

QString CommandLine::helpText() const
{
    // Qt's first line names the binary by its path ("Usage: ./chartroom-cli [options]"); the
    // description that follows is the command's own usage line, so it goes.
    return m_parser->helpText().section(u'\n', 1);
}
