#include "aistore.h"

#include "sqlrun.h"
#include "sqltransaction.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
const char *const schema[] = {
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
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
    "PRAGMA user_version = 1",
};

// The single user of the local server.
const QString localUser = u"00000000-0000-4000-8000-000000000001"_qs;

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
        { u"id"_qs, q.value(0).toString() },
        { u"message_id"_qs, q.value(1).toString() },
        { u"type"_qs, q.value(2).toString() },
        { u"value"_qs, QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object() },
        { u"created_at"_qs, q.value(4).toString() },
        { u"updated_at"_qs, q.value(5).toString() },
    };
}

QJsonValue nullable(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}
} // namespace

AiStore::AiStore()
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"chartroom-ai-" + QString::number(++counter);
}

AiStore::~AiStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

StoreStatus AiStore::open(const QString &directory)
{
    if (!QDir().mkpath(directory))
        return StoreError { StoreError::Code::CannotCreateDirectory,
            u"Cannot create the data folder " + directory, {} };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connectionName);
        db.setDatabaseName(QDir(directory).filePath(QString::fromLatin1(fileName)));
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_qs);
        if (!db.open())
            return storeErrorFromSql(db.lastError(), u"Opening the local server's database"_qs);
        QSqlQuery q(db);
        for (const char *sql : schema) {
            if (!q.exec(QString::fromUtf8(sql)))
                return storeErrorFromSql(
                    q.lastError(), u"Preparing the local server's database"_qs);
        }
    }
    return std::nullopt;
}

StoreResult<QJsonObject> AiStore::createConversation(const QString &title)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    const QString id = newId();
    const QString at = now();
    if (StoreStatus e = run(q,
            u"INSERT INTO ai_conversations (id, user_id, title, created_at, "
            u"updated_at) VALUES (?, ?, ?, ?, ?)"_qs,
            { id, localUser, title, at, at }, u"Creating a conversation"_qs))
        return *e;
    return QJsonObject { { u"id"_qs, id }, { u"user_id"_qs, localUser }, { u"title"_qs, title },
        { u"created_at"_qs, at }, { u"updated_at"_qs, at } };
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
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString what = u"Saving a message"_qs;
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(seq), 0) + 1 FROM ai_messages WHERE conversation_id = ?"_qs,
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
            u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs,
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
                u"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"_qs,
                { assetId, id, a.value(u"type").toString(u"item"_qs),
                    QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)), at,
                    at },
                what))
            return *e;
        stored << QJsonObject { { u"id"_qs, assetId }, { u"message_id"_qs, id },
            { u"type"_qs, a.value(u"type").toString(u"item"_qs) }, { u"value"_qs, value },
            { u"created_at"_qs, at }, { u"updated_at"_qs, at } };
    }
    if (StoreStatus e = run(q, u"UPDATE ai_conversations SET updated_at = ? WHERE id = ?"_qs,
            { at, conversationId }, what))
        return *e;
    if (StoreStatus e = transaction.commit(what))
        return *e;
    return QJsonObject {
        { u"id"_qs, id },
        { u"conversation_id"_qs, conversationId },
        { u"message"_qs, text },
        { u"role"_qs, role },
        { u"agent"_qs, agent.isEmpty() ? QJsonValue() : QJsonValue(agent) },
        { u"task"_qs, task.isEmpty() ? QJsonValue() : QJsonValue(task) },
        { u"locale_id"_qs, localeId.isEmpty() ? QJsonValue() : QJsonValue(localeId) },
        { u"created_at"_qs, at },
        { u"updated_at"_qs, at },
        { u"aiMessageAssets"_qs, stored },
    };
}

StoreResult<QList<QJsonObject>> AiStore::conversations() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (StoreStatus e
        = run(q, u"SELECT id, user_id, title, created_at, updated_at FROM ai_conversations"_qs, {},
            u"Reading conversations"_qs))
        return *e;
    QList<QJsonObject> rows;
    while (q.next()) {
        rows << QJsonObject { { u"id"_qs, q.value(0).toString() },
            { u"user_id"_qs, q.value(1).toString() }, { u"title"_qs, q.value(2).toString() },
            { u"created_at"_qs, q.value(3).toString() },
            { u"updated_at"_qs, q.value(4).toString() } };
    }
    return rows;
}

StoreResult<QList<QJsonObject>> AiStore::assets() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (StoreStatus e = run(q,
            u"SELECT id, message_id, type, value_json, created_at, updated_at "
            u"FROM ai_message_assets ORDER BY created_at, rowid"_qs,
            {}, u"Reading assets"_qs))
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
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (StoreStatus e = run(q,
            u"SELECT id, conversation_id, message, role, agent, task, locale_id, "
            u"created_at, updated_at FROM ai_messages ORDER BY conversation_id, seq"_qs,
            {}, u"Reading messages"_qs))
        return *e;
    QList<QJsonObject> rows;
    while (q.next()) {
        const QString id = q.value(0).toString();
        rows << QJsonObject { { u"id"_qs, id }, { u"conversation_id"_qs, q.value(1).toString() },
            { u"message"_qs, q.value(2).toString() }, { u"role"_qs, q.value(3).toString() },
            { u"agent"_qs, nullable(q.value(4)) }, { u"task"_qs, nullable(q.value(5)) },
            { u"locale_id"_qs, nullable(q.value(6)) }, { u"created_at"_qs, q.value(7).toString() },
            { u"updated_at"_qs, q.value(8).toString() },
            { u"aiMessageAssets"_qs, byMessage.value(id) } };
    }
    return rows;
}
