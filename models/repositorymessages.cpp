// Repository: messages and their assets.
#include "models/database.h"
#include "models/deferredindex.h"
#include "models/repository.h"
#include "models/repositoryrows.h"
#include "models/searchindexthread.h"
#include "models/sqlitetextprefix.h"
#include "models/sqlrun.h"
#include "models/sqltransaction.h"
#include "models/syncrecords.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

using namespace Qt::StringLiterals;

using namespace RepositoryRows;

StoreResult<Message> Repository::addMessage(Message m)
{
    SqlTransaction transaction(m_database.connection());
    // A long text (a 4 MB paste) is indexed by the background indexer, when there is one (its
    // UTF-16 length stands for the size: no copy of the text to measure it).
    const bool deferIndex = m.status == MessageStatus::Streaming || deferLongText(m.text.size());
    if (StoreStatus e = insertMessage(m_database.connection(), &m, deferIndex))
        return *e;
    if (StoreStatus e
        = transaction.commit(QCoreApplication::translate("StoreError", "Saving the message")))
        return *e;
    messageStored(m, deferIndex && m.status != MessageStatus::Streaming);
    return m;
}

void Repository::messageStored(const Message &m, bool indexLater)
{
    if (indexLater)
        m_indexThread->indexPending();
    Q_EMIT messageAdded(m);
    if (auto c = conversation(m.conversationId))
        Q_EMIT conversationChanged(*c);
}

StoreResult<Message> Repository::message(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT " + messageColumns + u" FROM messages WHERE id = ?", { id },
            QCoreApplication::translate("StoreError", "Reading the message")))
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
    auto rows = page(conversationId, beforeSeq, limit, -1);
    if (!rows)
        return rows.error();
    QList<Message> list;
    list.reserve(rows->size());
    for (MessagePreview &row : *rows)
        list << std::move(row.message);
    return list;
}

StoreResult<QList<Repository::MessagePreview>> Repository::messagePreviews(
    qint64 conversationId, qint64 beforeSeq, int limit, qint64 previewBytes) const
{
    return page(conversationId, beforeSeq, limit, std::max<qint64>(previewBytes, 0));
}

StoreResult<QList<Repository::MessagePreview>> Repository::page(
    qint64 conversationId, qint64 beforeSeq, int limit, qint64 previewBytes) const
{
    const QString what = QCoreApplication::translate("StoreError", "Reading the conversation");
    const bool whole = previewBytes < 0;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT " + (whole ? messageColumns : messageColumnsWithoutText)
                + u" FROM messages WHERE conversation_id = ? AND seq < ? "
                  u"ORDER BY seq DESC LIMIT ?",
            { conversationId, beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max(),
                limit },
            what))
        return *e;
    QList<MessagePreview> list;
    QList<qint64> ids;
    // The texts are read while the SELECT steps: in its read transaction, the rows it saw.
    SqliteTextPrefix texts(m_database.connection(), "messages", "text");
    while (q.next()) {
        MessagePreview row { readMessage(q), 0, false };
        if (whole) {
            row.textBytes = q.value(7).toByteArray().size();
        } else {
            auto prefix = texts.read(row.message.id, previewBytes, what);
            if (!prefix)
                return prefix.error();
            row.message.text = QString::fromUtf8(prefix->bytes);
            row.textBytes = prefix->totalBytes;
            row.textCut = !prefix->isWhole();
        }
        ids << row.message.id;
        list.prepend(std::move(row));
    }
    auto assets = assetsFor(ids);
    if (!assets)
        return assets.error();
    for (const Asset &a : std::as_const(*assets)) {
        for (MessagePreview &row : list) {
            if (row.message.id == a.messageId) {
                row.message.assets << a;
                break;
            }
        }
    }
    return list;
}

StoreResult<QString> Repository::messageText(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q, u"SELECT CAST(text AS BLOB) FROM messages WHERE id = ?"_s, { id },
            QCoreApplication::translate("StoreError", "Reading the message")))
        return *e;
    if (!q.next())
        return notFound(u"There is no message " + QString::number(id) + u'.');
    return QString::fromUtf8(q.value(0).toByteArray());
}

StoreResult<QList<Asset>> Repository::assetsFor(const QList<qint64> &messageIds) const
{
    QList<Asset> assets;
    if (messageIds.isEmpty())
        return assets;
    QString placeholders;
    QVariantList values;
    for (qint64 id : messageIds) {
        placeholders += placeholders.isEmpty() ? u"?"_s : u", ?"_s;
        values << id;
    }
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT " + assetColumns + u" FROM message_assets WHERE message_id IN (" + placeholders
                + u") ORDER BY id",
            values, QCoreApplication::translate("StoreError", "Reading charts")))
        return *e;
    while (q.next())
        assets << readAsset(q);
    return assets;
}

StoreResult<int> Repository::messageCount(qint64 conversationId) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT count(*) FROM messages WHERE conversation_id = ?"_s,
            { conversationId }, QCoreApplication::translate("StoreError", "Counting messages")))
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
            u"ORDER BY seq LIMIT 1"_s,
            { nonNull(remoteId), conversationId, exceptId },
            QCoreApplication::translate("StoreError", "Reading the message")))
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
    if (StoreStatus e = run(q, u"DELETE FROM messages WHERE id = ?"_s, { id },
            QCoreApplication::translate("StoreError", "Removing the message")))
        return e;
    Q_EMIT messageRemoved(id, removed->conversationId);
    return std::nullopt;
}

StoreStatus Repository::updateMessage(const Message &message, MessageFields fields)
{
    // A streaming answer's text is saved every half second but indexed once, when it is final.
    const bool deferIndex
        = (fields & MessageField::Text) && message.status == MessageStatus::Streaming;
    const qint64 now = nowMs();
    const QString what = QCoreApplication::translate("StoreError", "Saving the message");
    SqlTransaction transaction(m_database.connection());
    if (StoreStatus e = updateMessageRow(m_database.connection(), message, fields, now, deferIndex))
        return e;
    QSqlQuery q(m_database.connection());
    Message updated = message;
    if (fields & MessageField::Assets) {
        for (Asset &asset : updated.assets) {
            if (asset.id == 0) {
                if (StoreStatus e = insertAsset(q, &asset, message.id))
                    return e;
            }
        }
    }
    bool indexLater = false;
    if (!deferIndex) {
        if (StoreStatus e = indexIfFinal(message.id, &indexLater))
            return e;
    }
    if (StoreStatus e = transaction.commit(what))
        return e;
    if (indexLater)
        m_indexThread->indexPending();
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
            { id }, QCoreApplication::translate("StoreError", "Reading the chart")))
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
            u"data_taken_at = CASE WHEN value_json = ? THEN data_taken_at END WHERE id = ?"_s,
            { nonNull(type), QString::fromUtf8(valueJson), QString::fromUtf8(valueJson),
                QString::fromUtf8(valueJson), assetId },
            QCoreApplication::translate("StoreError", "Saving a chart")))
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
        = run(q, u"UPDATE message_assets SET data_json = ?, data_taken_at = ? WHERE id = ?"_s,
            { QString::fromUtf8(dataJson), msOrNull(at), assetId },
            QCoreApplication::translate("StoreError", "Saving the chart data")))
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
            u"ORDER BY a.id LIMIT ?"_s,
            { backend, limit },
            QCoreApplication::translate("StoreError", "Reading the charts without data")))
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
            // CROSS JOIN: messages first, through messages_resumable (migration 6); the planner
            // would otherwise read every message of every live conversation.
            u"SELECT m.id FROM messages m CROSS JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE m.resume_state IS NOT NULL AND m.status = 'interrupted' AND c.deleted = 0 "
            u"ORDER BY m.updated_at DESC LIMIT 1"_s,
            {}, QCoreApplication::translate("StoreError", "Looking for an answer to resume")))
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
            // Through messages_unfinished (migration 6): the same WHERE term as the index's.
            u"stopped.') WHERE status IN ('streaming', 'pending') AND role <> 'user'"_s,
            {}, QCoreApplication::translate("StoreError", "Repairing unfinished answers")))
        return *e;
    const int repaired = q.numRowsAffected();
    // Their text, saved while they streamed, is not indexed yet: now, or by the indexer.
    if (m_indexThread)
        m_indexThread->indexPending();
    else if (StoreStatus e
        = DeferredIndex::indexFinished(m_database.connection(),
            QCoreApplication::translate("StoreError", "Indexing unfinished answers for search")))
        return *e;
    return repaired;
}
