#pragma once

#include "dataquery.h"
#include "datasetschema.h"

#include <QString>

// Luzmo's spelling of column types, aggregations and datetime levels. Kept here (rather than
// using the datasets part's free functions) so the analyst builds on its own.
class LuzmoNames
{
public:
    static QString columnType(ColumnType type); // "numeric", "hierarchy", "datetime"
    static QString aggregationFunc(Aggregation aggregation); // "sum", "average", …
    static bool parseAggregationFunc(const QString &name, Aggregation *aggregation);
    static QString levelAdjective(int level); // 3 → "Monthly"
    static QString levelNoun(int level); // 3 → "month"
};
