// chartroom-cli: the headless entry point. Parses the command line, opens the store, builds the
// backend and hands the rest to the command.

#include "app/cli/askcommand.h"
#include "app/cli/exportcommand.h"
#include "app/cli/exportconversationcommand.h"
#include "app/cli/historycommand.h"
#include "app/cli/importcommand.h"
#include "app/cli/output.h"
#include "app/cli/servecommand.h"
#include "app/cli/synccommand.h"
#include "app/core/backendfactory.h"
#include "app/luzmo/luzmobackend.h"
#include "app/server/localserver.h"
#include "models/database.h"
#include "models/repository.h"
#include "ui/chart/chartexport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace {
QString usage()
{
    return u"usage: chartroom-cli [--data-dir DIR] [--json] COMMAND ...\n"
           u"commands:\n"
           u"  history list            conversations, newest first\n"
           u"  history show ID         one conversation with its messages and asset ids\n"
           u"  history search QUERY    full-text search (words, prefix*, \"phrases\", OR, NOT)\n"
           u"      [--backend NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--has-chart]\n"
           u"  ask PROMPT              ask a question; the answer streams and is stored\n"
           u"      [--url URL] [--key K] [--token T] [--conversation ID]\n"
           u"      [--agent item|analyst] [--task generate|suggest|describe] [--no-stream]\n"
           u"      [--backend local|luzmo|workflow|looker] [--transport sse|socketio]\n"
           u"      luzmo: --key/--token; workflow: --token (Bearer); looker: --key = client id,\n"
           u"      --token = client secret, [--looker-agent ID] [--looker-source "
           u"MODEL/EXPLORE]...\n"
           u"      without --url the built-in local analyst server answers (offline)\n"
           u"      credentials may also come from CHARTROOM_KEY and CHARTROOM_TOKEN\n"
           u"  sync [--url URL --key K --token T]\n"
           u"                          pull a backend's history (default: the built-in server)\n"
           u"  serve [--port N] [--key K --token T]\n"
           u"                          run the local Luzmo-compatible server until Ctrl+C\n"
           u"  import FILE.csv [--name NAME]\n"
           u"                          add a CSV file as a dataset of the local server\n"
           u"  export ASSET_ID --format png|svg|pdf|csv|json --out FILE [--width W --height H]\n"
           u"                          one chart, from its stored data\n"
           u"  export-conversation ID --format md|html|pdf|json --out FILE\n"
           u"                          a whole conversation, charts included\n"_s;
}

struct Options
{
    QCommandLineOption dataDir { u"data-dir"_s, u"Folder of the history database."_s, u"DIR"_s };
    QCommandLineOption json { u"json"_s, u"Print JSON instead of text."_s };
    QCommandLineOption url { u"url"_s, u"Luzmo-compatible API host, e.g. https://api.luzmo.com"_s,
        u"URL"_s };
    QCommandLineOption key { u"key"_s, u"API key (or CHARTROOM_KEY)."_s, u"K"_s };
    QCommandLineOption token { u"token"_s, u"API token (or CHARTROOM_TOKEN)."_s, u"T"_s };
    QCommandLineOption conversation { u"conversation"_s, u"Continue this local conversation."_s,
        u"ID"_s };
    QCommandLineOption agent { u"agent"_s, u"item or analyst (default analyst)."_s, u"AGENT"_s,
        u"analyst"_s };
    QCommandLineOption task { u"task"_s, u"generate, suggest or describe."_s, u"TASK"_s,
        u"generate"_s };
    QCommandLineOption noStream { u"no-stream"_s, u"Ask for one JSON answer, not a stream."_s };
    QCommandLineOption backend { u"backend"_s,
        u"ask: local (default without --url), luzmo (default with --url), workflow or looker."_s,
        u"BACKEND"_s };
    QCommandLineOption transport { u"transport"_s, u"ask: sse (default) or socketio."_s,
        u"TRANSPORT"_s, u"sse"_s };
    QCommandLineOption lookerAgent { u"looker-agent"_s,
        u"ask --backend looker: the agent of new conversations."_s, u"ID"_s };
    QCommandLineOption lookerSource { u"looker-source"_s,
        u"ask --backend looker: a source (repeatable); without --looker-agent an agent is found "
        u"or created for them."_s,
        u"MODEL/EXPLORE"_s };
    QCommandLineOption port { u"port"_s, u"serve: the port on 127.0.0.1 (default: any free)."_s,
        u"N"_s };
    QCommandLineOption name { u"name"_s, u"import: the dataset's name."_s, u"NAME"_s };
    QCommandLineOption from { u"from"_s, u"history search: from this day."_s, u"YYYY-MM-DD"_s };
    QCommandLineOption to { u"to"_s, u"history search: up to this day."_s, u"YYYY-MM-DD"_s };
    QCommandLineOption hasChart { u"has-chart"_s, u"history search: only answers with a chart."_s };
    QCommandLineOption format { u"format"_s, u"export: the file format."_s, u"FORMAT"_s };
    QCommandLineOption out { QStringList { u"o"_s, u"out"_s }, u"export: the file to write."_s,
        u"FILE"_s };
    QCommandLineOption width { u"width"_s, u"export: image width in pixels."_s, u"W"_s };
    QCommandLineOption height { u"height"_s, u"export: image height in pixels."_s, u"H"_s };
    QCommandLineOption help { QStringList { u"h"_s, u"help"_s }, u"Show help."_s };
    QCommandLineOption version { u"version"_s, u"Show the version."_s };
};

QString valueOrEnv(
    const QCommandLineParser &parser, const QCommandLineOption &option, const char *env)
{
    return parser.isSet(option) ? parser.value(option) : qEnvironmentVariable(env);
}
} // namespace

int main(int argc, char *argv[])
{
    // Charts are drawn with Qt Charts, which needs a (widgets) application: the export commands
    // get one, offscreen unless a display is there; every other command stays a plain one.
    bool drawsCharts = false;
    for (int i = 1; i < argc; ++i)
        drawsCharts
            |= qstrcmp(argv[i], "export") == 0 || qstrcmp(argv[i], "export-conversation") == 0;
    if (drawsCharts && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = drawsCharts
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"Chartroom"_s);
    QCoreApplication::setApplicationName(u"chartroom"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHARTROOM_VERSION));

    const Output output;
    const Options o;
    QCommandLineParser parser;
    parser.setApplicationDescription(usage());
    parser.addOptions({ o.dataDir, o.json, o.url, o.key, o.token, o.conversation, o.agent, o.task,
        o.noStream, o.backend, o.transport, o.lookerAgent, o.lookerSource, o.port, o.name, o.from,
        o.to, o.hasChart, o.format, o.out, o.width, o.height, o.help, o.version });
    parser.addPositionalArgument(u"command"_s, u"history | ask | serve | import"_s);

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
    if (!QStringList { u"history"_s, u"ask"_s, u"serve"_s, u"import"_s, u"export"_s,
            u"export-conversation"_s, u"sync"_s }
             .contains(command)) {
        output.error(
            command.isEmpty() ? u"no command given"_s : u"unknown command \"" + command + u"\"");
        output.error(usage());
        return ExitUsage;
    }

    AskCommand::Options ask;
    Account remote; // the account the flags describe, for ask
    QString backendKind;
    if (command == u"ask") {
        backendKind = parser.isSet(o.backend) ? parser.value(o.backend)
                                              : (parser.isSet(o.url) ? u"luzmo"_s : u"local"_s);
        if (!QStringList { u"local"_s, u"luzmo"_s, u"workflow"_s, u"looker"_s }.contains(
                backendKind)) {
            output.error(u"--backend must be local, luzmo, workflow or looker."_s);
            return ExitUsage;
        }
        if (backendKind != u"local" && !parser.isSet(o.url)) {
            output.error(u"--backend "_s + backendKind + u" needs --url.");
            return ExitUsage;
        }
        if (backendKind == u"local" && parser.isSet(o.url)) {
            output.error(u"--backend local is the built-in server: leave out --url."_s);
            return ExitUsage;
        }
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
                    u"--conversation needs a local conversation id (a positive number)."_s);
                return ExitUsage;
            }
        }
        const QUrl url = QUrl::fromUserInput(parser.value(o.url));
        if (parser.isSet(o.url)
            && (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))) {
            output.error(u"--url must be an http or https address."_s);
            return ExitUsage;
        }
        if (parser.value(o.transport) != u"sse" && parser.value(o.transport) != u"socketio") {
            output.error(u"--transport must be \"sse\" or \"socketio\"."_s);
            return ExitUsage;
        }
        if (parser.value(o.transport) == u"socketio") {
            if (backendKind != u"luzmo") {
                output.error(u"--transport socketio is for --backend luzmo (the built-in server "
                             u"and the other backends stream over HTTP)."_s);
                return ExitUsage;
            }
            remote.transport = LuzmoConfig::Transport::SocketIo;
        }
        // Its id is the backend id stored with the conversation: "luzmo", "workflow", "looker".
        remote.id = backendKind;
        remote.kind = Account::kindFromName(backendKind);
        remote.baseUrl = url.toString();
        remote.keyId = valueOrEnv(parser, o.key, "CHARTROOM_KEY");
        remote.secret = valueOrEnv(parser, o.token, "CHARTROOM_TOKEN");
        if (remote.kind == Account::Kind::Looker)
            remote.agent = parser.value(o.lookerAgent); // its agent id (Luzmo's: ask.agent)
    }

    const QString dataDir = Database::resolveDataDirectory(parser.value(o.dataDir));
    if (command == u"serve") {
        ServeCommand::Options serve;
        serve.dataDirectory = dataDir;
        serve.key = valueOrEnv(parser, o.key, "CHARTROOM_KEY");
        serve.token = valueOrEnv(parser, o.token, "CHARTROOM_TOKEN");
        if (serve.key.isEmpty() != serve.token.isEmpty()) {
            output.error(u"serve: give both --key and --token, or neither."_s);
            return ExitUsage;
        }
        bool ok = true;
        serve.port = parser.isSet(o.port) ? parser.value(o.port).toUShort(&ok) : 0;
        if (!ok || words.size() > 1) {
            output.error(
                u"usage: chartroom-cli serve [--port N] [--key K --token T] [--data-dir DIR]"_s);
            return ExitUsage;
        }
        return ServeCommand(output).run(serve);
    }
    if (command == u"import") {
        QStringList args = words.mid(1);
        if (parser.isSet(o.name))
            args << u"--name"_s << parser.value(o.name);
        if (parser.isSet(o.json))
            args << u"--json"_s;
        return ImportCommand(dataDir, output).run(args);
    }

    Database database;
    if (StoreStatus e = database.open(dataDir)) {
        output.error(e->message);
        return ExitFailure;
    }
    Repository repository(database);
    if (command == u"export" || command == u"export-conversation") {
        QStringList args = words.mid(1);
        for (const QCommandLineOption *option : { &o.format, &o.out, &o.width, &o.height }) {
            if (parser.isSet(*option))
                args << u"--"_s + option->names().last() << parser.value(*option);
        }
        if (command == u"export")
            return ExportCommand(repository, output).run(args);
        return ExportConversationCommand(repository, output, &ChartExport::image).run(args);
    }
    if (command == u"history") {
        QStringList args = words.mid(1);
        for (const QCommandLineOption *option : { &o.backend, &o.from, &o.to }) {
            if (parser.isSet(*option))
                args << u"--"_s + option->names().last() << parser.value(*option);
        }
        if (parser.isSet(o.hasChart))
            args << u"--has-chart"_s;
        HistoryCommand history(repository, output, parser.isSet(o.json));
        return history.run(args);
    }
    if (command == u"sync") {
        SyncCommand::Options sync;
        sync.backend = parser.value(o.backend);
        if (parser.isSet(o.url)) {
            sync.url = QUrl::fromUserInput(parser.value(o.url));
            if (!sync.url.isValid()
                || (sync.url.scheme() != u"http" && sync.url.scheme() != u"https")) {
                output.error(u"--url must be an http or https address."_s);
                return ExitUsage;
            }
        }
        sync.key = valueOrEnv(parser, o.key, "CHARTROOM_KEY");
        sync.token = valueOrEnv(parser, o.token, "CHARTROOM_TOKEN");
        sync.dataDirectory = dataDir;
        sync.json = parser.isSet(o.json);
        QNetworkAccessManager network;
        return SyncCommand(repository, network, output).run(sync);
    }
    QNetworkAccessManager network;
    if (backendKind != u"local") {
        QList<LookerSource> sources;
        const QStringList lookerSources
            = remote.kind == Account::Kind::Looker ? parser.values(o.lookerSource) : QStringList();
        for (const QString &source : lookerSources) {
            const qsizetype slash = source.indexOf(u'/');
            if (slash <= 0 || slash == source.size() - 1) {
                output.error(u"--looker-source must be MODEL/EXPLORE."_s);
                return ExitUsage;
            }
            sources.append({ source.left(slash), source.mid(slash + 1) });
        }
        const std::unique_ptr<Backend> backend = BackendFactory::create(network, remote, sources);
        return AskCommand(repository, *backend, output).run(ask);
    }
    // The built-in local server answers in this process.
    LocalServer::Options serverOptions;
    serverOptions.dataDirectory = dataDir;
    LocalServer local(serverOptions);
    if (const QString error = local.start(); !error.isEmpty()) {
        output.error(u"The local analyst server could not start: "_s + error);
        return ExitFailure;
    }
    const std::unique_ptr<LuzmoBackend> backend = BackendFactory::createLocal(network, local);
    return AskCommand(repository, *backend, output).run(ask);
}
