#include "models/storeerror.h"

#include <QSqlError>

StoreError storeErrorFromSql(const QSqlError &error, const QString &what)
{
    // SQLite's primary result codes, as the QSQLITE driver reports them in nativeErrorCode().
    const int code = error.nativeErrorCode().toInt() & 0xff;
    StoreError result;
    result.detail = error.text();
    switch (code) {
    case 13: // SQLITE_FULL
        result.code = StoreError::Code::DiskFull;
        result.message = what
            + u": the disk is full. Free some space and try again; nothing "
              u"already saved was lost.";
        break;
    case 8: // SQLITE_READONLY
        result.code = StoreError::Code::ReadOnly;
        result.message = what + u": the history database is read-only.";
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        result.code = StoreError::Code::NotADatabase;
        result.message = what + u": the history database is damaged or is not a database.";
        break;
    case 9: // SQLITE_INTERRUPT
        result.code = StoreError::Code::Interrupted;
        result.message = what + u": it was stopped before it finished.";
        break;
    case 14: // SQLITE_CANTOPEN
        result.code = StoreError::Code::CannotOpen;
        result.message = what + u": the history database cannot be opened.";
        break;
    default:
        result.code = StoreError::Code::QueryFailed;
        result.message = what + u" failed.";
        break;
    }
    return result;
}
