#include "models/outbox.h"

#include "models/database.h"
#include "models/sqlrun.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {
// Prepared statements with bound values (sqlrun.h).
constexpr auto run = &execPrepared;

const QString columns
    = u"id, conversation_id, backend, text, agent, task, status, error, created_at, updated_at"_s;

OutboxEntry read(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.conversationId = q.value(1).toLongLong();
    e.backend = q.value(2).toString();
    e.text = q.value(3).toString();
    e.agent = q.value(4).toString();
    e.task = q.value(5).toString();
    OutboxEntry::parseStatus(q.value(6).toString(), &e.status);
    e.error = q.value(7).toString();
    e.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong());
    e.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong());
    return e;
}

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}
} // namespace

Outbox::Outbox(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

StoreResult<OutboxEntry> Outbox::enqueue(qint64 conversationId, const QString &backend,
    const QString &text, const QString &agent, const QString &task)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"INSERT INTO outbox (conversation_id, backend, text, agent, task, status, "
            u"created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)"_s,
            { conversationId, backend, text, nullable(agent), nullable(task), now, now },
            tr("Queueing the question")))
        return *e;
    const qint64 id = q.lastInsertId().toLongLong();
    Q_EMIT changed(id);
    return entry(id);
}

StoreResult<OutboxEntry> Outbox::entry(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT "_s + columns + u" FROM outbox WHERE id = ?"_s, { id },
            tr("Reading the outbox")))
        return *e;
    if (!q.next())
        return StoreError { StoreError::Code::NotFound, tr("That queued question is gone."), {} };
    return read(q);
}

StoreResult<QList<OutboxEntry>> Outbox::queued(const QString &backend) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT "_s + columns
                + u" FROM outbox WHERE status = 'queued' AND (? = '' OR backend = ?) ORDER BY id"_s,
            { backend.isNull() ? u""_s : backend, backend }, tr("Reading the outbox")))
        return *e;
    QList<OutboxEntry> entries;
    while (q.next())
        entries << read(q);
    return entries;
}

StoreResult<int> Outbox::queuedCount(const QString &backend) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT count(*) FROM outbox WHERE status = 'queued' AND (? = '' OR backend = ?)"_s,
            { backend.isNull() ? u""_s : backend, backend }, tr("Reading the outbox")))
        return *e;
    return q.next() ? q.value(0).toInt() : 0;
}

StoreResult<bool> Outbox::hasQueued(qint64 conversationId) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT 1 FROM outbox WHERE status IN ('queued', 'sending') AND conversation_id = ? "
            u"LIMIT 1"_s,
            { conversationId }, tr("Reading the outbox")))
        return *e;
    return q.next();
}

StoreResult<bool> Outbox::cancel(qint64 id)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"UPDATE outbox SET status = 'cancelled', updated_at = ? "
            u"WHERE id = ? AND status = 'queued'"_s,
            { QDateTime::currentMSecsSinceEpoch(), id }, tr("Cancelling the queued question")))
        return *e;
    const bool cancelled = q.numRowsAffected() == 1;
    if (cancelled)
        Q_EMIT changed(id);
    return cancelled;
}

StoreStatus Outbox::setStatus(qint64 id, OutboxEntry::Status status, const QString &error)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"UPDATE outbox SET status = ?, error = ?, updated_at = ? WHERE id = ?"_s,
            { OutboxEntry::statusName(status), nullable(error), QDateTime::currentMSecsSinceEpoch(),
                id },
            tr("Updating the outbox")))
        return e;
    Q_EMIT changed(id);
    return std::nullopt;
}

StoreResult<int> Outbox::failInterruptedSends()
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"UPDATE outbox SET status = 'failed', error = ?, updated_at = ? "
            u"WHERE status = 'sending'"_s,
            { tr("Chartroom stopped while this question was being sent."),
                QDateTime::currentMSecsSinceEpoch() },
            tr("Repairing the outbox")))
        return *e;
    return q.numRowsAffected();
}

StoreResult<qint64> Outbox::messageFor(const OutboxEntry &entry) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT id FROM messages WHERE conversation_id = ? AND role = 'user' "
            u"AND status = 'pending' AND text = ? ORDER BY seq LIMIT 1"_s,
            { entry.conversationId, entry.text }, tr("Reading the outbox")))
        return *e;
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}
