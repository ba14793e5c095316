#pragma once

#include "app/cli/output.h"

#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class Repository;

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
// main.cpp parses the shared flags (--backend, --url, --key/--token or CHARTROOM_KEY/
// CHARTROOM_TOKEN, --json, --data-dir) into Options.
class SyncCommand
{
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

    SyncCommand(Repository &repository, QNetworkAccessManager &network, const Output &output);
    int run(const Options &options);

    static QString usage();

private:
    Repository &m_repository;
    QNetworkAccessManager &m_network;
    const Output &m_output;
};
