#pragma once

#include "models/repository.h"
#include "models/sqlrun.h"
#include "models/storeerror.h"
#include "models/types.h"

#include <QDateTime>
#include <QVariant>

class QSqlDatabase;
class QSqlQuery;

// The Repository's row mapper and small SQL helpers, shared by its parts (repository.cpp:
// conversations; repositorymessages.cpp: messages and assets; repositorysearch.cpp: search).
// Internal to models/: the column order each reader expects is the SELECT lists of those files.
namespace RepositoryRows {
// Prepared statements with bound values (sqlrun.h).
constexpr auto run = &execPrepared;
// The SELECT lists that readConversation(), readMessage() and readAsset() read, in order.
extern const QString conversationColumns;
extern const QString messageColumns;
// messageColumns with NULL for the text (read apart: Repository::messagePreviews).
extern const QString messageColumnsWithoutText;
extern const QString assetColumns;
qint64 nowMs();
QDateTime fromMs(const QVariant &v);
QVariant nullable(const QString &s);
QString nonNull(const QString &s);
StoreError notFound(const QString &what);
Conversation readConversation(const QSqlQuery &q);
Message readMessage(const QSqlQuery &q);
Asset readAsset(const QSqlQuery &q);
QVariant msOrNull(const QDateTime &t);
StoreStatus insertAsset(QSqlQuery &q, Asset *asset, qint64 messageId);
// Repository::addMessage's rows, inside the caller's transaction on `db` (the window's
// connection, or the background thread's for a long question): the message after the
// conversation's last (its seq), its assets, and the conversation's update time. Fills in id,
// seq and the times. `deferIndex`: left for DeferredIndex (fts_deferred).
StoreStatus insertMessage(const QSqlDatabase &db, Message *message, bool deferIndex);
// Repository::updateMessage's row, inside the caller's transaction on `db` (the window's
// connection, or the background thread's for a long answer): `fields` of `message` (text, status,
// resume state, remote id; not its assets) and the update times, at `atMs`. NotFound when there
// is no such message. `deferIndex` with the text: left for DeferredIndex (fts_deferred).
StoreStatus updateMessageRow(const QSqlDatabase &db, const Message &message,
    Repository::MessageFields fields, qint64 atMs, bool deferIndex);
// A message of the conversation changed at `atMs`: its update time moves on (never back).
StoreStatus touchConversation(const QSqlDatabase &db, qint64 conversationId, qint64 atMs);
} // namespace RepositoryRows
