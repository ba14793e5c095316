#pragma once

#include "models/storeerror.h"

#include <QSqlDatabase>

// RAII transaction: rolls back on destruction unless commit() succeeded.
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
    bool m_active = false;
};
