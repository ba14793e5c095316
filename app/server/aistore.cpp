#include "app/server/aistore.h"

#include "models/sqlrun.h"
#include "models/sqltransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
// Version 1. The files of earlier builds already hold these tables at version 1, unmarked.
const char *const version1[] = {
    R"(CREATE TABLE IF NOT EXISTS ai_conversations (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, title TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL))",
    R"(CREATE TABLE IF NOT EXISTS ai_messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES ai_conversations (id) ON DELETE CASCADE,
        message TEXT NOT NULL, role TEXT NOT NULL, agent TEXT, task TEXT, locale_id TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, seq INTEGER NOT NULL))",
    R"(CREATE TABLE IF NOT EXISTS ai_message_assets (
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL REFERENCES ai_messages (id) ON DELETE CASCADE,
        type TEXT NOT NULL, value_json TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL))",
};

SqliteMigration createTables()
{
    QStringList statements;
    for (const char *sql : version1)
        statements << QString::fromUtf8(sql);
    return SqliteMigration::statements(u"Preparing the local server's database"_s, statements);
}

// The single user of the local server.
const QString localUser = u"00000000-0000-4000-8000-000000000001"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Prepared statements with bound values (sqlrun.h).
constexpr auto run = &execPrepared;

QJsonObject asset(const QSqlQuery &q)
{
    return QJsonObject {
        { u"id"_s, q.value(0).toString() },
        { u"message_id"_s, q.value(1).toString() },
        { u"type"_s, q.value(2).toString() },
        { u"value"_s, QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object() },
        { u"created_at"_s, q.value(4).toString() },
        { u"updated_at"_s, q.value(5).toString() },
    };
}

QJsonValue nullable(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}
} // namespace

AiStore::AiStore()
    : m_db(SqliteSchema {
        .connectionPrefix = u"chartroom-ai"_s,
        .name = u"local server's database"_s,
        .damagedAdvice = {},
        .applicationId = 0, // never marked: only another program's mark is refused
        .migrations = { createTables() },
        .extraPragmas = {},
    })
{
}

StoreStatus AiStore::open(const QString &directory)
{
    return m_db.openIn(directory, QString::fromLatin1(fileName));
}

StoreResult<QJsonObject> AiStore::createConversation(const QString &title)
{
    QSqlQuery q(connection());
    const QString id = newId();
    const QString at = now();
    if (StoreStatus e = run(q,
            u"INSERT INTO ai_conversations (id, user_id, title, created_at, "
            u"updated_at) VALUES (?, ?, ?, ?, ?)"_s,
            { id, localUser, title, at, at }, u"Creating a conversation"_s))
        return *e;
    return QJsonObject { { u"id"_s, id }, { u"user_id"_s, localUser }, { u"title"_s, title },
        { u"created_at"_s, at }, { u"updated_at"_s, at } };
}

StoreResult<QJsonObject> AiStore::conversation(const QString &id) const
{
    auto all = conversations();
    if (!all)
        return all.error();
    for (const QJsonObject &c : *all) {
        if (c.value(u"id").toString() == id)
            return c;
    }
    return StoreError { StoreError::Code::NotFound, u"AIConversation " + id + u" does not exist.",
        {} };
}

StoreResult<QJsonObject> AiStore::addMessage(const QString &conversationId, const QString &role,
    const QString &text, const QString &agent, const QString &task, const QString &localeId,
    const QList<QJsonObject> &assets)
{
    QSqlDatabase db = connection();
    const QString what = u"Saving a message"_s;
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(seq), 0) + 1 FROM ai_messages WHERE conversation_id = ?"_s,
            { conversationId }, what))
        return *e;
    q.next();
    const qint64 seq = q.value(0).toLongLong();
    const QString id = newId();
    const QString at = now();
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    if (StoreStatus e = run(q,
            u"INSERT INTO ai_messages (id, conversation_id, message, role, agent, "
            u"task, locale_id, created_at, updated_at, seq) VALUES "
            u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { id, conversationId, text, role, orNull(agent), orNull(task), orNull(localeId), at, at,
                seq },
            what))
        return *e;
    QJsonArray stored;
    for (const QJsonObject &a : assets) {
        const QString assetId = newId();
        const QJsonObject value = a.value(u"value").toObject();
        if (StoreStatus e = run(q,
                u"INSERT INTO ai_message_assets (id, message_id, type, value_json, "
                u"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                { assetId, id, a.value(u"type").toString(u"item"_s),
                    QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)), at,
                    at },
                what))
            return *e;
        stored << QJsonObject { { u"id"_s, assetId }, { u"message_id"_s, id },
            { u"type"_s, a.value(u"type").toString(u"item"_s) }, { u"value"_s, value },
            { u"created_at"_s, at }, { u"updated_at"_s, at } };
    }
    if (StoreStatus e = run(q, u"UPDATE ai_conversations SET updated_at = ? WHERE id = ?"_s,
            { at, conversationId }, what))
        return *e;
    if (StoreStatus e = transaction.commit(what))
        return *e;
    return QJsonObject {
        { u"id"_s, id },
        { u"conversation_id"_s, conversationId },
        { u"message"_s, text },
        { u"role"_s, role },
        { u"agent"_s, agent.isEmpty() ? QJsonValue() : QJsonValue(agent) },
        { u"task"_s, task.isEmpty() ? QJsonValue() : QJsonValue(task) },
        { u"locale_id"_s, localeId.isEmpty() ? QJsonValue() : QJsonValue(localeId) },
        { u"created_at"_s, at },
        { u"updated_at"_s, at },
        { u"aiMessageAssets"_s, stored },
    };
}

StoreResult<QList<QJsonObject>> AiStore::conversations() const
{
    QSqlQuery q(connection());
    if (StoreStatus e
        = run(q, u"SELECT id, user_id, title, created_at, updated_at FROM ai_conversations"_s, {},
            u"Reading conversations"_s))
        return *e;
    QList<QJsonObject> rows;
    while (q.next()) {
        rows << QJsonObject { { u"id"_s, q.value(0).toString() },
            { u"user_id"_s, q.value(1).toString() }, { u"title"_s, q.value(2).toString() },
            { u"created_at"_s, q.value(3).toString() },
            { u"updated_at"_s, q.value(4).toString() } };
    }
    return rows;
}

StoreResult<QList<QJsonObject>> AiStore::assets() const
{
    QSqlQuery q(connection());
    if (StoreStatus e = run(q,
            u"SELECT id, message_id, type, value_json, created_at, updated_at "
            u"FROM ai_message_assets ORDER BY created_at, rowid"_s,
            {}, u"Reading assets"_s))
        return *e;
    QList<QJsonObject> rows;
    while (q.next())
        rows << asset(q);
    return rows;
}

StoreResult<QList<QJsonObject>> AiStore::messages() const
{
    auto allAssets = assets();
    if (!allAssets)
        return allAssets.error();
    QHash<QString, QJsonArray> byMessage;
    for (const QJsonObject &a : *allAssets)
        byMessage[a.value(u"message_id").toString()] << a;
    QSqlQuery q(connection());
    if (StoreStatus e = run(q,
            u"SELECT id, conversation_id, message, role, agent, task, locale_id, "
            u"created_at, updated_at FROM ai_messages ORDER BY conversation_id, seq"_s,
            {}, u"Reading messages"_s))
        return *e;
    QList<QJsonObject> rows;
    while (q.next()) {
        const QString id = q.value(0).toString();
        rows << QJsonObject { { u"id"_s, id }, { u"conversation_id"_s, q.value(1).toString() },
            { u"message"_s, q.value(2).toString() }, { u"role"_s, q.value(3).toString() },
            { u"agent"_s, nullable(q.value(4)) }, { u"task"_s, nullable(q.value(5)) },
            { u"locale_id"_s, nullable(q.value(6)) }, { u"created_at"_s, q.value(7).toString() },
            { u"updated_at"_s, q.value(8).toString() },
            { u"aiMessageAssets"_s, byMessage.value(id) } };
    }
    return rows;
}
