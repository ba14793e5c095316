#pragma once

#include "models/storeerror.h"
#include "models/syncrecords.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <optional>

class Database;

// The store side of syncing a remote backend: upserts a page of remote conversations (matched
// by backend + remote id, messages and assets by remote id) and moves the backend's cursor in
// the same transaction, so a page is either wholly stored with its cursor or not at all.
// Unchanged rows are not written: a re-run of the same page changes nothing.
class SyncWriter
{
public:
    explicit SyncWriter(Database &database);

    // The cursor stored for `backend` (empty when it never synced).
    StoreResult<QString> cursor(const QString &backend) const;
    // When `backend` last finished a sync (invalid when never).
    StoreResult<QDateTime> syncedAt(const QString &backend) const;

    // One transaction: the page's conversations, messages and assets, and the new cursor.
    StoreResult<SyncChanges> writePage(const QString &backend,
        const QList<RemoteConversation> &conversations, const QString &cursor);

    // One transaction at the end of a complete sync: conversations of `backend` whose remote id
    // is not in `present` are soft-deleted (skipped when `present` is not given), and the
    // cursor and synced_at are stored.
    StoreResult<SyncChanges> finish(const QString &backend,
        const std::optional<QSet<QString>> &present, const QString &cursor, const QDateTime &at);

private:
    Database &m_database;
};
