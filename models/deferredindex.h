#pragma once

#include "models/storeerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// Messages whose full-text indexing waits (messages.fts_deferred, migrations 7 and 9): a synced
// page's rows until the page is indexed in one statement, and an answer while it streams (its
// text changes every half second; indexing 1 MB takes ~35 ms, 4 MB ~140 ms) until it is final.
// The triggers keep messages_fts equal to the text of every row whose mark is clear; these
// functions index marked rows and clear the mark, in the caller's transaction, so no reader sees
// a row that is final, unmarked and missing from the index. A streaming answer stays marked: it is
// indexed once it ends.
namespace DeferredIndex {

// Every marked message that is final, in one statement.
StoreStatus indexFinished(const QSqlDatabase &db, const QString &what);
// One marked message, if it is final; nothing if it is not marked.
StoreStatus indexMessage(const QSqlDatabase &db, qint64 id, const QString &what);
// The size in bytes of the message's text if it is marked and final, else none.
StoreResult<std::optional<qint64>> finishedSize(
    const QSqlDatabase &db, qint64 id, const QString &what);
// The marked messages that are final, oldest first (through the partial index of migration 7).
StoreResult<QList<qint64>> finishedIds(const QSqlDatabase &db, const QString &what);

} // namespace DeferredIndex
