#pragma once

#include "app/cli/command.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class AccountSync;
class Backend;
class LocalBackend;
class QNetworkAccessManager;
class Repository;
class SyncSource;

// `chartroom-cli sync`: pulls a backend's conversations, messages and charts into the local
// store (SyncEngine), printing a progress line per page and a summary, or with --json the
// report as one JSON object. Then it stores the data of the synced line charts that have none
// yet (so they render offline): "Stored the data of N charts", or charts_stored/charts_failed
// in the JSON; a chart whose data cannot be fetched is told on stderr and does not fail the
// sync. Backends:
//   local  (default without --url) the built-in server over DIR, started in this process
//   luzmo  (default with --url) a Luzmo-compatible API at --url with --key/--token
//   looker a Looker instance at --url, --key = client id, --token = client secret (its
//          conversations and their messages; no chart data step)
// Exit 0 when the sync completed, 1 when it failed (the pages stored before are kept), 2 for
// usage errors.
class SyncCommand : public Command
{
    Q_OBJECT
public:
    struct Options
    {
        QString backend; // empty: "luzmo" with a url, else "local"
        QUrl url;
        QString key;
        QString token;
        QString dataDirectory; // the local server's data (the built-in backend)
        bool json = false;
        int pageSize = 0; // conversations per page; 0: the source's default
    };

    SyncCommand(Repository &repository, QNetworkAccessManager &network, const Output &output,
        Options options);
    // From the words after "sync", parsed with options(): --backend, --url, --key/--token or
    // CHARTROOM_KEY/CHARTROOM_TOKEN, the global --json.
    SyncCommand(Repository &repository, QNetworkAccessManager &network, const Output &output,
        CommandLine line, const QString &dataDirectory);
    ~SyncCommand() override;

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    std::optional<Options> fromCommandLine(const CommandLine &line) const;
    int run() override;
    int begin(); // Running: the sync runs
    void onFinished();

    Repository &m_repository;
    QNetworkAccessManager &m_network;
    Options m_options;
    std::optional<CommandLine> m_line;
    std::unique_ptr<LocalBackend> m_local;
    std::unique_ptr<Backend> m_remote;
    Backend *m_backend = nullptr;
    std::unique_ptr<SyncSource> m_source;
    std::unique_ptr<AccountSync> m_sync;
    QJsonObject m_okJson; // with --json, written once the charts' data is stored too
};
