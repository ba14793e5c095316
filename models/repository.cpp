#include "repository.h"

#include "database.h"
#include "searchquery.h"
#include "sqlrun.h"
#include "sqltransaction.h"
#include "syncrecords.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace {

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
    return s.isNull() ? u""_qs : s;
}

// Prepared statements with bound values (sqlrun.h).
constexpr auto run = &execPrepared;

StoreError notFound(const QString &what)
{
    return StoreError { StoreError::Code::NotFound, what, {} };
}

const QString conversationColumns
    = u"id, backend, remote_id, title, created_at, updated_at, deleted"_qs;
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

const QString messageColumns = u"id, conversation_id, remote_id, role, agent, task, locale_id, "
                               u"text, status, error_detail, created_at, updated_at, seq, "
                               u"resume_state"_qs;
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
    m.text = q.value(7).toString();
    parseStatus(q.value(8).toString(), &m.status);
    m.errorDetail = q.value(9).toString();
    m.createdAt = fromMs(q.value(10));
    m.updatedAt = fromMs(q.value(11));
    m.seq = q.value(12).toLongLong();
    m.resumeState = q.value(13).toString().toUtf8();
    return m;
}

const QString assetColumns
    = u"id, message_id, remote_id, type, value_json, data_json, data_taken_at, created_at"_qs;
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
            u"data_json, data_taken_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_qs,
            { messageId, nullable(asset->remoteId), nonNull(asset->type),
                QString::fromUtf8(asset->valueJson),
                asset->dataJson.isEmpty() ? QVariant()
                                          : QVariant(QString::fromUtf8(asset->dataJson)),
                msOrNull(asset->dataTakenAt), asset->createdAt.toMSecsSinceEpoch() },
            u"Saving a chart"_qs))
        return e;
    asset->id = q.lastInsertId().toLongLong();
    return std::nullopt;
}

} // namespace

Repository::Repository(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    qRegisterMetaType<Conversation>();
    qRegisterMetaType<Message>();
}

StoreResult<Conversation> Repository::createConversation(
    const QString &title, const QString &backend, const QString &remoteId)
{
    QSqlQuery q(m_database.connection());
    const qint64 now = nowMs();
    if (StoreStatus e = run(q,
            u"INSERT INTO conversations (backend, remote_id, title, created_at, "
            u"updated_at) VALUES (?, ?, ?, ?, ?)"_qs,
            { nonNull(backend), nullable(remoteId), nonNull(title), now, now },
            u"Creating the conversation"_qs))
        return *e;
    Conversation c;
    c.id = q.lastInsertId().toLongLong();
    c.backend = backend;
    c.remoteId = remoteId;
    c.title = title;
    c.createdAt = c.updatedAt = fromMs(now);
    Q_EMIT conversationAdded(c);
    return c;
}

StoreResult<Conversation> Repository::conversation(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"SELECT " + conversationColumns + u" FROM conversations WHERE id = ?", { id },
            u"Reading the conversation"_qs))
        return *e;
    if (!q.next())
        return notFound(u"There is no conversation " + QString::number(id) + u'.');
    return readConversation(q);
}

StoreResult<QList<Conversation>> Repository::conversations(int limit, int offset) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT " + conversationColumns
                + u" FROM conversations WHERE deleted = 0 "
                  u"ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?",
            { limit, offset }, u"Reading the conversation list"_qs))
        return *e;
    QList<Conversation> list;
    while (q.next())
        list << readConversation(q);
    return list;
}

StoreResult<int> Repository::conversationCount() const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT count(*) FROM conversations WHERE deleted = 0"_qs, {},
            u"Counting conversations"_qs))
        return *e;
    q.next();
    return q.value(0).toInt();
}

StoreStatus Repository::renameConversation(qint64 id, const QString &title)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"UPDATE conversations SET title = ? WHERE id = ? AND deleted = 0"_qs,
            { nonNull(title), id }, u"Renaming the conversation"_qs))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no conversation " + QString::number(id) + u'.');
    if (auto c = conversation(id))
        Q_EMIT conversationChanged(*c);
    return std::nullopt;
}

StoreStatus Repository::deleteConversation(qint64 id)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"UPDATE conversations SET deleted = 1 WHERE id = ? AND deleted = 0"_qs, { id },
            u"Deleting the conversation"_qs))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no conversation " + QString::number(id) + u'.');
    Q_EMIT conversationRemoved(id);
    return std::nullopt;
}

StoreStatus Repository::setConversationRemoteId(
    qint64 id, const QString &remoteId, const QString &backend)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"UPDATE conversations SET remote_id = ?, backend = coalesce(?, backend) WHERE id = ?"_qs,
            { nullable(remoteId), backend.isEmpty() ? QVariant() : QVariant(backend), id },
            u"Saving the conversation"_qs))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no conversation " + QString::number(id) + u'.');
    if (auto c = conversation(id))
        Q_EMIT conversationChanged(*c);
    return std::nullopt;
}

StoreResult<std::optional<Conversation>> Repository::conversationByRemoteId(
    const QString &backend, const QString &remoteId) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT " + conversationColumns
                + u" FROM conversations WHERE backend = ? AND remote_id = ?",
            { nonNull(backend), nonNull(remoteId) }, u"Reading the conversation"_qs))
        return *e;
    if (!q.next())
        return std::optional<Conversation>();
    return std::optional<Conversation>(readConversation(q));
}

StoreStatus Repository::mergeConversation(qint64 from, qint64 into)
{
    const QString what = u"Joining the conversation to its earlier copy"_qs;
    if (from == into)
        return StoreError { StoreError::Code::Invalid,
            what + u": a conversation cannot join itself.", {} };
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(seq), 0) FROM messages WHERE conversation_id = ?"_qs,
            { into }, what))
        return e;
    q.next();
    const qint64 offset = q.value(0).toLongLong();
    q.finish();
    // Two steps keep (conversation_id, seq) unique at every row: first out of the way of
    // `into`'s numbers (negative), then after them.
    if (StoreStatus e = run(q,
            u"UPDATE messages SET conversation_id = ?, seq = -seq WHERE conversation_id = ?"_qs,
            { into, from }, what))
        return e;
    if (StoreStatus e
        = run(q, u"UPDATE messages SET seq = ? - seq WHERE conversation_id = ? AND seq < 0"_qs,
            { offset, into }, what))
        return e;
    if (StoreStatus e
        = run(q, u"UPDATE outbox SET conversation_id = ? WHERE conversation_id = ?"_qs,
            { into, from }, what))
        return e;
    if (StoreStatus e = run(q, u"DELETE FROM conversations WHERE id = ?"_qs, { from }, what))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no conversation " + QString::number(from) + u'.');
    if (StoreStatus e
        = run(q, u"UPDATE conversations SET deleted = 0 WHERE id = ?"_qs, { into }, what))
        return e;
    if (StoreStatus e = touchConversation(into, nowMs()))
        return e;
    if (StoreStatus e = transaction.commit(what))
        return e;
    Q_EMIT conversationRemoved(from);
    if (auto c = conversation(into))
        Q_EMIT conversationChanged(*c);
    return std::nullopt;
}

StoreStatus Repository::touchConversation(qint64 id, qint64 atMs)
{
    QSqlQuery q(m_database.connection());
    return run(q, u"UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?"_qs,
        { atMs, id }, u"Saving the conversation"_qs);
}

StoreResult<Message> Repository::addMessage(Message m)
{
    const QString what = u"Saving the message"_qs;
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = ?"_qs,
            { m.conversationId }, what))
        return *e;
    q.next();
    m.seq = q.value(0).toLongLong();
    q.finish();
    const qint64 now = nowMs();
    if (!m.createdAt.isValid())
        m.createdAt = fromMs(now);
    m.updatedAt = fromMs(now);
    if (StoreStatus e = run(q,
            u"INSERT INTO messages (conversation_id, remote_id, role, agent, task, "
            u"locale_id, text, status, error_detail, created_at, updated_at, seq) "
            u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs,
            { m.conversationId, nullable(m.remoteId), roleName(m.role), nullable(m.agent),
                nullable(m.task), nullable(m.localeId), nonNull(m.text), statusName(m.status),
                nullable(m.errorDetail), m.createdAt.toMSecsSinceEpoch(), now, m.seq },
            what))
        return *e;
    m.id = q.lastInsertId().toLongLong();
    for (Asset &asset : m.assets) {
        if (StoreStatus e = insertAsset(q, &asset, m.id))
            return *e;
    }
    if (StoreStatus e = touchConversation(m.conversationId, now))
        return *e;
    if (StoreStatus e = transaction.commit(what))
        return *e;
    Q_EMIT messageAdded(m);
    if (auto c = conversation(m.conversationId))
        Q_EMIT conversationChanged(*c);
    return m;
}

StoreResult<Message> Repository::message(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT " + messageColumns + u" FROM messages WHERE id = ?", { id },
            u"Reading the message"_qs))
        return *e;
    if (!q.next())
        return notFound(u"There is no message " + QString::number(id) + u'.');
    Message m = readMessage(q);
    auto assets = assetsFor({ m.id });
    if (!assets)
        return assets.error();
    m.assets = *assets;
    return m;
}

StoreResult<QList<Message>> Repository::messages(
    qint64 conversationId, qint64 beforeSeq, int limit) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT " + messageColumns
                + u" FROM messages WHERE conversation_id = ? AND seq < ? "
                  u"ORDER BY seq DESC LIMIT ?",
            { conversationId, beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max(),
                limit },
            u"Reading the conversation"_qs))
        return *e;
    QList<Message> list;
    QList<qint64> ids;
    while (q.next()) {
        list.prepend(readMessage(q));
        ids << list.first().id;
    }
    auto assets = assetsFor(ids);
    if (!assets)
        return assets.error();
    for (const Asset &a : std::as_const(*assets)) {
        for (Message &m : list) {
            if (m.id == a.messageId) {
                m.assets << a;
                break;
            }
        }
    }
    return list;
}

StoreResult<QList<Asset>> Repository::assetsFor(const QList<qint64> &messageIds) const
{
    QList<Asset> assets;
    if (messageIds.isEmpty())
        return assets;
    QString placeholders;
    QVariantList values;
    for (qint64 id : messageIds) {
        placeholders += placeholders.isEmpty() ? u"?"_qs : u", ?"_qs;
        values << id;
    }
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT " + assetColumns + u" FROM message_assets WHERE message_id IN (" + placeholders
                + u") ORDER BY id",
            values, u"Reading charts"_qs))
        return *e;
    while (q.next())
        assets << readAsset(q);
    return assets;
}

StoreResult<int> Repository::messageCount(qint64 conversationId) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT count(*) FROM messages WHERE conversation_id = ?"_qs,
            { conversationId }, u"Counting messages"_qs))
        return *e;
    q.next();
    return q.value(0).toInt();
}

StoreResult<std::optional<Message>> Repository::messageByRemoteId(
    qint64 conversationId, const QString &remoteId, qint64 exceptId) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT id FROM messages WHERE remote_id = ? AND conversation_id = ? AND id != ? "
            u"ORDER BY seq LIMIT 1"_qs,
            { nonNull(remoteId), conversationId, exceptId }, u"Reading the message"_qs))
        return *e;
    if (!q.next())
        return std::optional<Message>();
    auto found = message(q.value(0).toLongLong());
    if (!found)
        return found.error();
    return std::optional<Message>(*found);
}

StoreStatus Repository::removeMessage(qint64 id)
{
    auto removed = message(id);
    if (!removed)
        return removed.error();
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"DELETE FROM messages WHERE id = ?"_qs, { id }, u"Removing the message"_qs))
        return e;
    Q_EMIT messageRemoved(id, removed->conversationId);
    return std::nullopt;
}

StoreStatus Repository::updateMessage(const Message &message, MessageFields fields)
{
    QStringList sets;
    QVariantList values;
    if (fields & MessageField::Text) {
        sets << u"text = ?"_qs;
        values << nonNull(message.text);
    }
    if (fields & MessageField::Status) {
        sets << u"status = ?"_qs << u"error_detail = ?"_qs;
        values << statusName(message.status) << nullable(message.errorDetail);
    }
    if (fields & MessageField::ResumeState) {
        sets << u"resume_state = ?"_qs;
        values << (message.resumeState.isEmpty()
                ? QVariant()
                : QVariant(QString::fromUtf8(message.resumeState)));
    }
    if (fields & MessageField::RemoteId) {
        sets << u"remote_id = ?"_qs;
        values << nullable(message.remoteId);
    }
    const qint64 now = nowMs();
    sets << u"updated_at = ?"_qs;
    values << now << message.id;

    const QString what = u"Saving the message"_qs;
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    // The column names come from the fixed list above, never from input.
    if (StoreStatus e
        = run(q, u"UPDATE messages SET " + sets.join(u", ") + u" WHERE id = ?", values, what))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no message " + QString::number(message.id) + u'.');
    Message updated = message;
    if (fields & MessageField::Assets) {
        for (Asset &asset : updated.assets) {
            if (asset.id == 0) {
                if (StoreStatus e = insertAsset(q, &asset, message.id))
                    return e;
            }
        }
    }
    if (StoreStatus e = touchConversation(message.conversationId, now))
        return e;
    if (StoreStatus e = transaction.commit(what))
        return e;
    updated.updatedAt = fromMs(now);
    Q_EMIT messageChanged(updated, fields);
    return std::nullopt;
}

StoreResult<Asset> Repository::addAsset(qint64 messageId, Asset asset)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = insertAsset(q, &asset, messageId))
        return *e;
    if (auto m = message(messageId))
        Q_EMIT messageChanged(*m, MessageField::Assets);
    return asset;
}

StoreResult<Asset> Repository::asset(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT " + assetColumns + u" FROM message_assets WHERE id = ?",
            { id }, u"Reading the chart"_qs))
        return *e;
    if (!q.next())
        return notFound(u"There is no asset " + QString::number(id) + u'.');
    return readAsset(q);
}

StoreStatus Repository::updateAssetValue(
    qint64 assetId, const QString &type, const QByteArray &valueJson)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"UPDATE message_assets SET type = ?, value_json = ?, "
            u"data_json = CASE WHEN value_json = ? THEN data_json END, "
            u"data_taken_at = CASE WHEN value_json = ? THEN data_taken_at END WHERE id = ?"_qs,
            { nonNull(type), QString::fromUtf8(valueJson), QString::fromUtf8(valueJson),
                QString::fromUtf8(valueJson), assetId },
            u"Saving a chart"_qs))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no asset " + QString::number(assetId) + u'.');
    auto updated = asset(assetId);
    if (!updated)
        return updated.error();
    if (auto m = message(updated->messageId))
        Q_EMIT messageChanged(*m, MessageField::Assets);
    return std::nullopt;
}

StoreStatus Repository::setAssetSnapshot(
    qint64 assetId, const QByteArray &dataJson, const QDateTime &at)
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"UPDATE message_assets SET data_json = ?, data_taken_at = ? WHERE id = ?"_qs,
            { QString::fromUtf8(dataJson), msOrNull(at), assetId }, u"Saving the chart data"_qs))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no asset " + QString::number(assetId) + u'.');
    return std::nullopt;
}

StoreResult<QList<Asset>> Repository::assetsWithoutSnapshot(const QString &backend, int limit) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // json_extract only on valid JSON: a malformed definition must not fail the whole query.
    if (StoreStatus e = run(q,
            u"SELECT a.id, a.message_id, a.remote_id, a.type, a.value_json, a.data_json, "
            u"a.data_taken_at, a.created_at FROM message_assets a "
            u"JOIN messages m ON m.id = a.message_id "
            u"JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE c.backend = ? AND c.deleted = 0 AND a.type = 'item' "
            u"AND (a.data_json IS NULL OR a.data_json = '') "
            u"AND CASE WHEN json_valid(a.value_json) "
            u"THEN json_extract(a.value_json, '$.type') END = 'line-chart' "
            u"ORDER BY a.id LIMIT ?"_qs,
            { backend, limit }, u"Reading the charts without data"_qs))
        return *e;
    QList<Asset> assets;
    while (q.next())
        assets << readAsset(q);
    return assets;
}

StoreResult<std::optional<Message>> Repository::resumableAnswer() const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE m.resume_state IS NOT NULL AND m.status = 'interrupted' AND c.deleted = 0 "
            u"ORDER BY m.updated_at DESC LIMIT 1"_qs,
            {}, u"Looking for an answer to resume"_qs))
        return *e;
    if (!q.next())
        return std::optional<Message>();
    auto m = message(q.value(0).toLongLong());
    if (!m)
        return m.error();
    return std::optional<Message>(*m);
}

void Repository::notifySynced(const SyncChanges &changes)
{
    for (const Conversation &c : changes.addedConversations)
        Q_EMIT conversationAdded(c);
    for (const Message &m : changes.addedMessages)
        Q_EMIT messageAdded(m);
    const MessageFields rewritten
        = MessageField::Text | MessageField::Status | MessageField::RemoteId | MessageField::Assets;
    for (const Message &m : changes.changedMessages) {
        // Rare (edits on the backend): read back, so the views get every asset.
        auto stored = message(m.id);
        Q_EMIT messageChanged(stored ? *stored : m, rewritten);
    }
    for (const Conversation &c : changes.changedConversations)
        Q_EMIT conversationChanged(c);
    for (qint64 id : changes.removedConversations)
        Q_EMIT conversationRemoved(id);
}

StoreResult<int> Repository::markStreamingInterrupted()
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"UPDATE messages SET status = 'interrupted', error_detail = "
            u"coalesce(error_detail, 'The answer was cut off when Chartroom "
            u"stopped.') WHERE status IN ('streaming', 'pending') AND role <> 'user'"_qs,
            {}, u"Repairing unfinished answers"_qs))
        return *e;
    return q.numRowsAffected();
}

namespace {
// A search filter as SQL conditions with their bound values (never interpolated).
struct FilterSql
{
    QString where;
    QVariantList values;
};

void addDateRange(FilterSql &sql, const SearchFilter &filter, const QString &column)
{
    if (!filter.from.isValid() && !filter.to.isValid())
        return;
    sql.where += u" AND "_qs + column + u" BETWEEN ? AND ?"_qs;
    sql.values << (filter.from.isValid() ? filter.from.startOfDay().toMSecsSinceEpoch()
                                         : std::numeric_limits<qint64>::min());
    sql.values << (filter.to.isValid() ? filter.to.addDays(1).startOfDay().toMSecsSinceEpoch() - 1
                                       : std::numeric_limits<qint64>::max());
}

FilterSql titleFilterSql(const SearchFilter &filter)
{
    FilterSql sql;
    if (!filter.backend.isEmpty()) {
        sql.where += u" AND c.backend = ?"_qs;
        sql.values << filter.backend;
    }
    addDateRange(sql, filter, u"c.updated_at"_qs);
    if (filter.hasChart) {
        sql.where += u" AND EXISTS (SELECT 1 FROM messages cm JOIN message_assets a ON "
                     u"a.message_id = cm.id WHERE cm.conversation_id = c.id)"_qs;
    }
    return sql;
}

FilterSql messageFilterSql(const SearchFilter &filter)
{
    FilterSql sql;
    if (!filter.backend.isEmpty()) {
        sql.where += u" AND c.backend = ?"_qs;
        sql.values << filter.backend;
    }
    addDateRange(sql, filter, u"m.created_at"_qs);
    if (filter.hasChart)
        sql.where += u" AND EXISTS (SELECT 1 FROM message_assets a WHERE a.message_id = m.id)"_qs;
    return sql;
}
} // namespace

StoreResult<QList<SearchHit>> Repository::search(
    const QString &text, int limit, const SearchFilter &filter) const
{
    QList<SearchHit> hits;
    const QString match = SearchQuery::toFts5(text);
    if (match.isEmpty())
        return hits;
    const QString what = u"Searching the history"_qs;
    const QString open = SearchHit::markStart, close = SearchHit::markEnd;
    const FilterSql titleSql = titleFilterSql(filter);
    const FilterSql messageSql = messageFilterSql(filter);
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT c.id, c.title, snippet(conversations_fts, 0, ?, ?, '…', 12), "
            u"c.updated_at FROM conversations_fts JOIN conversations c ON "
            u"c.id = conversations_fts.rowid WHERE conversations_fts MATCH ? AND "
            u"c.deleted = 0"_qs
                + titleSql.where + u" ORDER BY rank LIMIT ?"_qs,
            QVariantList { open, close, match } + titleSql.values + QVariantList { limit }, what))
        return *e;
    while (q.next()) {
        SearchHit hit;
        hit.conversationId = q.value(0).toLongLong();
        hit.conversationTitle = q.value(1).toString();
        hit.snippet = q.value(2).toString();
        hit.at = fromMs(q.value(3));
        hits << hit;
    }
    q.finish();

    // Messages, in two steps so that a common word over a million messages stays fast:
    // 1. the newest `rankingWindow` matches with their bm25 rank (FTS5 walks its index newest
    //    first and stops there), best `limit` kept;
    // 2. snippets for those only.
    // Matches older than the window are not ranked; every match within it is, exactly.
    if (StoreStatus e = run(q,
            u"SELECT messages_fts.rowid, messages_fts.rank FROM messages_fts "
            u"JOIN messages m ON m.id = messages_fts.rowid "
            u"JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE messages_fts MATCH ? AND c.deleted = 0"_qs
                + messageSql.where + u" ORDER BY messages_fts.rowid DESC LIMIT ?"_qs,
            QVariantList { match } + messageSql.values + QVariantList { rankingWindow }, what))
        return *e;
    QList<QPair<double, qint64>> ranked;
    while (q.next())
        ranked << qMakePair(q.value(1).toDouble(), q.value(0).toLongLong());
    q.finish();
    std::stable_sort(ranked.begin(), ranked.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; }); // bm25: lower is better
    ranked = ranked.mid(0, limit);
    if (ranked.isEmpty())
        return hits;

    QString placeholders;
    QVariantList values { open, close, match };
    for (const auto &r : std::as_const(ranked)) {
        placeholders += placeholders.isEmpty() ? u"?"_qs : u", ?"_qs;
        values << r.second;
    }
    if (StoreStatus e = run(q,
            u"SELECT m.id, m.conversation_id, c.title, "
            u"snippet(messages_fts, 0, ?, ?, '…', 16), m.role, m.created_at "
            u"FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
            u"JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE messages_fts MATCH ? AND messages_fts.rowid IN ("
                + placeholders + u")",
            values, what))
        return *e;
    QHash<qint64, SearchHit> byId;
    while (q.next()) {
        SearchHit hit;
        hit.messageId = q.value(0).toLongLong();
        hit.conversationId = q.value(1).toLongLong();
        hit.conversationTitle = q.value(2).toString();
        hit.snippet = q.value(3).toString();
        parseRole(q.value(4).toString(), &hit.role);
        hit.at = fromMs(q.value(5));
        byId.insert(hit.messageId, hit);
    }
    for (const auto &[rank, id] : std::as_const(ranked)) {
        if (!byId.contains(id))
            continue;
        SearchHit hit = byId.value(id);
        hit.rank = rank;
        hits << hit;
    }
    return hits;
}

StoreResult<QStringList> Repository::searchableBackends() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT DISTINCT backend FROM conversations WHERE deleted = 0 ORDER BY backend"_qs, {},
            u"Listing the backends of the history"_qs))
        return *e;
    QStringList backends;
    while (q.next())
        backends << q.value(0).toString();
    return backends;
}
