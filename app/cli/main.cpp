// chartroom-cli: the headless entry point. Parses the command line, opens the store and hands
// the rest of the words to the command.

#include "database.h"
#include "historycommand.h"
#include "output.h"
#include "repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {
QString usage()
{
    return u"usage: chartroom-cli [--data-dir DIR] [--json] COMMAND ...\n"
           u"commands:\n"
           u"  history list            conversations, newest first\n"
           u"  history show ID         one conversation with its messages\n"
           u"  history search QUERY    full-text search (words, prefix*, \"phrases\", OR, NOT)\n"_qs;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Chartroom"_qs);
    QCoreApplication::setApplicationName(u"chartroom"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHARTROOM_VERSION));

    const Output output;
    QCommandLineParser parser;
    parser.setApplicationDescription(usage());
    const QCommandLineOption dataDirOption(
        u"data-dir"_qs, u"Folder of the history database."_qs, u"DIR"_qs);
    const QCommandLineOption jsonOption(u"json"_qs, u"Print JSON instead of text."_qs);
    const QCommandLineOption helpOption(QStringList { u"h"_qs, u"help"_qs }, u"Show help."_qs);
    const QCommandLineOption versionOption(u"version"_qs, u"Show the version."_qs);
    parser.addOptions({ dataDirOption, jsonOption, helpOption, versionOption });
    parser.addPositionalArgument(u"command"_qs, u"history"_qs);

    if (!parser.parse(QCoreApplication::arguments())) {
        output.error(parser.errorText());
        output.error(usage());
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        output.write(parser.helpText());
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        output.line(u"chartroom-cli " + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    const QStringList words = parser.positionalArguments();
    const QString command = words.value(0);
    if (command != u"history") {
        output.error(
            command.isEmpty() ? u"no command given"_qs : u"unknown command \"" + command + u"\"");
        output.error(usage());
        return ExitUsage;
    }

    Database database;
    const QString dataDir = Database::resolveDataDirectory(parser.value(dataDirOption));
    if (StoreStatus e = database.open(dataDir)) {
        output.error(e->message);
        return ExitFailure;
    }
    Repository repository(database);
    HistoryCommand history(repository, output, parser.isSet(jsonOption));
    return history.run(words.mid(1));
}
