#include "tests/support/bighistory.h"

#include "models/database.h"
#include "models/sqltransaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
// 2026-01-01T00:00:00Z; every row is a second apart from the previous one.
constexpr qint64 baseMs = 1767225600000;
qint64 clockMs = baseMs;

qint64 nextMs()
{
    clockMs += 1000;
    return clockMs;
}

qint64 insertConversation(QSqlQuery &q, const QString &title, qint64 atMs)
{
    q.prepare(u"INSERT INTO conversations (backend, title, created_at, updated_at) "
              u"VALUES ('local', ?, ?, ?)"_s);
    q.addBindValue(title);
    q.addBindValue(atMs);
    q.addBindValue(atMs);
    if (!q.exec()) {
        qWarning("BigHistory: %s", qUtf8Printable(q.lastError().text()));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool insertMessages(
    QSqlQuery &q, qint64 conversationId, int count, const std::function<QString(int)> &textOf = {})
{
    q.prepare(u"INSERT INTO messages (conversation_id, role, text, status, created_at, "
              u"updated_at, seq) VALUES (?, ?, ?, 'complete', ?, ?, ?)"_s);
    for (int i = 1; i <= count; ++i) {
        const qint64 at = nextMs();
        q.addBindValue(conversationId);
        q.addBindValue(i % 2 ? u"user"_s : u"assistant"_s);
        q.addBindValue(textOf ? textOf(i) : QString(u"message "_s + QString::number(i)));
        q.addBindValue(at);
        q.addBindValue(at);
        q.addBindValue(i);
        if (!q.exec()) {
            qWarning("BigHistory: %s", qUtf8Printable(q.lastError().text()));
            return false;
        }
    }
    return true;
}

bool touch(QSqlQuery &q, qint64 conversationId, qint64 atMs)
{
    q.prepare(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s);
    q.addBindValue(atMs);
    q.addBindValue(conversationId);
    return q.exec();
}
} // namespace

namespace BigHistory {

QList<qint64> addConversations(Repository &repository, int count, int messagesEach)
{
    SqlTransaction transaction(repository.database().connection());
    QSqlQuery q(repository.database().connection());
    QList<qint64> ids;
    for (int k = 1; k <= count; ++k) {
        const QString title = u"Conversation "_s + QString::number(k);
        const qint64 id = insertConversation(q, title, nextMs());
        if (id == 0 || !insertMessages(q, id, messagesEach) || !touch(q, id, nextMs()))
            return {};
        ids << id;
    }
    if (transaction.commit(u"big history"_s))
        return {};
    return ids;
}

qint64 addLongConversation(Repository &repository, const QString &title, int count)
{
    return addLongConversation(repository, title, count, {});
}

qint64 addLongConversation(Repository &repository, const QString &title, int count,
    const std::function<QString(int)> &textOf)
{
    SqlTransaction transaction(repository.database().connection());
    QSqlQuery q(repository.database().connection());
    const qint64 id = insertConversation(q, title, nextMs());
    if (id == 0 || !insertMessages(q, id, count, textOf) || !touch(q, id, nextMs()))
        return 0;
    if (transaction.commit(u"big history"_s))
        return 0;
    return id;
}

} // namespace BigHistory
