#include "models/migrations.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Migration 1: conversations, messages and their assets.
const char *const v1[] = {
    R"(CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        backend TEXT NOT NULL DEFAULT 'local',
        remote_id TEXT,
        title TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        UNIQUE (backend, remote_id)))",
    "CREATE INDEX conversations_by_update ON conversations (deleted, updated_at DESC, id DESC)",
    R"(CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        remote_id TEXT,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        agent TEXT,
        task TEXT,
        locale_id TEXT,
        text TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'complete'
            CHECK (status IN ('pending', 'streaming', 'complete', 'interrupted', 'error')),
        error_detail TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (conversation_id, seq)))",
    "CREATE INDEX messages_by_remote_id ON messages (remote_id) WHERE remote_id IS NOT NULL",
    "CREATE INDEX messages_by_status ON messages (status) WHERE status = 'streaming'",
    R"(CREATE TABLE message_assets (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        remote_id TEXT,
        type TEXT NOT NULL,
        value_json TEXT NOT NULL,
        data_json TEXT,
        data_taken_at INTEGER,
        created_at INTEGER NOT NULL))",
    "CREATE INDEX message_assets_by_message ON message_assets (message_id)",
};

// Migration 2: full-text search over message text and conversation titles, kept in sync by
// triggers (external-content FTS5 tables).
const char *const v2[] = {
    R"(CREATE VIRTUAL TABLE messages_fts USING fts5 (
        text, content = 'messages', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'))",
    R"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END)",
    R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE VIRTUAL TABLE conversations_fts USING fts5 (
        title, content = 'conversations', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'))",
    R"(CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO conversations_fts (rowid, title) VALUES (new.id, new.title);
    END)",
    R"(CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
        INSERT INTO conversations_fts (conversations_fts, rowid, title)
            VALUES ('delete', old.id, old.title);
    END)",
    R"(CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
        INSERT INTO conversations_fts (conversations_fts, rowid, title)
            VALUES ('delete', old.id, old.title);
        INSERT INTO conversations_fts (rowid, title) VALUES (new.id, new.title);
    END)",
    // Rows written before this migration.
    "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
    "INSERT INTO conversations_fts (conversations_fts) VALUES ('rebuild')",
};

// Migration 3: prefix indexes (2, 3 and 4 characters) on message text, so that prefix
// searches ("rev*") stay fast over a million messages instead of merging thousands of terms.
const char *const v3[] = {
    "DROP TRIGGER messages_fts_insert",
    "DROP TRIGGER messages_fts_delete",
    "DROP TRIGGER messages_fts_update",
    "DROP TABLE messages_fts",
    R"(CREATE VIRTUAL TABLE messages_fts USING fts5 (
        text, content = 'messages', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'))",
    R"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END)",
    R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
    "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
};

// Migration 4: where an unfinished answer stands on its backend (e.g. a workflow stream's ids
// and last event index), so that it can be resumed after a restart.
const char *const v4[] = {
    "ALTER TABLE messages ADD COLUMN resume_state TEXT",
};

// Migration 5: local-first plumbing. Where each backend's sync stands; the outbox of prompts
// written while offline; remote ids of assets indexed for idempotent sync.
const char *const v5[] = {
    R"(CREATE TABLE sync_state (
        backend TEXT PRIMARY KEY,
        cursor TEXT,
        synced_at INTEGER))",
    R"(CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER REFERENCES conversations (id) ON DELETE CASCADE,
        backend TEXT,
        text TEXT NOT NULL,
        agent TEXT,
        task TEXT,
        status TEXT NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'sending', 'sent', 'cancelled', 'failed')),
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX outbox_queued ON outbox (status, id)",
    "CREATE INDEX message_assets_by_remote_id ON message_assets (remote_id) WHERE remote_id IS NOT "
    "NULL",
};

// Migration 6: the start-up repairs find their rows through partial indexes instead of reading
// every message (~0.4 s each over a million messages): unfinished answers (marked interrupted at
// start-up) and interrupted answers that can be resumed.
const char *const v6[] = {
    "CREATE INDEX messages_unfinished ON messages (status) WHERE status IN ('streaming', "
    "'pending')",
    "CREATE INDEX messages_resumable ON messages (updated_at) WHERE resume_state IS NOT NULL AND "
    "status = 'interrupted'",
};

// Migration 7: a page of synced messages is indexed for search in one statement at the end of
// its transaction instead of one trigger run per message. SQLite 3.40's FTS5 writes its pending
// index to disk at every statement savepoint, and an insert whose trigger writes into FTS5 opens
// one, so indexing a page row by row cost ~4x more (measured: 10,000 messages, 505 ms vs 117 ms).
// A row inserted with fts_deferred = 1 is skipped by the triggers until SyncWriter indexes it and
// clears the mark, in the same transaction: no reader ever sees a row missing from the index.
const char *const v7[] = {
    "ALTER TABLE messages ADD COLUMN fts_deferred INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX messages_fts_deferred ON messages (id) WHERE fts_deferred = 1",
    "DROP TRIGGER messages_fts_insert",
    "DROP TRIGGER messages_fts_delete",
    "DROP TRIGGER messages_fts_update",
    R"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.fts_deferred = 0 BEGIN
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.fts_deferred = 0 BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END)",
    R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
        WHEN old.fts_deferred = 0 BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
};

// Migration 8: the CHECK constraints on messages.role and messages.status as ORs of equalities
// instead of IN lists. SQLite 3.40 builds a temporary b-tree for an IN list each time it checks a
// row: two per inserted message, ~25% of a synced page's write time (a probe: 10,000 messages
// and 5,000 charts in 20 pages, 386 -> 238 ms). The constraints mean the same and every row
// already meets them, so only the table's schema text changes, the way SQLite documents for
// changes that do not affect the content on disk (lang_altertable.html#otheralter): writable
// schema, the schema version bumped, all in the migration's transaction.
const std::pair<const char *, const char *> v8Checks[] = {
    { "CHECK (role IN ('user', 'assistant', 'system'))",
        "CHECK (role = 'user' OR role = 'assistant' OR role = 'system')" },
    { "CHECK (status IN ('pending', 'streaming', 'complete', 'interrupted', 'error'))",
        "CHECK (status = 'pending' OR status = 'streaming' OR status = 'complete' "
        "OR status = 'interrupted' OR status = 'error')" },
};

// Migration 9: an answer's text is not indexed for search while it streams (its text is saved
// every half second, and FTS5 re-indexes the whole text each time: ~35 ms per save at 1 MB, on
// the window's thread). Repository::updateMessage marks a streaming answer fts_deferred = 1,
// which takes its old text out of the index; while marked its text changes without touching the
// index; once final it is indexed (DeferredIndex), inline or, for a long text in the app, on a
// thread of its own (SearchIndexThread).
const char *const v9[] = {
    "DROP TRIGGER messages_fts_update",
    R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
        WHEN old.fts_deferred = 0 AND new.fts_deferred = 0 BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE TRIGGER messages_fts_defer AFTER UPDATE OF fts_deferred ON messages
        WHEN old.fts_deferred = 0 AND new.fts_deferred = 1 BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END)",
};

// Migration 10: earlier versions (issue 16.4). Editing the last question and sending it again,
// or regenerating the last answer, keeps the rows it replaces, marked with the time they were
// replaced (NULL: the current version); the transcript shows them as earlier versions.
const char *const v10[] = {
    "ALTER TABLE messages ADD COLUMN superseded_at INTEGER",
};

StoreStatus rewriteMessageChecks(QSqlDatabase &db, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA schema_version"_s) || !query.next())
        return storeErrorFromSql(query.lastError(), what);
    const qint64 schemaVersion = query.value(0).toLongLong();
    query.finish();
    if (!query.exec(u"PRAGMA writable_schema = ON"_s))
        return storeErrorFromSql(query.lastError(), what);
    for (const auto &[from, to] : v8Checks) {
        if (!query.prepare(u"UPDATE sqlite_schema SET sql = replace(sql, ?, ?) "
                           u"WHERE type = 'table' AND name = 'messages'"_s))
            return storeErrorFromSql(query.lastError(), what);
        query.addBindValue(QString::fromLatin1(from));
        query.addBindValue(QString::fromLatin1(to));
        if (!query.exec())
            return storeErrorFromSql(query.lastError(), what);
    }
    if (!query.exec(u"PRAGMA schema_version = "_s + QString::number(schemaVersion + 1))
        || !query.exec(u"PRAGMA writable_schema = OFF"_s))
        return storeErrorFromSql(query.lastError(), what);
    return std::nullopt;
}

struct Migration
{
    const char *const *begin;
    const char *const *end;
};

const Migration migrations[] = {
    { std::begin(v1), std::end(v1) },
    { std::begin(v2), std::end(v2) },
    { std::begin(v3), std::end(v3) },
    { std::begin(v4), std::end(v4) },
    { std::begin(v5), std::end(v5) },
    { std::begin(v6), std::end(v6) },
    { std::begin(v7), std::end(v7) },
};

} // namespace

int Migrations::latestVersion()
{
    return int(std::size(migrations)) + 3; // + migration 8, a function, 9 and 10
}

QList<SqliteMigration> Migrations::steps()
{
    const auto statementsOf = [](int version, const Migration &m) {
        QStringList statements;
        for (auto it = m.begin; it != m.end; ++it)
            statements << QString::fromUtf8(*it);
        return SqliteMigration::statements(
            u"Upgrading the history database to schema " + QString::number(version), statements);
    };
    QList<SqliteMigration> result;
    for (int version = 1; version <= int(std::size(migrations)); ++version)
        result << statementsOf(version, migrations[version - 1]);
    const QString what
        = QCoreApplication::translate("StoreError", "Upgrading the history database to schema 8");
    result << SqliteMigration { what,
        [what](QSqlDatabase &db) { return rewriteMessageChecks(db, what); } };
    result << statementsOf(9, { std::begin(v9), std::end(v9) });
    result << statementsOf(10, { std::begin(v10), std::end(v10) });
    return result;
}
