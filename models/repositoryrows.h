#pragma once

#include "models/sqlrun.h"
#include "models/storeerror.h"
#include "models/types.h"

#include <QDateTime>
#include <QVariant>

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
} // namespace RepositoryRows
