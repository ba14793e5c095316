#include "app/sync/syncengine.h"

#include "app/sync/syncsource.h"
#include "models/repository.h"

#include <QTimer>

SyncEngine::SyncEngine(Repository &repository, SyncSource &source, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_source(source)
    , m_writer(repository.database())
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
        fail(SyncError { SyncError::Code::Cancelled, tr("The sync was cancelled."), {}, {} });
        return;
    }
    m_source.fetchPage(m_cursor);
}

void SyncEngine::onPage(const SyncPage &page)
{
    if (!m_running)
        return;
    auto changes = m_writer.writePage(m_source.backendId(), page.conversations, page.nextCursor);
    if (!changes) {
        fail(SyncError { SyncError::Code::Store, changes.error().message, {}, changes.error() });
        return;
    }
    m_cursor = page.nextCursor;
    m_repository.notifySynced(*changes);
    m_report.add(*changes);
    ++m_report.pages;
    m_report.conversationsSeen += int(page.conversations.size());
    for (const RemoteConversation &c : page.conversations)
        m_report.messagesSeen += int(c.messages.size());
    if (page.remaining >= 0)
        m_progress.conversationsTotal = m_progress.conversationsDone + page.remaining;
    m_progress.conversationsDone = m_report.conversationsSeen;
    m_progress.messagesDone = m_report.messagesSeen;
    m_progress.pages = m_report.pages;
    Q_EMIT progressChanged(m_progress);

    if (page.hasMore)
        QTimer::singleShot(0, this, &SyncEngine::fetchNext);
    else if (m_cancelled)
        fail(SyncError { SyncError::Code::Cancelled, tr("The sync was cancelled."), {}, {} });
    else if (m_source.canListIds())
        m_source.fetchIds();
    else
        complete(std::nullopt);
}

void SyncEngine::onIds(const QSet<QString> &ids)
{
    if (m_running)
        complete(ids);
}

void SyncEngine::complete(const std::optional<QSet<QString>> &present)
{
    auto changes
        = m_writer.finish(m_source.backendId(), present, m_cursor, QDateTime::currentDateTimeUtc());
    if (!changes) {
        fail(SyncError { SyncError::Code::Store, changes.error().message, {}, changes.error() });
        return;
    }
    m_repository.notifySynced(*changes);
    m_report.add(*changes);
    m_report.elapsedMs = m_clock.elapsed();
    m_running = false;
    Q_EMIT finished(m_report);
}

void SyncEngine::onSourceFailed(const ApiError &error)
{
    if (!m_running)
        return;
    if (m_cancelled || error.code == ApiError::Code::Cancelled) {
        fail(SyncError { SyncError::Code::Cancelled, tr("The sync was cancelled."), error, {} });
        return;
    }
    fail(SyncError { SyncError::Code::Backend,
        tr("The sync stopped: %1. The conversations synced before it (%2) are kept.")
            .arg(error.toString())
            .arg(m_report.conversationsSeen),
        error, {} });
}

void SyncEngine::fail(SyncError error)
{
    m_report.elapsedMs = m_clock.elapsed();
    m_running = false;
    Q_EMIT failed(error);
}
