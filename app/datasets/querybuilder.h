#pragma once

#include "app/datasets/dataquery.h"
#include "app/datasets/datasetschema.h"
#include "models/storeerror.h"

#include <QList>
#include <QString>
#include <QVariantList>

// Translates a DataQuery on one dataset into a single SQL statement with bound values. Table
// and column identifiers come from the schema ("c0", "c1", ... in the dataset's table), never
// from the query's text. Pure: no database needed, so it is tested on its own.
//
// When the dataset has a rollup (DatasetSchema::rollupTable) and the query only groups and filters
// on hierarchy and datetime columns, the statement reads the rollup instead of the rows: sums,
// counts, minima and maxima of the groups' partial aggregates, averages as sum / count. Results
// are the same as over the rows (sums may differ in the last bits of a double, as any other
// order of adding would); a distinct count of a numeric column always reads the rows.
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

    // The statement that creates the rollup of `table`: one row per distinct combination of the
    // hierarchy and datetime values (under their own column names, "c0", ...), with the row count
    // `n` and, per numeric column cN, cN_sum, cN_count (non-null values), cN_min and cN_max.
    static QString rollupSql(
        const DatasetSchema &schema, const QString &table, const QString &rollupTable);
    // Whether the rollup answers `query` exactly: no numeric dimension or filter, and no distinct
    // count of a numeric column. False for unknown columns (the rows' statement names them).
    static bool rollupCovers(const DataQuery &query, const DatasetSchema &schema);

    // The SQL expression of a datetime column bucketed at a level (1 year ... 5 day, 6 hour,
    // 7 minute, 8 second, 9 millisecond) as the ISO 8601 string of the period's start.
    static QString bucketExpression(const QString &column, int level);

    // The period [start, end) in Unix seconds that a datetime filter value names: a year
    // (2024 or "2024"), a month ("2024-03"), a day ("2024-03-01") or an instant (ISO date-time).
    static bool period(const QVariant &value, qint64 *start, qint64 *end);
};
