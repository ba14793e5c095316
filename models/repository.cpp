#include "models/repository.h"

#include "models/database.h"
#include "models/deferredindex.h"
#include "models/modelslog.h"
#include "models/repositoryrows.h"
#include "models/searchindexthread.h"
#include "models/sqlrun.h"
#include "models/sqltransaction.h"
#include "models/syncrecords.h"
#include "models/walcheckpointhook.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

using namespace Qt::StringLiterals;

using namespace RepositoryRows;

namespace {
// Runs an UPDATE of the live conversation `id`; NotFound when no such conversation exists.
StoreStatus updateConversation(
    QSqlDatabase db, qint64 id, const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery q(db);
    if (StoreStatus e = run(q, sql, values, what))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no conversation " + QString::number(id) + u'.');
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

Repository::~Repository() = default;

void Repository::indexLongMessagesInBackground(qint64 inlineBytes)
{
    if (!m_database.hasFile())
        return;
    m_inlineIndexBytes = inlineBytes;
    if (!m_indexThread) {
        m_indexThread = std::make_unique<SearchIndexThread>(m_database.path());
        connect(m_indexThread.get(), &SearchIndexThread::indexed, this, &Repository::searchIndexed);
        connect(m_indexThread.get(), &SearchIndexThread::checkpointed, this,
            &Repository::walCheckpointed);
        connect(m_indexThread.get(), &SearchIndexThread::failed, this, [](const StoreError &e) {
            qCWarning(lcModels, "Search indexing failed: %s", qUtf8Printable(e.toString()));
        });
        m_walHook = std::make_unique<WalCheckpointHook>(m_database.connection(), walCheckpointPages,
            [thread = m_indexThread.get()] { thread->checkpoint(); });
    }
    m_indexThread->indexPending(); // what an earlier run left (a crash mid-answer)
}

StoreStatus Repository::indexIfFinal(qint64 messageId, bool *queued)
{
    const QString what
        = QCoreApplication::translate("StoreError", "Indexing the message for search");
    *queued = false;
    auto size = DeferredIndex::finishedSize(m_database.connection(), messageId, what);
    if (!size)
        return size.error();
    if (!size->has_value())
        return std::nullopt;
    if (deferLongText(**size)) {
        *queued = true;
        return std::nullopt;
    }
    return DeferredIndex::indexMessage(m_database.connection(), messageId, what);
}

StoreResult<Conversation> Repository::createConversation(
    const QString &title, const QString &backend, const QString &remoteId)
{
    QSqlQuery q(m_database.connection());
    const qint64 now = nowMs();
    if (StoreStatus e = run(q,
            u"INSERT INTO conversations (backend, remote_id, title, created_at, "
            u"updated_at) VALUES (?, ?, ?, ?, ?)"_s,
            { nonNull(backend), nullable(remoteId), nonNull(title), now, now },
            QCoreApplication::translate("StoreError", "Creating the conversation")))
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
            QCoreApplication::translate("StoreError", "Reading the conversation")))
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
            { limit, offset },
            QCoreApplication::translate("StoreError", "Reading the conversation list")))
        return *e;
    QList<Conversation> list;
    while (q.next())
        list << readConversation(q);
    return list;
}

StoreResult<int> Repository::conversationCount() const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q, u"SELECT count(*) FROM conversations WHERE deleted = 0"_s, {},
            QCoreApplication::translate("StoreError", "Counting conversations")))
        return *e;
    q.next();
    return q.value(0).toInt();
}

StoreResult<int> Repository::conversationCountOn(const QString &backend) const
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"SELECT count(*) FROM conversations WHERE deleted = 0 AND backend = ?"_s,
            { nonNull(backend) },
            QCoreApplication::translate("StoreError", "Counting conversations")))
        return *e;
    q.next();
    return q.value(0).toInt();
}

StoreStatus Repository::renameConversation(qint64 id, const QString &title)
{
    if (StoreStatus e = updateConversation(m_database.connection(), id,
            u"UPDATE conversations SET title = ? WHERE id = ? AND deleted = 0"_s,
            { nonNull(title), id },
            QCoreApplication::translate("StoreError", "Renaming the conversation")))
        return e;
    if (auto c = conversation(id))
        Q_EMIT conversationChanged(*c);
    return std::nullopt;
}

StoreStatus Repository::deleteConversation(qint64 id)
{
    if (StoreStatus e = updateConversation(m_database.connection(), id,
            u"UPDATE conversations SET deleted = 1 WHERE id = ? AND deleted = 0"_s, { id },
            QCoreApplication::translate("StoreError", "Deleting the conversation")))
        return e;
    Q_EMIT conversationRemoved(id);
    return std::nullopt;
}

StoreResult<int> Repository::removeConversationsLeftEmpty()
{
    QSqlQuery q(m_database.connection());
    if (StoreStatus e = run(q,
            u"UPDATE conversations SET deleted = 1 WHERE id IN (SELECT id FROM conversations "
            u"ORDER BY id DESC LIMIT ?) AND deleted = 0 AND remote_id IS NULL "
            u"AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id) "
            u"AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = conversations.id)"_s,
            { newestChecked },
            QCoreApplication::translate("StoreError", "Removing conversations left empty")))
        return *e;
    return q.numRowsAffected();
}

StoreStatus Repository::setConversationRemoteId(
    qint64 id, const QString &remoteId, const QString &backend)
{
    if (StoreStatus e = updateConversation(m_database.connection(), id,
            u"UPDATE conversations SET remote_id = ?, backend = coalesce(?, backend) WHERE id = ?"_s,
            { nullable(remoteId), backend.isEmpty() ? QVariant() : QVariant(backend), id },
            QCoreApplication::translate("StoreError", "Saving the conversation")))
        return e;
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
            { nonNull(backend), nonNull(remoteId) },
            QCoreApplication::translate("StoreError", "Reading the conversation")))
        return *e;
    if (!q.next())
        return std::optional<Conversation>();
    return std::optional<Conversation>(readConversation(q));
}

StoreStatus Repository::mergeConversation(qint64 from, qint64 into)
{
    const QString what
        = QCoreApplication::translate("StoreError", "Joining the conversation to its earlier copy");
    if (from == into)
        return StoreError { StoreError::Code::Invalid,
            what + u": a conversation cannot join itself.", {} };
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(seq), 0) FROM messages WHERE conversation_id = ?"_s,
            { into }, what))
        return e;
    q.next();
    const qint64 offset = q.value(0).toLongLong();
    q.finish();
    // Two steps keep (conversation_id, seq) unique at every row: first out of the way of
    // `into`'s numbers (negative), then after them.
    if (StoreStatus e
        = run(q, u"UPDATE messages SET conversation_id = ?, seq = -seq WHERE conversation_id = ?"_s,
            { into, from }, what))
        return e;
    if (StoreStatus e
        = run(q, u"UPDATE messages SET seq = ? - seq WHERE conversation_id = ? AND seq < 0"_s,
            { offset, into }, what))
        return e;
    if (StoreStatus e = run(q, u"UPDATE outbox SET conversation_id = ? WHERE conversation_id = ?"_s,
            { into, from }, what))
        return e;
    if (StoreStatus e = run(q, u"DELETE FROM conversations WHERE id = ?"_s, { from }, what))
        return e;
    if (q.numRowsAffected() != 1)
        return notFound(u"There is no conversation " + QString::number(from) + u'.');
    if (StoreStatus e
        = run(q, u"UPDATE conversations SET deleted = 0 WHERE id = ?"_s, { into }, what))
        return e;
    if (StoreStatus e = touchConversation(m_database.connection(), into, nowMs()))
        return e;
    if (StoreStatus e = transaction.commit(what))
        return e;
    Q_EMIT conversationRemoved(from);
    if (auto c = conversation(into))
        Q_EMIT conversationChanged(*c);
    return std::nullopt;
}
