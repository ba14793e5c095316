#include "models/storeerror.h"

#include <QCoreApplication>
#include <QSqlError>

namespace {
// The sentences in words are translated (translations/), in the context "StoreError".
QString inWords(const char *text)
{
    return QCoreApplication::translate("StoreError", text);
}
} // namespace

StoreError storeErrorFromSql(const QSqlError &error, const QString &what)
{
    // SQLite's primary result codes, as the QSQLITE driver reports them in nativeErrorCode().
    const int code = error.nativeErrorCode().toInt() & 0xff;
    StoreError result;
    result.detail = error.text();
    switch (code) {
    case 13: // SQLITE_FULL
        result.code = StoreError::Code::DiskFull;
        result.message = inWords(QT_TRANSLATE_NOOP("StoreError",
                                     "%1: the disk is full. Free some space and try again; nothing "
                                     "already saved was lost."))
                             .arg(what);
        break;
    case 8: // SQLITE_READONLY
        result.code = StoreError::Code::ReadOnly;
        result.message
            = inWords(QT_TRANSLATE_NOOP("StoreError", "%1: the history database is read-only."))
                  .arg(what);
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        result.code = StoreError::Code::NotADatabase;
        result.message = inWords(QT_TRANSLATE_NOOP("StoreError",
                                     "%1: the history database is damaged or is not a database."))
                             .arg(what);
        break;
    case 9: // SQLITE_INTERRUPT
        result.code = StoreError::Code::Interrupted;
        result.message
            = inWords(QT_TRANSLATE_NOOP("StoreError", "%1: it was stopped before it finished."))
                  .arg(what);
        break;
    case 14: // SQLITE_CANTOPEN
        result.code = StoreError::Code::CannotOpen;
        result.message
            = inWords(QT_TRANSLATE_NOOP("StoreError", "%1: the history database cannot be opened."))
                  .arg(what);
        break;
    default:
        result.code = StoreError::Code::QueryFailed;
        result.message = inWords(QT_TRANSLATE_NOOP("StoreError", "%1 failed.")).arg(what);
        break;
    }
    return result;
}
