// `sync-runner sync [flags]`: SyncCommand behind the same flags as `chartroom-cli sync`, run under
// app.exec() as chartroom-cli runs it, for the kill test (which prefers chartroom-cli, now that
// main.cpp routes `sync`).

#include "app/cli/synccommand.h"
#include "models/database.h"
#include "models/repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Output output;
    QCommandLineParser parser;
    const QCommandLineOption dataDir(u"data-dir"_s, {}, u"DIR"_s);
    const QCommandLineOption json(u"json"_s, {});
    const QCommandLineOption url(u"url"_s, {}, u"URL"_s);
    const QCommandLineOption key(u"key"_s, {}, u"K"_s);
    const QCommandLineOption token(u"token"_s, {}, u"T"_s);
    const QCommandLineOption backend(u"backend"_s, {}, u"NAME"_s);
    parser.addOptions({ dataDir, json, url, key, token, backend });
    if (!parser.parse(QCoreApplication::arguments())
        || parser.positionalArguments() != QStringList { u"sync"_s }) {
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
    SyncCommand command(repository, network, output, options);
    QObject::connect(
        &command, &Command::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &command, &SyncCommand::start);
    return QCoreApplication::exec();
}
