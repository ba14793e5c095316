#pragma once

#include "app/datasets/datasetschema.h"
#include "app/protocol/chartquery.h"

#include <QJsonObject>
#include <QList>

// Reads a Luzmo line-chart item (as built by ChartBuilder, or by another client) back into the
// data query that yields its numbers. Tolerant: accepts the older `set`/`column` content fields
// and ignores what it does not know; filter groups are combined with "and".
class ItemReader
{
public:
    static ChartQuery read(const QJsonObject &item, const QList<DatasetSchema> &datasets);
};
