// ChatSession's outbox half: queueing prompts while their backend is offline and sending them
// later (declared in chatsession.h; kept apart so chatsession.cpp stays about streaming).
#include "app/chat/backend.h"
#include "app/core/chatsession.h"
#include "app/core/connectivity.h"
#include "app/net/apierror.h"
#include "models/outbox.h"
#include "models/repository.h"

#include <utility>

bool ChatSession::shouldQueue(const Conversation &conversation) const
{
    if (!m_connectivity || !m_outbox)
        return false;
    Backend *backend = backendFor(conversation);
    if (!backend)
        return false;
    if (m_connectivity->isOffline(backend->id()))
        return true;
    // Prompts still waiting in this conversation go first: a new one waits behind them.
    const StoreResult<bool> waiting = m_outbox->hasQueued(conversation.id);
    return waiting && *waiting;
}

StoreResult<qint64> ChatSession::enqueue(const Conversation &conversation, const Message &question)
{
    Backend *backend = backendFor(conversation);
    auto entry = m_outbox->enqueue(conversation.id, backend ? backend->id() : conversation.backend,
        question.text, m_agent, m_task);
    if (!entry) {
        Message failed = question;
        failed.status = MessageStatus::Error;
        failed.errorDetail = tr("This question could not be queued: %1").arg(entry.error().message);
        m_repository.updateMessage(failed, Repository::MessageField::Status);
        return entry.error();
    }
    Q_EMIT queued(entry->id, question.id);
    return conversation.id;
}

StoreResult<qint64> ChatSession::sendQueued(qint64 outboxId)
{
    if (m_active) {
        return StoreError { StoreError::Code::Busy,
            tr("An answer is still arriving: wait for it or press Stop."), {} };
    }
    if (!m_outbox)
        return StoreError { StoreError::Code::NotFound, tr("There is no outbox."), {} };
    auto entry = m_outbox->entry(outboxId);
    if (!entry)
        return entry.error();
    if (entry->status != OutboxEntry::Status::Queued) {
        return StoreError { StoreError::Code::Invalid, tr("This question is no longer queued."),
            {} };
    }
    const auto fail = [&](const StoreError &error) -> StoreError {
        m_outbox->setStatus(outboxId, OutboxEntry::Status::Failed, error.message);
        return error;
    };
    auto conversation = m_repository.conversation(entry->conversationId);
    if (!conversation)
        return fail(conversation.error());
    if (conversation->deleted) {
        return fail(StoreError {
            StoreError::Code::NotFound, tr("The conversation of this question was deleted."), {} });
    }
    auto messageId = m_outbox->messageFor(*entry);
    if (!messageId)
        return fail(messageId.error());
    auto stored = *messageId != 0
        ? m_repository.message(*messageId)
        : StoreResult<Message>(StoreError { StoreError::Code::NotFound,
            tr("The queued question is no longer in its conversation."), {} });
    if (!stored)
        return fail(stored.error());
    Message question = *stored;
    question.status = MessageStatus::Complete;
    question.errorDetail.clear();
    if (StoreStatus e = m_repository.updateMessage(question, Repository::MessageField::Status))
        return fail(*e);

    // An earlier attempt that could not connect left an error answer right after the question.
    qint64 reuse = 0;
    if (auto after = m_repository.messages(conversation->id, question.seq + 2, 1); after
        && !after->isEmpty() && after->first().seq == question.seq + 1
        && after->first().role == MessageRole::Assistant
        && after->first().status == MessageStatus::Error && after->first().text.isEmpty())
        reuse = after->first().id;

    // The backend it was queued for; a conversation already started remotely stays on its own.
    Backend *backend = backendFor(*conversation);
    if (m_resolver && conversation->remoteId.isEmpty())
        backend = m_resolver(entry->backend);
    if (!backend)
        backend = backendFor(*conversation);

    m_outbox->setStatus(outboxId, OutboxEntry::Status::Sending);
    const QString agent = std::exchange(m_agent, entry->agent.isEmpty() ? m_agent : entry->agent);
    const QString task = std::exchange(m_task, entry->task.isEmpty() ? m_task : entry->task);
    auto started = startAnswer(*conversation, question, backend, reuse);
    m_agent = agent;
    m_task = task;
    if (isBusy()) {
        m_sendingQueued = outboxId;
        return started;
    }
    // Refused before anything was sent (no backend, invalid, store error): the reason is in
    // the transcript as an error answer.
    m_outbox->setStatus(outboxId, OutboxEntry::Status::Failed,
        started ? tr("It could not be sent.") : started.error().message);
    return started;
}

void ChatSession::finishQueued(qint64 outboxId, const Message &question, MessageStatus status,
    const QString &detail, bool queueAgain)
{
    if (status == MessageStatus::Complete) {
        m_outbox->setStatus(outboxId, OutboxEntry::Status::Sent);
        return;
    }
    if (queueAgain) {
        // The question waits again; its error answer is reused by the next attempt.
        Message waiting = question;
        waiting.status = MessageStatus::Pending;
        waiting.errorDetail.clear();
        m_repository.updateMessage(waiting, Repository::MessageField::Status);
        m_outbox->setStatus(outboxId, OutboxEntry::Status::Queued);
        return;
    }
    m_outbox->setStatus(outboxId, OutboxEntry::Status::Failed, detail);
}
