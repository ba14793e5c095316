#include "app/core/outboxsender.h"

#include "app/core/chatsession.h"
#include "app/core/connectivity.h"
#include "models/outbox.h"
#include "models/repository.h"

OutboxSender::OutboxSender(Outbox &outbox, ChatSession &session, Connectivity &connectivity,
    Repository &repository, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_session(session)
    , m_connectivity(connectivity)
    , m_repository(repository)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(0);
    connect(&m_drainTimer, &QTimer::timeout, this, &OutboxSender::drain);
    connect(&m_connectivity, &Connectivity::offlineChanged, this,
        [this](const QString &, bool offline) {
            if (!offline)
                start();
        });
    connect(&m_connectivity, &Connectivity::probeDue, this, &OutboxSender::probe);
    connect(&m_session, &ChatSession::answerFinished, this, [this] {
        m_sendingId = 0;
        start();
    });
    connect(&m_session, &ChatSession::busyChanged, this, [this](bool busy) {
        if (!busy)
            start();
    });
    connect(&m_session, &ChatSession::queued, this, [this] { start(); });
}

void OutboxSender::start()
{
    m_drainTimer.start();
}

void OutboxSender::drain()
{
    if (m_session.isBusy())
        return; // busyChanged(false) brings us back
    auto queued = m_outbox.queued();
    if (!queued) {
        Q_EMIT failed(queued.error().message);
        return;
    }
    for (const OutboxEntry &entry : *queued) {
        if (m_connectivity.isOffline(entry.backend))
            continue;
        send(entry.id);
        return;
    }
}

void OutboxSender::probe(const QString &backendId)
{
    if (m_session.isBusy())
        return; // the next round tries again
    auto queued = m_outbox.queued(backendId);
    if (queued && !queued->isEmpty())
        send(queued->first().id);
}

void OutboxSender::send(qint64 outboxId)
{
    const StoreResult<qint64> started = m_session.sendQueued(outboxId);
    if (!started) {
        Q_EMIT failed(started.error().message);
        start(); // the row is marked failed: go on with the next
        return;
    }
    m_sendingId = m_session.isBusy() ? outboxId : 0;
}

StoreResult<bool> OutboxSender::cancel(qint64 outboxId)
{
    auto entry = m_outbox.entry(outboxId);
    if (!entry)
        return entry.error();
    // The message first: once the row is cancelled it no longer leads to it.
    auto messageId = m_outbox.messageFor(*entry);
    if (!messageId)
        return messageId.error();
    auto cancelled = m_outbox.cancel(outboxId);
    if (!cancelled || !*cancelled || *messageId == 0)
        return cancelled;
    auto message = m_repository.message(*messageId);
    if (!message)
        return message.error();
    Message marked = *message;
    marked.status = MessageStatus::Error;
    marked.errorDetail = tr("Cancelled before it was sent.");
    if (StoreStatus e = m_repository.updateMessage(marked, Repository::MessageField::Status))
        return *e;
    return true;
}
