#pragma once

#include "models/storeerror.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

// A statement prepared on its first run and run many times with positional values (never values
// built into the text), e.g. once per row of a page; the driver's error, if any, as a StoreError
// whose message starts with `what`.
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase &db, const QString &sql);

    StoreStatus exec(const QVariantList &values, const QString &what);
    QSqlQuery &query() { return m_query; }

private:
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
};
