#include "models/repositoryrows.h"

#include "models/sqlrun.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace RepositoryRows {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant() : QVariant(s);
}
// For NOT NULL text columns: a null QString would bind as SQL NULL.
QString nonNull(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

StoreError notFound(const QString &what)
{
    return StoreError { StoreError::Code::NotFound, what, {} };
}

extern const QString conversationColumns
    = u"id, backend, remote_id, title, created_at, updated_at, deleted"_s;
Conversation readConversation(const QSqlQuery &q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.backend = q.value(1).toString();
    c.remoteId = q.value(2).toString();
    c.title = q.value(3).toString();
    c.createdAt = fromMs(q.value(4));
    c.updatedAt = fromMs(q.value(5));
    c.deleted = q.value(6).toBool();
    return c;
}

// The text is read as its stored UTF-8 bytes and decoded by Qt: SQLite's own conversion to
// UTF-16 goes a byte at a time (a 4 MB message: ~40 ms of the ~80 it took to read).
namespace {
QString messageColumnsWith(QStringView text)
{
    return u"id, conversation_id, remote_id, role, agent, task, locale_id, " + text
        + u", status, error_detail, created_at, updated_at, seq, resume_state, superseded_at";
}
} // namespace
extern const QString messageColumns = messageColumnsWith(u"CAST(text AS BLOB)");
extern const QString messageColumnsWithoutText = messageColumnsWith(u"NULL");
Message readMessage(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.remoteId = q.value(2).toString();
    parseRole(q.value(3).toString(), &m.role);
    m.agent = q.value(4).toString();
    m.task = q.value(5).toString();
    m.localeId = q.value(6).toString();
    m.text = QString::fromUtf8(q.value(7).toByteArray());
    parseStatus(q.value(8).toString(), &m.status);
    m.errorDetail = q.value(9).toString();
    m.createdAt = fromMs(q.value(10));
    m.updatedAt = fromMs(q.value(11));
    m.seq = q.value(12).toLongLong();
    m.resumeState = q.value(13).toString().toUtf8();
    if (!q.value(14).isNull())
        m.supersededAt = fromMs(q.value(14));
    return m;
}

extern const QString assetColumns
    = u"id, message_id, remote_id, type, value_json, data_json, data_taken_at, created_at"_s;
Asset readAsset(const QSqlQuery &q)
{
    Asset a;
    a.id = q.value(0).toLongLong();
    a.messageId = q.value(1).toLongLong();
    a.remoteId = q.value(2).toString();
    a.type = q.value(3).toString();
    a.valueJson = q.value(4).toString().toUtf8();
    a.dataJson = q.value(5).toString().toUtf8();
    a.dataTakenAt = fromMs(q.value(6));
    a.createdAt = fromMs(q.value(7));
    return a;
}

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

StoreStatus insertAsset(QSqlQuery &q, Asset *asset, qint64 messageId)
{
    asset->messageId = messageId;
    if (!asset->createdAt.isValid())
        asset->createdAt = fromMs(nowMs());
    if (StoreStatus e = run(q,
            u"INSERT INTO message_assets (message_id, remote_id, type, value_json, "
            u"data_json, data_taken_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { messageId, nullable(asset->remoteId), nonNull(asset->type),
                QString::fromUtf8(asset->valueJson),
                asset->dataJson.isEmpty() ? QVariant()
                                          : QVariant(QString::fromUtf8(asset->dataJson)),
                msOrNull(asset->dataTakenAt), asset->createdAt.toMSecsSinceEpoch() },
            QCoreApplication::translate("StoreError", "Saving a chart")))
        return e;
    asset->id = q.lastInsertId().toLongLong();
    return std::nullopt;
}

StoreStatus insertMessage(const QSqlDatabase &db, Message *message, bool deferIndex)
{
    const QString what = QCoreApplication::translate("StoreError", "Saving the message");
    Message &m = *message;
    QSqlQuery q(db);
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = ?"_s,
            { m.conversationId }, what))
        return e;
    q.next();
    m.seq = q.value(0).toLongLong();
    q.finish();
    const qint64 now = nowMs();
    if (!m.createdAt.isValid())
        m.createdAt = fromMs(now);
    m.updatedAt = fromMs(now);
    if (StoreStatus e = run(q,
            u"INSERT INTO messages (conversation_id, remote_id, role, agent, task, "
            u"locale_id, text, status, error_detail, created_at, updated_at, seq, fts_deferred) "
            u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { m.conversationId, nullable(m.remoteId), roleName(m.role), nullable(m.agent),
                nullable(m.task), nullable(m.localeId), nonNull(m.text), statusName(m.status),
                nullable(m.errorDetail), m.createdAt.toMSecsSinceEpoch(), now, m.seq,
                deferIndex ? 1 : 0 },
            what))
        return e;
    m.id = q.lastInsertId().toLongLong();
    for (Asset &asset : m.assets) {
        if (StoreStatus e = insertAsset(q, &asset, m.id))
            return e;
    }
    return touchConversation(db, m.conversationId, now);
}

StoreStatus updateMessageRow(const QSqlDatabase &db, const Message &message,
    Repository::MessageFields fields, qint64 atMs, bool deferIndex)
{
    using Field = Repository::MessageField;
    QStringList sets;
    QVariantList values;
    if (fields & Field::Text) {
        sets << u"text = ?"_s;
        values << nonNull(message.text);
        if (deferIndex)
            sets << u"fts_deferred = 1"_s;
    }
    if (fields & Field::Status) {
        sets << u"status = ?"_s << u"error_detail = ?"_s;
        values << statusName(message.status) << nullable(message.errorDetail);
    }
    if (fields & Field::ResumeState) {
        sets << u"resume_state = ?"_s;
        values << (message.resumeState.isEmpty()
                ? QVariant()
                : QVariant(QString::fromUtf8(message.resumeState)));
    }
    if (fields & Field::RemoteId) {
        sets << u"remote_id = ?"_s;
        values << nullable(message.remoteId);
    }
    sets << u"updated_at = ?"_s;
    values << atMs << message.id;

    QSqlQuery q(db);
    // The column names come from the fixed list above, never from input.
    if (StoreStatus e = run(q, u"UPDATE messages SET " + sets.join(u", ") + u" WHERE id = ?",
            values, QCoreApplication::translate("StoreError", "Saving the message")))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no message " + QString::number(message.id) + u'.');
    return touchConversation(db, message.conversationId, atMs);
}

StoreStatus touchConversation(const QSqlDatabase &db, qint64 conversationId, qint64 atMs)
{
    QSqlQuery q(db);
    return run(q, u"UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?"_s,
        { atMs, conversationId },
        QCoreApplication::translate("StoreError", "Saving the conversation"));
}

} // namespace RepositoryRows
