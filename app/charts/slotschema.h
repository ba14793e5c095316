#pragma once

#include "app/datasets/datasetschema.h"

#include <QJsonObject>

// The dataset schema an item's slots imply: each slot content names its dataset, column, type
// (`numeric`, `hierarchy`, `datetime`) and money subtype, which is all ItemReader needs to build
// the data query. So a chart's query runs without first fetching the dataset's definition.
class SlotSchema
{
public:
    static DatasetSchema fromItem(const QJsonObject &item);
};
