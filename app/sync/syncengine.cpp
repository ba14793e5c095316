#include "app/sync/syncengine.h"

#include "app/sync/syncsource.h"
#include "models/repository.h"

#include <QTimer>

SyncEngine::SyncEngine(Repository &repository, SyncSource &source, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_source(source)
    , m_writer(repository.database())
    , m_store(repository.database())
{
    connect(&m_source, &SyncSource::pageFetched, this, &SyncEngine::onPage);
    connect(&m_source, &SyncSource::idsFetched, this, &SyncEngine::onIds);
    connect(&m_source, &SyncSource::failed, this, &SyncEngine::onSourceFailed);
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_report = SyncReport();
    m_report.backend = m_source.backendId();
    m_progress = SyncProgress();
    m_clock.start();
    auto cursor = m_writer.cursor(m_source.backendId());
    if (!cursor) {
        // Reported from the event loop, so a caller connects after start() and still hears it.
        const StoreError error = cursor.error();
        QTimer::singleShot(0, this, [this, error] {
            fail(SyncError { SyncError::Code::Store, error.message, std::nullopt, error });
        });
        return;
    }
    m_cursor = *cursor;
    m_fetchCursor = m_cursor;
    m_failure.reset();
    m_unwritten.clear();
    m_fetching = true;
    QTimer::singleShot(0, this, &SyncEngine::fetchNext);
}

void SyncEngine::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_source.cancel();
    // Between two requests there is nothing to abort: fetchNext() reports the cancel.
}

void SyncEngine::fetchNext()
{
    if (!m_running)
        return;
    if (m_cancelled) {
        m_fetching = false;
        if (!m_writing)
            fail(SyncError { SyncError::Code::Cancelled, tr("The sync was cancelled."), {}, {} });
        return;
    }
    m_source.fetchPage(m_fetchCursor);
}

// The next page is fetched while this one is written, but no further ahead than one page.
void SyncEngine::fetchAheadIfRoom()
{
    if (!m_running || m_fetching || !m_moreToFetch || !m_unwritten.isEmpty() || m_failure)
        return;
    m_fetching = true;
    QTimer::singleShot(0, this, &SyncEngine::fetchNext);
}

void SyncEngine::onPage(const SyncPage &page)
{
    if (!m_running)
        return;
    m_fetching = false;
    m_fetchCursor = page.nextCursor;
    m_moreToFetch = page.hasMore;
    m_report.conversationsSeen += int(page.conversations.size());
    for (const RemoteConversation &c : page.conversations)
        m_report.messagesSeen += int(c.messages.size());
    if (page.remaining >= 0)
        m_progress.conversationsTotal
            = m_report.conversationsSeen - int(page.conversations.size()) + page.remaining;
    m_unwritten.enqueue(page);
    writeNext();
    fetchAheadIfRoom();
}

void SyncEngine::writeNext()
{
    if (m_writing || m_unwritten.isEmpty())
        return;
    m_writing = true;
    const SyncPage page = m_unwritten.dequeue();
    m_store.writePage(m_source.backendId(), page.conversations, page.nextCursor,
        [this, page](const StoreResult<SyncChanges> &changes) { onPageWritten(page, changes); });
}

void SyncEngine::onPageWritten(const SyncPage &page, const StoreResult<SyncChanges> &changes)
{
    m_writing = false;
    if (!m_running)
        return;
    if (!changes) {
        m_unwritten.clear();
        m_failure
            = SyncError { SyncError::Code::Store, changes.error().message, {}, changes.error() };
        return afterLastWrite();
    }
    m_cursor = page.nextCursor;
    m_repository.notifySynced(*changes);
    m_report.add(*changes);
    ++m_report.pages;
    int conversations = 0;
    for (const RemoteConversation &c : page.conversations) {
        ++conversations;
        m_progress.messagesDone += int(c.messages.size());
    }
    m_progress.conversationsDone += conversations;
    m_progress.pages = m_report.pages;
    Q_EMIT progressChanged(m_progress);
    if (!m_running) // a slot may have cancelled and been told already
        return;
    writeNext();
    fetchAheadIfRoom();
    afterLastWrite();
}

// Once nothing is being written nor waits to be: report a failure, or go on to the end.
void SyncEngine::afterLastWrite()
{
    if (!m_running || m_writing || !m_unwritten.isEmpty() || m_fetching)
        return;
    if (m_failure)
        return fail(*m_failure);
    if (m_cancelled)
        return fail(
            SyncError { SyncError::Code::Cancelled, tr("The sync was cancelled."), {}, {} });
    if (m_moreToFetch)
        return; // fetchAheadIfRoom() asked for it
    if (m_source.canListIds()) {
        m_fetching = true;
        m_source.fetchIds();
    } else {
        complete(std::nullopt);
    }
}

void SyncEngine::onIds(const QSet<QString> &ids)
{
    m_fetching = false;
    if (m_running)
        complete(ids);
}

void SyncEngine::complete(const std::optional<QSet<QString>> &present)
{
    m_writing = true;
    m_store.finish(m_source.backendId(), present, m_cursor, QDateTime::currentDateTimeUtc(),
        [this](const StoreResult<SyncChanges> &changes) {
            m_writing = false;
            if (!m_running)
                return;
            if (!changes) {
                fail(SyncError {
                    SyncError::Code::Store, changes.error().message, {}, changes.error() });
                return;
            }
            m_repository.notifySynced(*changes);
            m_report.add(*changes);
            m_report.elapsedMs = m_clock.elapsed();
            m_running = false;
            Q_EMIT finished(m_report);
        });
}

void SyncEngine::onSourceFailed(const ApiError &error)
{
    m_fetching = false;
    if (!m_running || m_failure)
        return;
    if (m_cancelled || error.code == ApiError::Code::Cancelled) {
        m_failure
            = SyncError { SyncError::Code::Cancelled, tr("The sync was cancelled."), error, {} };
    } else {
        // Counted once the page being written is stored, so the number is what was kept.
        m_failure = SyncError { SyncError::Code::Backend, {}, error, {} };
    }
    if (!m_writing && m_unwritten.isEmpty())
        fail(*m_failure);
}

void SyncEngine::fail(SyncError error)
{
    if (error.code == SyncError::Code::Backend && error.message.isEmpty() && error.api)
        error.message
            = tr("The sync stopped: %1. The conversations synced before it (%2) are kept.")
                  .arg(error.api->toString())
                  .arg(m_progress.conversationsDone);
    m_report.elapsedMs = m_clock.elapsed();
    m_running = false;
    Q_EMIT failed(error);
}
