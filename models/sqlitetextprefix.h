#pragma once

#include "models/storeerror.h"

#include <QByteArray>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_blob;

// The first bytes of the TEXT values of one column, read through SQLite's incremental BLOB I/O
// (sqlite3_blob_open reads a TEXT value as its stored bytes, as it does a BLOB): the first
// 64 KiB of a 4 MB message cost a read of its first pages, where a SELECT of the column reads
// all of its ~1,000 overflow pages and Qt then copies and decodes the whole value. One handle
// moves from row to row (sqlite3_blob_reopen). Read-only; it reads within the connection's
// current read transaction (open it while the SELECT that found the rows is still stepping, and
// the values are those the SELECT saw). Not copyable.
class SqliteTextPrefix
{
public:
    // `table` and `column` are SQL identifiers of the main database.
    SqliteTextPrefix(const QSqlDatabase &connection, const char *table, const char *column);
    ~SqliteTextPrefix();
    SqliteTextPrefix(const SqliteTextPrefix &) = delete;
    SqliteTextPrefix &operator=(const SqliteTextPrefix &) = delete;

    struct Prefix
    {
        QByteArray bytes; // UTF-8, at most maxBytes, ending at a character boundary
        qint64 totalBytes = 0; // the whole value's size
        bool isWhole() const { return bytes.size() == totalBytes; }
    };
    // The value in row `rowid`, whole when it is at most `maxBytes` long. The store's error in
    // words (starting with `what`) when there is no such row, the value is not text, or the read
    // fails.
    StoreResult<Prefix> read(qint64 rowid, qint64 maxBytes, const QString &what);

    // How many bytes of `utf8` (cut anywhere) end at a character boundary: the cut backs over
    // the continuation bytes (10xxxxxx) of a character it would split.
    static qsizetype characterBoundary(const QByteArray &utf8);

private:
    StoreError error(int code, const QString &what) const;

    sqlite3 *m_db = nullptr;
    sqlite3_blob *m_blob = nullptr;
    const char *m_table;
    const char *m_column;
};
