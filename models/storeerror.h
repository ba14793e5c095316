#pragma once

#include "models/expected.h"

#include <QString>

#include <optional>

class QSqlError;

// A typed error from the local store: what went wrong, in words a person can act on, plus the
// driver's own text for logs.
struct StoreError
{
    enum class Code {
        CannotCreateDirectory,
        CannotOpen, // permissions, read-only location
        NotADatabase, // corrupt file, or a file that is not SQLite
        NotChartroom, // an SQLite file that belongs to another program
        SchemaTooNew, // written by a newer Chartroom
        MigrationFailed,
        QueryFailed, // the database could not do what was asked
        NotFound,
        Invalid, // the request itself is wrong (empty text, a bad query): nothing was tried
        Busy, // not now: another operation (an answer arriving) must end first
        DiskFull,
        ReadOnly,
        Interrupted, // stopped before it finished (see SqliteDeadline)
        TimedOut, // stopped by a time limit; the message names it
    };
    Code code = Code::QueryFailed;
    QString message; // for people
    QString detail; // the driver's text, for logs

    QString toString() const
    {
        return detail.isEmpty() ? message : message + u" (" + detail + u')';
    }
};

// Either a value or a StoreError.
template<typename T> using StoreResult = Expected<T, StoreError>;

// Result of an operation that returns nothing but may fail.
using StoreStatus = std::optional<StoreError>;

// Classify an SQL driver error (disk full, read-only, corrupt, ...) into a StoreError whose
// message starts with `what` ("Saving the message").
StoreError storeErrorFromSql(const QSqlError &error, const QString &what);
