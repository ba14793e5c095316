#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class BackendController;
class ChartDataFetcher;
struct ChartError;
class SyncSource;
class QAction;
class QProgressBar;
class QStatusBar;
class Repository;
class SyncEngine;
struct SyncError;
struct SyncProgress;
struct SyncReport;

// Pulls the history of every Luzmo and Looker account into the local store, one account after
// another, at start-up and on demand (File ▸ Sync History). Progress shows in the status bar; the
// window stays usable (the sync engine works page by page from the event loop); errors are told in
// words there too, never in a modal box. After an account's sync, the data of its line charts
// that have no snapshot yet is fetched and stored (a few at a time), so they render offline.
class SyncController : public QObject
{
    Q_OBJECT
public:
    SyncController(Repository &repository, BackendController &backends, QStatusBar &statusBar,
        QObject *parent = nullptr);
    ~SyncController() override;

    // The menu action (enabled while no sync runs).
    QAction *action() const { return m_action; }
    // Syncs every Luzmo account; returns how many it will sync (0: none to sync).
    int syncAll();
    // The same, silent when there is nothing to sync.
    void syncAtStartup();
    bool isRunning() const;

Q_SIGNALS:
    void allFinished(int synced, int failed);

private:
    QStringList syncableAccounts() const;
    void next();
    void onProgress(const SyncProgress &progress);
    void onFinished(const SyncReport &report);
    void onFailed(const SyncError &error);
    // The chart snapshots of the account just synced; next() when they are done.
    void fetchSnapshots();
    void fetchMoreSnapshots();
    void onSnapshotDone(const ChartError *error); // null: stored
    void finishSnapshots();

    Repository &m_repository;
    BackendController &m_backends;
    QStatusBar &m_statusBar;
    QAction *m_action;
    QProgressBar *m_progress;
    QStringList m_queue; // account ids still to sync
    QString m_current;
    std::unique_ptr<SyncSource> m_source;
    std::unique_ptr<SyncEngine> m_engine;
    int m_synced = 0;
    int m_failed = 0;
    std::unique_ptr<ChartDataFetcher> m_fetcher;
    QList<qint64> m_charts; // chart assets still to fetch the data of
    QString m_summary; // the finished sync's report, shown with the charts' progress
    QString m_chartError; // the first fetch error, in words
    int m_chartsTotal = 0;
    int m_chartsInFlight = 0;
    int m_chartsStored = 0;
    int m_chartsFailed = 0;
};
