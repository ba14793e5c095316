#pragma once

#include "app/charts/charterror.h"
#include "app/sync/syncerror.h"
#include "app/sync/syncreport.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class Backend;
class ChartDataFetcher;
class LuzmoClient;
class Repository;
class SyncEngine;
class SyncSource;

// One account's sync as the GUI and the CLI run it: its history into the store (SyncEngine, page
// by page from the event loop), then the data of its line charts that have no snapshot yet,
// fetched and stored a few at a time, so they render offline. Nothing here shows anything: the
// signals say how far it got, and exactly one of failed() or finished() ends it, queued, so the
// receiver may delete it.
class AccountSync : public QObject
{
    Q_OBJECT
public:
    // Chart data queries go to the client `chartClient` returns at each fetch (nullptr: the
    // account went away meanwhile); without a `chartClient` no snapshots are fetched (Looker
    // answers carry no Luzmo charts). `source` is not owned and outlives the sync.
    using ClientLookup = std::function<LuzmoClient *()>;
    AccountSync(Repository &repository, SyncSource &source, ClientLookup chartClient = {},
        QObject *parent = nullptr);
    ~AccountSync() override;

    // The history of `backend` as a sync source: through its Luzmo client, else its Looker
    // session; nullptr when it has neither. `id`: the backend id its conversations are stored
    // under; `pageSize`: conversations per page (0: the source's default).
    static std::unique_ptr<SyncSource> sourceFor(
        Backend &backend, const QString &id, int pageSize = 0);

    void start();
    const SyncReport &report() const;
    int chartsTotal() const { return m_chartsTotal; }
    int chartsStored() const { return m_chartsStored; }
    int chartsFailed() const { return m_chartsFailed; }
    // The first chart's failure in words; empty when none failed.
    QString firstChartError() const { return m_chartError; }

Q_SIGNALS:
    void progressChanged(const SyncProgress &progress);
    // The history is in the store; the charts come next.
    void synced(const SyncReport &report);
    // The charts without data could not be listed: none is fetched (the sync itself succeeded).
    void chartsUnlisted(const QString &message);
    void chartsStarted(int total);
    void chartStored(qint64 assetId);
    void chartFailed(qint64 assetId, const QString &message);
    void failed(const SyncError &error);
    void finished();

private:
    void fetchSnapshots();
    void fetchMore();
    void onChartDone(qint64 assetId, const ChartError *error); // null: stored
    void finishLater();

    Repository &m_repository;
    SyncSource &m_source;
    ClientLookup m_chartClient;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<ChartDataFetcher> m_fetcher;
    QList<qint64> m_charts; // chart assets still to fetch the data of
    QString m_chartError;
    int m_chartsTotal = 0;
    int m_chartsInFlight = 0;
    int m_chartsStored = 0;
    int m_chartsFailed = 0;
};
