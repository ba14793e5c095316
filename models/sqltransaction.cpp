#include "models/sqltransaction.h"

#include <QSqlError>

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        m_db.rollback();
}

StoreStatus SqlTransaction::commit(const QString &what)
{
    if (!m_active)
        return storeErrorFromSql(m_db.lastError(), what);
    if (!m_db.commit()) {
        const StoreError e = storeErrorFromSql(m_db.lastError(), what);
        m_db.rollback();
        m_active = false;
        return e;
    }
    m_active = false;
    return std::nullopt;
}
