#pragma once

#include "models/storeerror.h"

#include <QVariantList>

class QSqlQuery;

// Prepares and runs `sql` with positional bound values (never values built into the text);
// the driver's error, if any, as a StoreError whose message starts with `what`.
StoreStatus execPrepared(
    QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &what);
