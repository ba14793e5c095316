#pragma once

#include "app/datasets/dataquery.h"

#include <QList>
#include <QString>
#include <QStringList>

// The data query behind a line-chart item, with what is needed to describe its result.
// The query's dimensions are the x-axis column, then the legend column if any; its measures
// follow the item's measure slot. Result rows: [x, (legend), measure…].
struct ChartQuery
{
    DataQuery query;
    int level = 0; // datetime level of the x-axis; 0 when the x-axis is not a datetime
    bool hasLegend = false;
    QString xLabel;
    QString legendLabel;
    QStringList measureLabels;
    QList<bool> measureCurrency;
    QList<Aggregation> measureAggregations;
    QString title;
    QString error; // why the item could not be read; empty when it could
};
