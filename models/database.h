#pragma once

#include "models/sqlitedatabase.h"
#include "models/storeerror.h"

#include <QSqlDatabase>
#include <QString>

// The SQLite file that holds the whole history, opened through SqliteDatabase: WAL, foreign
// keys, and the schema brought up to date through the ordered migrations (migrations.h).
// A file that cannot be used (read-only location, damaged, another program's, or written by a
// newer Chartroom) is reported as a StoreError and left untouched.
class Database
{
public:
    static constexpr auto fileName = "chartroom.sqlite";
    static constexpr int applicationId = 0x43525452; // "CRTR"

    Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) DIR/chartroom.sqlite.
    StoreStatus open(const QString &directory);
    // Opens a specific file, e.g. for tests; ":memory:" is allowed.
    StoreStatus openFile(const QString &path);
    // Opens a file and migrates it only up to `version` (for migration tests).
    StoreStatus openFileAtVersion(const QString &path, int version);
    void close() { m_db.close(); }

    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    // Opened on a file another connection (another thread's) can open too: not ":memory:".
    bool hasFile() const { return isOpen() && !path().isEmpty() && path() != u":memory:"; }
    int schemaVersion() const { return m_db.schemaVersion(); }
    QSqlDatabase connection() const { return m_db.connection(); }

    // The data directory from --data-dir, CHARTROOM_DATA_DIR, or the platform's app data folder.
    static QString resolveDataDirectory(const QString &fromCommandLine);

private:
    // After a successful open: registers the connection's own SQL functions.
    StoreStatus prepared(StoreStatus opened);

    SqliteDatabase m_db;
};
