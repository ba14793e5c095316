// chartroom-cli: the headless entry point. Parses the command line, opens the store, builds the
// backend and hands the rest to the command.

#include "askcommand.h"
#include "database.h"
#include "historycommand.h"
#include "luzmobackend.h"
#include "output.h"
#include "repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace {
QString usage()
{
    return u"usage: chartroom-cli [--data-dir DIR] [--json] COMMAND ...\n"
           u"commands:\n"
           u"  history list            conversations, newest first\n"
           u"  history show ID         one conversation with its messages and asset ids\n"
           u"  history search QUERY    full-text search (words, prefix*, \"phrases\", OR, NOT)\n"
           u"  ask PROMPT              ask a question; the answer streams and is stored\n"
           u"      [--url URL] [--key K] [--token T] [--conversation ID]\n"
           u"      [--agent item|analyst] [--task generate|suggest|describe] [--no-stream]\n"
           u"      credentials may also come from CHARTROOM_KEY and CHARTROOM_TOKEN\n"_qs;
}

struct Options
{
    QCommandLineOption dataDir { u"data-dir"_qs, u"Folder of the history database."_qs, u"DIR"_qs };
    QCommandLineOption json { u"json"_qs, u"Print JSON instead of text."_qs };
    QCommandLineOption url { u"url"_qs, u"Luzmo-compatible API host, e.g. https://api.luzmo.com"_qs,
        u"URL"_qs };
    QCommandLineOption key { u"key"_qs, u"API key (or CHARTROOM_KEY)."_qs, u"K"_qs };
    QCommandLineOption token { u"token"_qs, u"API token (or CHARTROOM_TOKEN)."_qs, u"T"_qs };
    QCommandLineOption conversation { u"conversation"_qs, u"Continue this local conversation."_qs,
        u"ID"_qs };
    QCommandLineOption agent { u"agent"_qs, u"item or analyst (default analyst)."_qs, u"AGENT"_qs,
        u"analyst"_qs };
    QCommandLineOption task { u"task"_qs, u"generate, suggest or describe."_qs, u"TASK"_qs,
        u"generate"_qs };
    QCommandLineOption noStream { u"no-stream"_qs, u"Ask for one JSON answer, not a stream."_qs };
    QCommandLineOption help { QStringList { u"h"_qs, u"help"_qs }, u"Show help."_qs };
    QCommandLineOption version { u"version"_qs, u"Show the version."_qs };
};

QString valueOrEnv(
    const QCommandLineParser &parser, const QCommandLineOption &option, const char *env)
{
    return parser.isSet(option) ? parser.value(option) : qEnvironmentVariable(env);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Chartroom"_qs);
    QCoreApplication::setApplicationName(u"chartroom"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHARTROOM_VERSION));

    const Output output;
    const Options o;
    QCommandLineParser parser;
    parser.setApplicationDescription(usage());
    parser.addOptions({ o.dataDir, o.json, o.url, o.key, o.token, o.conversation, o.agent, o.task,
        o.noStream, o.help, o.version });
    parser.addPositionalArgument(u"command"_qs, u"history | ask"_qs);

    if (!parser.parse(QCoreApplication::arguments())) {
        output.error(parser.errorText());
        output.error(usage());
        return ExitUsage;
    }
    if (parser.isSet(o.help)) {
        output.write(parser.helpText());
        return ExitOk;
    }
    if (parser.isSet(o.version)) {
        output.line(u"chartroom-cli " + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    const QStringList words = parser.positionalArguments();
    const QString command = words.value(0);
    if (command != u"history" && command != u"ask") {
        output.error(
            command.isEmpty() ? u"no command given"_qs : u"unknown command \"" + command + u"\"");
        output.error(usage());
        return ExitUsage;
    }

    AskCommand::Options ask;
    LuzmoConfig luzmo;
    if (command == u"ask") {
        ask.prompt = words.mid(1).join(u' ');
        ask.agent = parser.value(o.agent);
        ask.task = parser.value(o.task);
        ask.stream = !parser.isSet(o.noStream);
        ask.json = parser.isSet(o.json);
        if (parser.isSet(o.conversation)) {
            bool ok = false;
            ask.conversationId = parser.value(o.conversation).toLongLong(&ok);
            if (!ok || ask.conversationId <= 0) {
                output.error(
                    u"--conversation needs a local conversation id (a positive number)."_qs);
                return ExitUsage;
            }
        }
        const QUrl url = QUrl::fromUserInput(parser.value(o.url));
        if (!parser.isSet(o.url)) {
            output.error(u"ask needs --url (the built-in local server is not available yet)."_qs);
            return ExitUsage;
        }
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            output.error(u"--url must be an http or https address."_qs);
            return ExitUsage;
        }
        luzmo.host = url;
        luzmo.key = valueOrEnv(parser, o.key, "CHARTROOM_KEY");
        luzmo.token = valueOrEnv(parser, o.token, "CHARTROOM_TOKEN");
    }

    Database database;
    const QString dataDir = Database::resolveDataDirectory(parser.value(o.dataDir));
    if (StoreStatus e = database.open(dataDir)) {
        output.error(e->message);
        return ExitFailure;
    }
    Repository repository(database);
    if (command == u"history") {
        HistoryCommand history(repository, output, parser.isSet(o.json));
        return history.run(words.mid(1));
    }
    QNetworkAccessManager network;
    LuzmoBackend backend(network, luzmo);
    return AskCommand(repository, backend, output).run(ask);
}
