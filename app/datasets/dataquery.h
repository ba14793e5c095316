#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QVariant>

// A query on one dataset in the shape of Luzmo's `data` resource: dimensions (a column, and for
// datetime columns a level), measures (a column and an aggregation), filters. The result is a
// table: one row per group, the dimension values first, then the measures, in query order.
//
// Datetime levels follow Luzmo: 1 year, 2 quarter, 3 month, 4 week, 5 day.
// A datetime dimension value is returned as an ISO 8601 string of the period's start
// ("2024-03-01T00:00:00.000Z").
enum class Aggregation { Sum, Average, Count, DistinctCount, Min, Max };

struct QueryDimension
{
    QString columnId;
    int level = 0; // datetime columns only; 0 = the column's own level
};

struct QueryMeasure
{
    QString columnId; // may be empty for Count (count of rows)
    Aggregation aggregation = Aggregation::Sum;
    // A Luzmo aggregation formula instead of a column ("SUM({ds:a}) - SUM({ds:b})"); see
    // AggregationFormula. When set, columnId and aggregation are not used.
    QString formula = {};

    bool operator==(const QueryMeasure &) const = default;
};

struct QueryFilter
{
    enum class Op { Equals, NotEquals, In, Greater, GreaterOrEqual, Less, LessOrEqual };
    QString columnId;
    Op op = Op::Equals;
    QVariantList values; // one value, or several for In
};

struct QuerySort
{
    int column = 0; // index into the result row
    bool descending = false;
};

struct DataQuery
{
    QString datasetId;
    QList<QueryDimension> dimensions;
    QList<QueryMeasure> measures;
    QList<QueryFilter> filters;
    QList<QuerySort> order; // default: by the dimensions, ascending
    int limit = 100000;
    int offset = 0; // rows skipped (after ordering), for paging
};

QString aggregationName(Aggregation aggregation); // "sum", "average", "count", ...
bool parseAggregation(const QString &name, Aggregation *aggregation);
