#pragma once

#include "app/sync/syncerror.h"
#include "app/sync/syncreport.h"
#include "app/sync/syncsource.h"
#include "app/sync/syncstorethread.h"
#include "models/syncwriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQueue>

#include <optional>

class Repository;

// Pulls one backend's history into the local store, headless. The network drives it: each
// page's answer is written in one transaction together with the new cursor, on the store's own
// thread (SyncStoreThread), while the next page is already being fetched; once a page is
// stored the open views are told (Repository signals). At most one page waits to be written, so
// memory stays bounded however long the history is. A run that stops (error, cancel, crash)
// keeps the pages already stored and the next run resumes after them; failed() comes once the
// page being written is stored. When the backend can list its conversation ids, a complete run
// soft-deletes the local conversations it no longer has.
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
    void fetchAheadIfRoom();
    void onPage(const SyncPage &page);
    void writeNext();
    void onPageWritten(const SyncPage &page, const StoreResult<SyncChanges> &changes);
    void onIds(const QSet<QString> &ids);
    void onSourceFailed(const ApiError &error);
    void afterLastWrite();
    void complete(const std::optional<QSet<QString>> &present);
    void fail(SyncError error);

    Repository &m_repository;
    SyncSource &m_source;
    SyncWriter m_writer; // reads the cursor on the owner's connection
    SyncStoreThread m_store;
    SyncReport m_report;
    SyncProgress m_progress;
    QElapsedTimer m_clock;
    QString m_cursor; // the cursor stored with the last page written
    QString m_fetchCursor; // where the next fetch starts (the last page fetched)
    QQueue<SyncPage> m_unwritten; // fetched, waiting for the store (at most one)
    std::optional<SyncError> m_failure; // reported once the page being written is stored
    bool m_running = false;
    bool m_cancelled = false;
    bool m_fetching = false;
    bool m_writing = false;
    bool m_moreToFetch = false;
};
