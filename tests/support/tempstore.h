#pragma once

#include "models/database.h"
#include "models/repository.h"

#include <QTemporaryDir>

#include <memory>

// A real SQLite store in a fresh temporary folder, opened and migrated; removed afterwards.
struct TempStore
{
    TempStore();
    QTemporaryDir dir;
    Database database;
    std::unique_ptr<Repository> repository;
    QString error; // non-empty when opening failed

    // Adds a conversation with `count` alternating user/assistant messages.
    qint64 addConversation(const QString &title, int count);
    // Adds a message of `text` to conversation `conversationId`; the stored message.
    StoreResult<Message> addMessage(
        qint64 conversationId, const QString &text, MessageRole role = MessageRole::Assistant);
};
