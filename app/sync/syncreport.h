#pragma once

#include "models/syncrecords.h"

#include <QJsonObject>
#include <QString>

// Where a running sync stands.
struct SyncProgress
{
    int conversationsDone = 0;
    int conversationsTotal = -1; // -1 until the backend says
    int messagesDone = 0;
    int pages = 0;
};

// What one sync did: rows seen on the backend and what changed locally.
class SyncReport
{
public:
    QString backend;
    int pages = 0;
    int conversationsSeen = 0;
    int messagesSeen = 0;
    int conversationsAdded = 0;
    int conversationsUpdated = 0;
    int conversationsDeleted = 0;
    int messagesAdded = 0;
    int messagesUpdated = 0;
    int assetsAdded = 0;
    int assetsUpdated = 0;
    qint64 elapsedMs = 0;

    void add(const SyncChanges &changes);
    // "Synced 12 conversations, 230 messages (3 new, 1 updated, 0 deleted) in 0.4 s"
    QString summary() const;
    QJsonObject toJson() const;
};
