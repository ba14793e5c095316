#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class BackendController;
class LuzmoSyncSource;
class QAction;
class QProgressBar;
class QStatusBar;
class Repository;
class SyncEngine;
struct SyncError;
struct SyncProgress;
struct SyncReport;

// Pulls the history of every Luzmo account into the local store, one account after another, at
// start-up and on demand (File ▸ Sync History). Progress shows in the status bar; the window
// stays usable (the sync engine works page by page from the event loop); errors are told in
// words there too, never in a modal box.
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

    Repository &m_repository;
    BackendController &m_backends;
    QStatusBar &m_statusBar;
    QAction *m_action;
    QProgressBar *m_progress;
    QStringList m_queue; // account ids still to sync
    QString m_current;
    std::unique_ptr<LuzmoSyncSource> m_source;
    std::unique_ptr<SyncEngine> m_engine;
    int m_synced = 0;
    int m_failed = 0;
};
