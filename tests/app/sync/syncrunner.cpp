// `sync-runner sync [flags]`: SyncCommand behind the same flags as `chartroom-cli sync`, for the
// kill test while main.cpp does not route `sync` yet (the test prefers chartroom-cli once it
// does).

#include "database.h"
#include "repository.h"
#include "synccommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Output output;
    QCommandLineParser parser;
    const QCommandLineOption dataDir(u"data-dir"_qs, {}, u"DIR"_qs);
    const QCommandLineOption json(u"json"_qs, {});
    const QCommandLineOption url(u"url"_qs, {}, u"URL"_qs);
    const QCommandLineOption key(u"key"_qs, {}, u"K"_qs);
    const QCommandLineOption token(u"token"_qs, {}, u"T"_qs);
    const QCommandLineOption backend(u"backend"_qs, {}, u"NAME"_qs);
    parser.addOptions({ dataDir, json, url, key, token, backend });
    if (!parser.parse(QCoreApplication::arguments())
        || parser.positionalArguments() != QStringList { u"sync"_qs }) {
        output.error(SyncCommand::usage());
        return ExitUsage;
    }
    const QString directory = Database::resolveDataDirectory(parser.value(dataDir));
    Database database;
    if (StoreStatus e = database.open(directory)) {
        output.error(e->message);
        return ExitFailure;
    }
    Repository repository(database);
    QNetworkAccessManager network;
    SyncCommand::Options options;
    options.backend = parser.value(backend);
    options.url = parser.isSet(url) ? QUrl::fromUserInput(parser.value(url)) : QUrl();
    options.key = parser.isSet(key) ? parser.value(key) : qEnvironmentVariable("CHARTROOM_KEY");
    options.token
        = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("CHARTROOM_TOKEN");
    options.dataDirectory = directory;
    options.json = parser.isSet(json);
    return SyncCommand(repository, network, output).run(options);
}
