#include "models/sqltransaction.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    // QSqlDatabase::transaction() would send a plain BEGIN; its commit() and rollback() send
    // COMMIT and ROLLBACK whoever began.
    QSqlQuery begin(m_db);
    m_active = begin.exec(u"BEGIN IMMEDIATE"_s);
    if (!m_active)
        m_beginError = begin.lastError();
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        m_db.rollback();
}

StoreStatus SqlTransaction::commit(const QString &what)
{
    if (!m_active)
        return storeErrorFromSql(m_beginError.isValid() ? m_beginError : m_db.lastError(), what);
    if (!m_db.commit()) {
        const StoreError e = storeErrorFromSql(m_db.lastError(), what);
        m_db.rollback();
        m_active = false;
        return e;
    }
    m_active = false;
    return std::nullopt;
}
