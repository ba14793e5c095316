#pragma once

#include "models/types.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// What a sync source hands to the store: a backend's conversations, messages and assets as the
// backend describes them (remote ids, server times), and what writing a page changed locally.

struct RemoteAsset
{
    QString remoteId;
    QString type;
    QByteArray valueJson; // compact JSON
    QDateTime createdAt;
};

struct RemoteMessage
{
    QString remoteId;
    MessageRole role = MessageRole::User;
    QString text;
    QString agent;
    QString task;
    QString localeId;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<RemoteAsset> assets;
};

struct RemoteConversation
{
    QString remoteId;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<RemoteMessage> messages; // in the server's order; may be only the changed ones
};

// Counts and rows of one written page (or a soft-delete pass). The rows let the Repository
// tell the open views what changed without reading them back.
struct SyncChanges
{
    int conversationsAdded = 0;
    int conversationsUpdated = 0;
    int conversationsDeleted = 0;
    int messagesAdded = 0;
    int messagesUpdated = 0;
    int assetsAdded = 0;
    int assetsUpdated = 0;

    QList<Conversation> addedConversations;
    QList<Conversation> changedConversations;
    QList<qint64> removedConversations;
    QList<Message> addedMessages;
    QList<Message> changedMessages;
};
