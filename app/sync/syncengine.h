#pragma once

#include "app/sync/syncerror.h"
#include "app/sync/syncreport.h"
#include "app/sync/syncsource.h"
#include "models/syncwriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class Repository;

// Pulls one backend's history into the local store, headless. The network drives it: each
// page's answer is written in one transaction together with the new cursor, the open views are
// told (Repository signals), and the next page is asked for from the event loop, so the UI
// stays responsive however long the history is. A run that stops (error, cancel, crash) keeps
// the pages already stored and the next run resumes after them. When the backend can list its
// conversation ids, a complete run soft-deletes the local conversations it no longer has.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(Repository &repository, SyncSource &source, QObject *parent = nullptr);

    // Starts a run (ignored while one runs).
    void start();
    // Stops the run: failed() follows with SyncError::Code::Cancelled.
    void cancel();
    bool isRunning() const { return m_running; }
    const SyncReport &report() const { return m_report; }
    const SyncProgress &progress() const { return m_progress; }

Q_SIGNALS:
    void progressChanged(const SyncProgress &progress);
    void finished(const SyncReport &report);
    void failed(const SyncError &error);

private:
    void fetchNext();
    void onPage(const SyncPage &page);
    void onIds(const QSet<QString> &ids);
    void onSourceFailed(const ApiError &error);
    void complete(const std::optional<QSet<QString>> &present);
    void fail(SyncError error);

    Repository &m_repository;
    SyncSource &m_source;
    SyncWriter m_writer;
    SyncReport m_report;
    SyncProgress m_progress;
    QElapsedTimer m_clock;
    QString m_cursor;
    bool m_running = false;
    bool m_cancelled = false;
};
