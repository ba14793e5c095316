#pragma once

#include "models/storeerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

// One step of a schema: brings `PRAGMA user_version` from N-1 to N. It runs inside the step's
// transaction, which also marks the file (version 1) and bumps the version.
struct SqliteMigration
{
    QString what; // the start of its error messages, e.g. "Upgrading the history database"
    std::function<StoreStatus(QSqlDatabase &db)> apply;

    // A step that runs statements in order.
    static SqliteMigration statements(const QString &what, const QStringList &sql);
};

// What a kind of Chartroom database is: its name in messages, its mark and its migrations.
struct SqliteSchema
{
    QString connectionPrefix; // e.g. "chartroom-datasets": connections are "<prefix>-<n>"
    QString name; // in messages: "history database", "datasets database"
    // After "… is damaged or is not an SQLite database. It was left unchanged": e.g.
    // "; move it away to start a new history".
    QString damagedAdvice;
    // PRAGMA application_id. 0: the files carry no mark; only another program's mark is refused.
    int applicationId = 0;
    QList<SqliteMigration> migrations; // version N is migrations[N - 1]
    QStringList extraPragmas; // after WAL, synchronous=NORMAL and foreign_keys=ON
};

// One SQLite file opened the way every Chartroom database is: its own connection (a unique
// name), the busy timeout, a check that the file is ours (a typed StoreError, and the file left
// untouched, when it is damaged, another program's or written by a newer Chartroom), then WAL,
// foreign keys, and the migrations from the file's user_version up, each in a transaction.
class SqliteDatabase
{
public:
    explicit SqliteDatabase(SqliteSchema schema);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Opens (creating the folder and the file if needed) DIR/fileName.
    StoreStatus openIn(const QString &directory, const QString &fileName);
    // Opens a file and migrates it up to `version` (-1: the latest); ":memory:" is allowed.
    StoreStatus openFile(const QString &path, int version = -1);
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }
    int latestVersion() const { return int(m_schema.migrations.size()); }
    int schemaVersion() const; // -1 when it cannot be read
    QSqlDatabase connection() const;

    // Creates a data folder, or says in words why it cannot.
    static StoreStatus makeDirectory(const QString &directory);

private:
    StoreStatus checkFile(const QString &path) const;
    StoreStatus setUp(const QString &path, int version);
    StoreStatus checkOwnership(QSqlDatabase &db, int *userVersion) const;
    StoreStatus migrate(QSqlDatabase &db, int fromVersion, int toVersion) const;
    StoreError damaged(const QString &detail) const;

    SqliteSchema m_schema;
    QString m_connectionName;
    QString m_path;
};
