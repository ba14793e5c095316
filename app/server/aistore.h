#pragma once

#include "models/sqlitedatabase.h"
#include "models/storeerror.h"

#include <QJsonObject>
#include <QList>

// The local server's Luzmo AI state: AIConversations, AIMessages and AIMessageAssets, kept in
// their own SQLite file (DIR/analyst.sqlite) and handed out as JSON rows in the Luzmo shape
// (snake_case fields, UUID ids, ISO 8601 times).
class AiStore
{
public:
    static constexpr auto fileName = "analyst.sqlite";

    AiStore();
    AiStore(const AiStore &) = delete;
    AiStore &operator=(const AiStore &) = delete;

    StoreStatus open(const QString &directory);

    StoreResult<QJsonObject> createConversation(const QString &title);
    StoreResult<QJsonObject> conversation(const QString &id) const; // NotFound when unknown
    // One message with its assets ({type, value}), in one transaction; bumps the conversation.
    StoreResult<QJsonObject> addMessage(const QString &conversationId, const QString &role,
        const QString &text, const QString &agent, const QString &task, const QString &localeId,
        const QList<QJsonObject> &assets);
    StoreResult<QList<QJsonObject>> conversations() const;
    StoreResult<QList<QJsonObject>> messages() const; // each with aiMessageAssets
    StoreResult<QList<QJsonObject>> assets() const;

private:
    QSqlDatabase connection() const { return m_db.connection(); }

    SqliteDatabase m_db;
};
