#include "models/sqlstatement.h"

#include <QSqlError>

SqlStatement::SqlStatement(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
}

StoreStatus SqlStatement::exec(const QVariantList &values, const QString &what)
{
    if (!m_prepared) {
        if (!m_query.prepare(m_sql))
            return storeErrorFromSql(m_query.lastError(), what);
        m_prepared = true;
    }
    for (int i = 0; i < values.size(); ++i)
        m_query.bindValue(i, values.at(i));
    if (!m_query.exec())
        return storeErrorFromSql(m_query.lastError(), what);
    return std::nullopt;
}
