#pragma once

#include "models/outboxentry.h"
#include "models/storeerror.h"

#include <QList>
#include <QObject>

class Database;

// The outbox table: prompts written while their backend was unreachable, in the order they were
// written. A row is `queued` until it is sent (`sending`, then `sent`), cancelled (only while
// still queued) or failed. Each queued row goes with a user message stored with status
// `pending` (the oldest pending user message of its conversation with the same text).
class Outbox : public QObject
{
    Q_OBJECT
public:
    explicit Outbox(Database &database, QObject *parent = nullptr);

    StoreResult<OutboxEntry> enqueue(qint64 conversationId, const QString &backend,
        const QString &text, const QString &agent, const QString &task);
    StoreResult<OutboxEntry> entry(qint64 id) const;
    // Queued rows, oldest first; `backend` empty: of every backend.
    StoreResult<QList<OutboxEntry>> queued(const QString &backend = {}) const;
    StoreResult<int> queuedCount(const QString &backend = {}) const;
    StoreResult<bool> hasQueued(qint64 conversationId) const;
    // Cancels a row that is still queued; false (and nothing changes) when it is not.
    StoreResult<bool> cancel(qint64 id);
    StoreStatus setStatus(qint64 id, OutboxEntry::Status status, const QString &error = {});
    // Start-up repair: a row left `sending` by a crash is `failed` (its answer, if any, was
    // marked interrupted and can be retried); returns how many.
    StoreResult<int> failInterruptedSends();
    // The id of the pending user message that stands for `entry` in its conversation, or 0.
    StoreResult<qint64> messageFor(const OutboxEntry &entry) const;

Q_SIGNALS:
    // A row was added or changed status (count and list views re-read).
    void changed(qint64 id);

private:
    Database &m_database;
};
