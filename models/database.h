#pragma once

#include "models/storeerror.h"

#include <QSqlDatabase>
#include <QString>

// The SQLite file that holds the whole history. Opening it applies the connection settings
// (WAL, foreign keys) and brings the schema up to date through the ordered migrations.
// A file that cannot be used (read-only location, damaged, another program's, or written by a
// newer Chartroom) is reported as a StoreError and left untouched.
class Database
{
public:
    static constexpr auto fileName = "chartroom.sqlite";
    static constexpr int applicationId = 0x43525452; // "CRTR"

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) DIR/chartroom.sqlite.
    StoreStatus open(const QString &directory);
    // Opens a specific file, e.g. for tests; ":memory:" is allowed.
    StoreStatus openFile(const QString &path);
    // Opens a file and migrates it only up to `version` (for migration tests).
    StoreStatus openFileAtVersion(const QString &path, int version);
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    QSqlDatabase connection() const;

    // The data directory from --data-dir, CHARTROOM_DATA_DIR, or the platform's app data folder.
    static QString resolveDataDirectory(const QString &fromCommandLine);

private:
    StoreStatus openAt(const QString &path, int targetVersion);
    StoreStatus setUp(const QString &path, int targetVersion);
    StoreStatus checkOwnership(QSqlDatabase &db, int *userVersion);

    QString m_connectionName;
    QString m_path;
};
