#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class BackendRegistry;
class SyncSource;
class QAction;
class QProgressBar;
class QStatusBar;
class Repository;
class AccountSync;
struct SyncProgress;
struct SyncReport;

// Pulls the history of every Luzmo and Looker account into the local store, one account after
// another, at start-up and on demand (File ▸ Sync History): an AccountSync per account (its
// history, then its line charts' data for offline use), shown here. Progress shows in the status
// bar; the window stays usable; errors are told in words there too, never in a modal box.
class SyncController : public QObject
{
    Q_OBJECT
public:
    SyncController(Repository &repository, BackendRegistry &backends, QStatusBar &statusBar,
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
    void onSynced(const SyncReport &report);
    void onChartsStarted(int total);
    void onFinished();

    Repository &m_repository;
    BackendRegistry &m_backends;
    QStatusBar &m_statusBar;
    QAction *m_action;
    QProgressBar *m_progress;
    QStringList m_queue; // account ids still to sync
    QString m_current;
    std::unique_ptr<SyncSource> m_source;
    std::unique_ptr<AccountSync> m_sync;
    int m_synced = 0;
    int m_failed = 0;
    QString m_summary; // the finished sync's report, shown with the charts' progress
};
