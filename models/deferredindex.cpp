#include "models/deferredindex.h"

#include "models/sqlstatement.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {
// A streaming answer is not final; a pending one has no text yet, and a pending question's text
// is final.
constexpr auto finished = u"fts_deferred = 1 AND status <> 'streaming'";
} // namespace

namespace DeferredIndex {

StoreStatus indexFinished(const QSqlDatabase &db, const QString &what)
{
    SqlStatement index(db,
        u"INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE "_s
            + finished);
    if (StoreStatus e = index.exec({}, what))
        return e;
    SqlStatement clear(db, u"UPDATE messages SET fts_deferred = 0 WHERE "_s + finished);
    return clear.exec({}, what);
}

StoreStatus indexMessage(const QSqlDatabase &db, qint64 id, const QString &what)
{
    SqlStatement index(db,
        u"INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id = ? AND "_s
            + finished);
    if (StoreStatus e = index.exec({ id }, what))
        return e;
    SqlStatement clear(db, u"UPDATE messages SET fts_deferred = 0 WHERE id = ? AND "_s + finished);
    return clear.exec({ id }, what);
}

StoreResult<std::optional<qint64>> finishedSize(
    const QSqlDatabase &db, qint64 id, const QString &what)
{
    SqlStatement select(
        db, u"SELECT length(CAST(text AS BLOB)) FROM messages WHERE id = ? AND "_s + finished);
    if (StoreStatus e = select.exec({ id }, what))
        return *e;
    if (!select.query().next())
        return std::optional<qint64>();
    return std::optional<qint64>(select.query().value(0).toLongLong());
}

StoreResult<QList<qint64>> finishedIds(const QSqlDatabase &db, const QString &what)
{
    SqlStatement select(db, u"SELECT id FROM messages WHERE "_s + finished + u" ORDER BY id");
    if (StoreStatus e = select.exec({}, what))
        return *e;
    QList<qint64> ids;
    while (select.query().next())
        ids << select.query().value(0).toLongLong();
    return ids;
}

} // namespace DeferredIndex
