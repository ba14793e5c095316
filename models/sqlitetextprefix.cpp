#include "models/sqlitetextprefix.h"

#include "models/sqlitedeadline.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

SqliteTextPrefix::SqliteTextPrefix(
    const QSqlDatabase &connection, const char *table, const char *column)
    : m_db(sqliteHandle(connection))
    , m_table(table)
    , m_column(column)
{
}

SqliteTextPrefix::~SqliteTextPrefix()
{
    sqlite3_blob_close(m_blob); // a no-op on null
}

StoreError SqliteTextPrefix::error(int code, const QString &what) const
{
    const QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                                : QCoreApplication::translate("StoreError", "not an SQLite store");
    return storeErrorFromSql(
        QSqlError(detail, {}, QSqlError::StatementError, QString::number(code)), what);
}

StoreResult<SqliteTextPrefix::Prefix> SqliteTextPrefix::read(
    qint64 rowid, qint64 maxBytes, const QString &what)
{
    if (!m_db)
        return error(SQLITE_MISUSE, what);
    // A handle left on a row that failed to open is unusable: open afresh after an error.
    const int opened = m_blob
        ? sqlite3_blob_reopen(m_blob, rowid)
        : sqlite3_blob_open(m_db, "main", m_table, m_column, rowid, 0, &m_blob);
    if (opened != SQLITE_OK) {
        StoreError e = error(opened, what);
        sqlite3_blob_close(m_blob);
        m_blob = nullptr;
        return e;
    }
    Prefix prefix;
    prefix.totalBytes = sqlite3_blob_bytes(m_blob);
    const qint64 size = std::min(prefix.totalBytes, std::max<qint64>(maxBytes, 0));
    prefix.bytes.resize(size);
    if (const int rc = sqlite3_blob_read(m_blob, prefix.bytes.data(), int(size), 0);
        rc != SQLITE_OK) {
        return error(rc, what);
    }
    if (size < prefix.totalBytes)
        prefix.bytes.truncate(characterBoundary(prefix.bytes));
    return prefix;
}

qsizetype SqliteTextPrefix::characterBoundary(const QByteArray &utf8)
{
    qsizetype end = utf8.size();
    // Back over up to three continuation bytes to the lead byte of the last character...
    qsizetype lead = end;
    while (lead > 0 && end - lead < 4 && (uchar(utf8.at(lead - 1)) & 0xC0) == 0x80)
        --lead;
    if (lead == 0 || end - lead >= 4)
        return end; // not UTF-8 as it should be: cut where asked
    // ...and keep that character when all of its bytes are there.
    const uchar first = uchar(utf8.at(lead - 1));
    const qsizetype length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    return end - (lead - 1) >= length ? end : lead - 1;
}
