#include "models/sqlrun.h"

#include <QSqlError>
#include <QSqlQuery>

StoreStatus execPrepared(
    QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &what)
{
    if (!query.prepare(sql))
        return storeErrorFromSql(query.lastError(), what);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return storeErrorFromSql(query.lastError(), what);
    return std::nullopt;
}
