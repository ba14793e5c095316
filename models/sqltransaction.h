#pragma once

#include "models/storeerror.h"

#include <QSqlDatabase>
#include <QSqlError>

// RAII write transaction: rolls back on destruction unless commit() succeeded. It takes the
// write lock at BEGIN (BEGIN IMMEDIATE), waiting for another connection's write if need be (the
// busy timeout): a transaction that only asked for the lock at its first write, after reading,
// would fail ("database is locked") whenever another connection (the background thread, a
// sync) committed in between.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    // Commits; on failure the transaction is rolled back and the error returned.
    StoreStatus commit(const QString &what);

private:
    QSqlDatabase m_db;
    QSqlError m_beginError;
    bool m_active = false;
};
