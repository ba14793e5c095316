// Repository: earlier versions of messages (issue 16.4). An edited question sent again, or a
// regenerated answer, replaces the conversation's last rows; they stay in the history, marked
// with the time they were replaced (messages.superseded_at, migration 10).
#include "models/database.h"
#include "models/repository.h"
#include "models/repositoryrows.h"
#include "models/sqltransaction.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

using namespace RepositoryRows;

StoreResult<QList<qint64>> Repository::supersede(qint64 conversationId, qint64 fromSeq)
{
    const QString what = QCoreApplication::translate("StoreError", "Keeping the earlier version");
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT id FROM messages WHERE conversation_id = ? AND seq >= ? "
            u"AND superseded_at IS NULL ORDER BY seq"_s,
            { conversationId, fromSeq }, what))
        return *e;
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    if (ids.isEmpty())
        return notFound(
            u"There is nothing after message "_s + QString::number(fromSeq) + u" to replace."_s);
    const qint64 now = nowMs();
    if (StoreStatus e = run(q,
            u"UPDATE messages SET superseded_at = ?, updated_at = ? WHERE conversation_id = ? "
            u"AND seq >= ? AND superseded_at IS NULL"_s,
            { now, now, conversationId, fromSeq }, what))
        return *e;
    if (StoreStatus e = transaction.commit(what))
        return *e;
    announceVersions(conversationId, ids, fromMs(now), now);
    return ids;
}

StoreStatus Repository::restoreVersions(qint64 conversationId, const QList<qint64> &ids)
{
    const QString what = QCoreApplication::translate("StoreError", "Restoring the earlier version");
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    const qint64 now = nowMs();
    for (qint64 id : ids) {
        if (StoreStatus e = run(q,
                u"UPDATE messages SET superseded_at = NULL, updated_at = ? "
                u"WHERE id = ? AND conversation_id = ?"_s,
                { now, id, conversationId }, what))
            return e;
    }
    if (StoreStatus e = transaction.commit(what))
        return e;
    announceVersions(conversationId, ids, {}, now);
    return std::nullopt;
}

void Repository::announceVersions(
    qint64 conversationId, const QList<qint64> &ids, const QDateTime &supersededAt, qint64 atMs)
{
    for (qint64 id : ids) {
        Message changed;
        changed.id = id;
        changed.conversationId = conversationId;
        changed.supersededAt = supersededAt;
        changed.updatedAt = fromMs(atMs);
        Q_EMIT messageChanged(changed, MessageField::Superseded);
    }
}
