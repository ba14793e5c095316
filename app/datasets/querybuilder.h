#pragma once

#include "dataquery.h"
#include "datasetschema.h"
#include "storeerror.h"

#include <QList>
#include <QString>
#include <QVariantList>

// Translates a DataQuery on one dataset into a single SQL statement with bound values. Table
// and column identifiers come from the schema ("c0", "c1", ... in the dataset's table), never
// from the query's text. Pure: no database needed, so it is tested on its own.
class QueryBuilder
{
public:
    // How to turn each result column into JSON.
    enum class ValueKind { Text, Integer, Real, Instant };

    struct Statement
    {
        QString sql;
        QVariantList values;
        QList<ValueKind> kinds;
    };

    static StoreResult<Statement> build(
        const DataQuery &query, const DatasetSchema &schema, const QString &table);

    // The SQL expression of a datetime column bucketed at a level (1 year ... 5 day, 6 hour,
    // 7 minute, 8 second, 9 millisecond) as the ISO 8601 string of the period's start.
    static QString bucketExpression(const QString &column, int level);

    // The period [start, end) in Unix seconds that a datetime filter value names: a year
    // (2024 or "2024"), a month ("2024-03"), a day ("2024-03-01") or an instant (ISO date-time).
    static bool period(const QVariant &value, qint64 *start, qint64 *end);
};
