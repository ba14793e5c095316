#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;

// One command line of chartroom-cli, parsed once by one QCommandLineParser: the global options
// (--data-dir DIR, --json, -h/--help) that every command takes, before or after its name, and
// the command's own options. Copies share the parsed result.
class CommandLine
{
public:
    // Why the words did not parse: an option the command does not take, an option without its
    // value (always the last word) or a switch given one ("--has-chart=x").
    struct Failure
    {
        enum class Kind { UnknownOption, MissingValue, UnexpectedValue };
        Kind kind = Kind::UnknownOption;
        QString option; // as written: "--name", "-o"
        QString text; // QCommandLineParser's words, e.g. "Unknown option 'name'."
    };

    // --key K and --token T (or CHARTROOM_KEY and CHARTROOM_TOKEN: valueOrEnvironment()), for
    // the commands that reach or run a server.
    static QList<QCommandLineOption> credentialOptions();

    // `arguments`: the words after the command's name, options included. `before`: the command
    // line before that name (main's), whose --data-dir and --json count too. `description`:
    // what helpText() starts with.
    explicit CommandLine(const QList<QCommandLineOption> &options = {},
        const QStringList &arguments = {}, const CommandLine *before = nullptr,
        const QString &description = {});
    // The words before the command's name (the program's arguments from argv[1]): the global
    // options and --version. The first positional word is the command; every word after it is
    // left unparsed in positional(), for the command's own CommandLine.
    static CommandLine global(const QStringList &arguments, const QString &description);

    const std::optional<Failure> &failure() const { return m_failure; }
    QStringList positional() const;
    bool isSet(const QString &name) const;
    // The last value given (as QCommandLineParser::value), else the option's default.
    QString value(const QString &name) const;
    QStringList values(const QString &name) const;
    // The value given, else the environment variable's (credentials: CHARTROOM_KEY...).
    QString valueOrEnvironment(const QString &name, const char *variable) const;

    QString dataDirectory() const { return m_dataDirectory; } // as given; empty: the default
    bool json() const { return m_json; }
    bool help() const { return isSet(QStringLiteral("help")); }
    bool version() const { return m_global && isSet(QStringLiteral("version")); }
    // The parser's help text (needs the application object).
    QString helpText() const;

private:
    struct Global
    {
    };
    CommandLine(Global, const QStringList &arguments, const QString &description);
    void parse(QList<QCommandLineOption> options, const QStringList &arguments,
        const CommandLine *before, const QString &description);

    std::shared_ptr<QCommandLineParser> m_parser;
    std::optional<Failure> m_failure;
    QString m_dataDirectory;
    bool m_json = false;
    bool m_global = false;
};
