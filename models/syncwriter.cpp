#include "models/syncwriter.h"

#include "models/database.h"
#include "models/deferredindex.h"
#include "models/sqlstatement.h"
#include "models/sqltransaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}
QString nonNull(const QString &s)
{
    return s.isNull() ? u""_s : s;
}
qint64 msOr(const QDateTime &t, qint64 fallback)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : fallback;
}
QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
bool sameJson(const QByteArray &a, const QByteArray &b)
{
    return a == b || QJsonDocument::fromJson(a) == QJsonDocument::fromJson(b);
}

// Writes the conversations of one page; all statements run inside the caller's transaction.
class PageWriter
{
public:
    PageWriter(const QSqlDatabase &db, const QString &backend, SyncChanges *changes)
        : m_backend(backend)
        , m_changes(changes)
        , m_findConversation(db,
              u"SELECT id, title, created_at, updated_at FROM conversations "
              u"WHERE backend = ? AND remote_id = ?"_s)
        , m_insertConversation(db,
              u"INSERT INTO conversations (backend, remote_id, title, created_at, updated_at) "
              u"VALUES (?, ?, ?, ?, ?)"_s)
        , m_updateConversation(db,
              u"UPDATE conversations SET title = ?, updated_at = max(updated_at, ?) "
              u"WHERE id = ?"_s)
        , m_maxSeq(db, u"SELECT coalesce(max(seq), 0) FROM messages WHERE conversation_id = ?"_s)
        , m_findMessage(db,
              u"SELECT id, role, text, agent, task, locale_id, status, seq, created_at "
              u"FROM messages WHERE conversation_id = ? AND remote_id = ?"_s)
        , m_insertMessage(db,
              u"INSERT INTO messages (conversation_id, remote_id, role, agent, task, locale_id, "
              u"text, status, created_at, updated_at, seq, fts_deferred) "
              u"VALUES (?, ?, ?, ?, ?, ?, ?, 'complete', ?, ?, ?, 1)"_s)
        , m_updateMessage(db,
              u"UPDATE messages SET role = ?, agent = ?, task = ?, locale_id = ?, text = ?, "
              u"status = 'complete', error_detail = NULL, updated_at = ? WHERE id = ?"_s)
        , m_findAsset(db,
              u"SELECT id, type, value_json FROM message_assets "
              u"WHERE message_id = ? AND remote_id = ?"_s)
        , m_findAnonymousAsset(db,
              u"SELECT id, value_json FROM message_assets "
              u"WHERE message_id = ? AND remote_id IS NULL AND type = ?"_s)
        , m_insertAsset(db,
              u"INSERT INTO message_assets (message_id, remote_id, type, value_json, created_at) "
              u"VALUES (?, ?, ?, ?, ?)"_s)
        , m_updateAsset(db, u"UPDATE message_assets SET type = ?, value_json = ? WHERE id = ?"_s)
    {
    }

    StoreStatus write(const RemoteConversation &remote);

private:
    // Upserts one message; sets *changed when it was added or rewritten.
    StoreStatus writeMessage(qint64 conversationId, bool conversationIsNew, qint64 *nextSeq,
        const RemoteMessage &remote, bool *changed);
    // Upserts the message's assets; returns whether any was added or rewritten.
    StoreResult<bool> writeAssets(
        qint64 messageId, bool messageIsNew, const RemoteMessage &remote, Message *message);

    const QString m_backend;
    SyncChanges *m_changes;
    const qint64 m_now = QDateTime::currentMSecsSinceEpoch();
    const QString m_what = QCoreApplication::translate("StoreError", "Saving synced conversations");
    SqlStatement m_findConversation, m_insertConversation, m_updateConversation, m_maxSeq,
        m_findMessage, m_insertMessage, m_updateMessage, m_findAsset, m_findAnonymousAsset,
        m_insertAsset, m_updateAsset;
};

StoreStatus PageWriter::write(const RemoteConversation &remote)
{
    if (StoreStatus e = m_findConversation.exec({ m_backend, remote.remoteId }, m_what))
        return e;
    QSqlQuery &found = m_findConversation.query();
    Conversation c;
    c.backend = m_backend;
    c.remoteId = remote.remoteId;
    const bool isNew = !found.next();
    qint64 nextSeq = 1;
    if (isNew) {
        found.finish();
        c.title = nonNull(remote.title);
        c.createdAt = fromMs(msOr(remote.createdAt, m_now));
        c.updatedAt = fromMs(msOr(remote.updatedAt, c.createdAt.toMSecsSinceEpoch()));
        if (StoreStatus e = m_insertConversation.exec(
                { m_backend, remote.remoteId, c.title, c.createdAt.toMSecsSinceEpoch(),
                    c.updatedAt.toMSecsSinceEpoch() },
                m_what))
            return e;
        c.id = m_insertConversation.query().lastInsertId().toLongLong();
    } else {
        c.id = found.value(0).toLongLong();
        c.title = found.value(1).toString();
        c.createdAt = fromMs(found.value(2).toLongLong());
        c.updatedAt = fromMs(found.value(3).toLongLong());
        found.finish();
        if (StoreStatus e = m_maxSeq.exec({ c.id }, m_what))
            return e;
        m_maxSeq.query().next();
        nextSeq = m_maxSeq.query().value(0).toLongLong() + 1;
        m_maxSeq.query().finish();
    }

    bool messagesChanged = false;
    for (const RemoteMessage &m : remote.messages) {
        bool changed = false;
        if (StoreStatus e = writeMessage(c.id, isNew, &nextSeq, m, &changed))
            return e;
        messagesChanged |= changed;
    }

    if (isNew) {
        ++m_changes->conversationsAdded;
        m_changes->addedConversations << c;
        return std::nullopt;
    }
    const bool retitled = !remote.title.isEmpty() && remote.title != c.title;
    if (!retitled && !messagesChanged)
        return std::nullopt;
    if (retitled)
        c.title = remote.title;
    const qint64 updated = std::max(c.updatedAt.toMSecsSinceEpoch(), msOr(remote.updatedAt, m_now));
    if (StoreStatus e = m_updateConversation.exec({ c.title, updated, c.id }, m_what))
        return e;
    c.updatedAt = fromMs(updated);
    ++m_changes->conversationsUpdated;
    m_changes->changedConversations << c;
    return std::nullopt;
}

StoreStatus PageWriter::writeMessage(qint64 conversationId, bool conversationIsNew, qint64 *nextSeq,
    const RemoteMessage &remote, bool *changed)
{
    Message m;
    m.conversationId = conversationId;
    m.remoteId = remote.remoteId;
    m.role = remote.role;
    m.text = remote.text;
    m.agent = remote.agent;
    m.task = remote.task;
    m.localeId = remote.localeId;
    m.status = MessageStatus::Complete;
    m.createdAt = fromMs(msOr(remote.createdAt, m_now));
    m.updatedAt = fromMs(msOr(remote.updatedAt, m.createdAt.toMSecsSinceEpoch()));

    bool isNew = true;
    bool contentChanged = false;
    if (!conversationIsNew && !remote.remoteId.isEmpty()) {
        if (StoreStatus e = m_findMessage.exec({ conversationId, remote.remoteId }, m_what))
            return e;
        QSqlQuery &q = m_findMessage.query();
        if (q.next()) {
            isNew = false;
            m.id = q.value(0).toLongLong();
            m.seq = q.value(7).toLongLong();
            m.createdAt = fromMs(q.value(8).toLongLong());
            contentChanged = q.value(1).toString() != roleName(remote.role)
                || q.value(2).toString() != remote.text || q.value(3).toString() != remote.agent
                || q.value(4).toString() != remote.task || q.value(5).toString() != remote.localeId
                || q.value(6).toString() != statusName(MessageStatus::Complete);
        }
        q.finish();
    }

    if (isNew) {
        m.seq = (*nextSeq)++;
        if (StoreStatus e = m_insertMessage.exec(
                { conversationId, nullable(remote.remoteId), roleName(remote.role),
                    nullable(remote.agent), nullable(remote.task), nullable(remote.localeId),
                    nonNull(remote.text), m.createdAt.toMSecsSinceEpoch(),
                    m.updatedAt.toMSecsSinceEpoch(), m.seq },
                m_what))
            return e;
        m.id = m_insertMessage.query().lastInsertId().toLongLong();
    } else if (contentChanged) {
        if (StoreStatus e = m_updateMessage.exec(
                { roleName(remote.role), nullable(remote.agent), nullable(remote.task),
                    nullable(remote.localeId), nonNull(remote.text),
                    m.updatedAt.toMSecsSinceEpoch(), m.id },
                m_what))
            return e;
    }

    auto assetsChanged = writeAssets(m.id, isNew, remote, &m);
    if (!assetsChanged)
        return assetsChanged.error();
    if (isNew) {
        ++m_changes->messagesAdded;
        m_changes->addedMessages << m;
        *changed = true;
    } else if (contentChanged || *assetsChanged) {
        ++m_changes->messagesUpdated;
        m_changes->changedMessages << m;
        *changed = true;
    }
    return std::nullopt;
}

StoreResult<bool> PageWriter::writeAssets(
    qint64 messageId, bool messageIsNew, const RemoteMessage &remote, Message *message)
{
    bool changed = false;
    for (const RemoteAsset &a : remote.assets) {
        Asset asset;
        asset.messageId = messageId;
        asset.remoteId = a.remoteId;
        asset.type = a.type;
        asset.valueJson = a.valueJson;
        asset.createdAt = fromMs(msOr(a.createdAt, m_now));
        if (!messageIsNew) {
            SqlStatement &find = a.remoteId.isEmpty() ? m_findAnonymousAsset : m_findAsset;
            if (StoreStatus e
                = find.exec({ messageId, a.remoteId.isEmpty() ? a.type : a.remoteId }, m_what))
                return *e;
            QSqlQuery &q = find.query();
            if (q.next()) {
                asset.id = q.value(0).toLongLong();
                const bool anonymous = a.remoteId.isEmpty();
                const QString type = anonymous ? a.type : q.value(1).toString();
                const QByteArray value = q.value(anonymous ? 1 : 2).toString().toUtf8();
                q.finish();
                if (type == a.type && sameJson(value, a.valueJson))
                    continue;
                if (StoreStatus e = m_updateAsset.exec(
                        { a.type, QString::fromUtf8(a.valueJson), asset.id }, m_what))
                    return *e;
                ++m_changes->assetsUpdated;
                message->assets << asset;
                changed = true;
                continue;
            }
            q.finish();
        }
        if (StoreStatus e = m_insertAsset.exec(
                { messageId, nullable(a.remoteId), nonNull(a.type), QString::fromUtf8(a.valueJson),
                    asset.createdAt.toMSecsSinceEpoch() },
                m_what))
            return *e;
        asset.id = m_insertAsset.query().lastInsertId().toLongLong();
        ++m_changes->assetsAdded;
        message->assets << asset;
        changed = true;
    }
    return changed;
}

StoreStatus storeCursor(const QSqlDatabase &db, const QString &backend, const QString &cursor,
    const QVariant &syncedAt, const QString &what)
{
    SqlStatement s(db,
        u"INSERT INTO sync_state (backend, cursor, synced_at) VALUES (?, ?, ?) "
        u"ON CONFLICT (backend) DO UPDATE SET cursor = excluded.cursor, "
        u"synced_at = coalesce(excluded.synced_at, synced_at)"_s);
    return s.exec({ backend, nullable(cursor), syncedAt }, what);
}

} // namespace

SyncWriter::SyncWriter(Database &database)
    : m_database(database)
{
}

StoreResult<QString> SyncWriter::cursor(const QString &backend) const
{
    SqlStatement s(m_database.connection(), u"SELECT cursor FROM sync_state WHERE backend = ?"_s);
    if (StoreStatus e = s.exec({ backend },
            QCoreApplication::translate("StoreError", "Reading where the last sync stopped")))
        return *e;
    return s.query().next() ? s.query().value(0).toString() : QString();
}

StoreResult<QDateTime> SyncWriter::syncedAt(const QString &backend) const
{
    SqlStatement s(
        m_database.connection(), u"SELECT synced_at FROM sync_state WHERE backend = ?"_s);
    if (StoreStatus e = s.exec({ backend },
            QCoreApplication::translate("StoreError", "Reading when the last sync ran")))
        return *e;
    if (!s.query().next() || s.query().value(0).isNull())
        return QDateTime();
    return fromMs(s.query().value(0).toLongLong());
}

StoreResult<SyncChanges> SyncWriter::writePage(
    const QString &backend, const QList<RemoteConversation> &conversations, const QString &cursor)
{
    const QString what = QCoreApplication::translate("StoreError", "Saving synced conversations");
    SyncChanges changes;
    SqlTransaction transaction(m_database.connection());
    {
        PageWriter writer(m_database.connection(), backend, &changes);
        for (const RemoteConversation &c : conversations) {
            if (StoreStatus e = writer.write(c))
                return *e;
        }
    }
    // The messages this page inserted, indexed for search in one statement (migration 7).
    if (StoreStatus e = DeferredIndex::indexFinished(m_database.connection(), what))
        return *e;
    if (StoreStatus e = storeCursor(m_database.connection(), backend, cursor, {}, what))
        return *e;
    if (StoreStatus e = transaction.commit(what))
        return *e;
    return changes;
}

StoreResult<SyncChanges> SyncWriter::finish(const QString &backend,
    const std::optional<QSet<QString>> &present, const QString &cursor, const QDateTime &at)
{
    const QString what = QCoreApplication::translate("StoreError", "Saving the end of the sync");
    SyncChanges changes;
    SqlTransaction transaction(m_database.connection());
    if (present) {
        SqlStatement list(m_database.connection(),
            u"SELECT id, remote_id FROM conversations "
            u"WHERE backend = ? AND remote_id IS NOT NULL AND deleted = 0"_s);
        if (StoreStatus e = list.exec({ backend }, what))
            return *e;
        while (list.query().next()) {
            if (!present->contains(list.query().value(1).toString()))
                changes.removedConversations << list.query().value(0).toLongLong();
        }
        list.query().finish();
        SqlStatement remove(m_database.connection(),
            u"UPDATE conversations SET deleted = 1 WHERE id = ? AND deleted = 0"_s);
        for (qint64 id : std::as_const(changes.removedConversations)) {
            if (StoreStatus e = remove.exec({ id }, what))
                return *e;
        }
        changes.conversationsDeleted = int(changes.removedConversations.size());
    }
    if (StoreStatus e = storeCursor(m_database.connection(), backend, cursor,
            at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant(), what))
        return *e;
    if (StoreStatus e = transaction.commit(what))
        return *e;
    return changes;
}
