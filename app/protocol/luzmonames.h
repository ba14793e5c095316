#pragma once

#include "app/datasets/dataquery.h"
#include "app/datasets/datasetschema.h"

#include <QString>

// How datetime levels read in answers. (Column type and aggregation names are datasets'
// columnTypeName() and aggregationName().)
class LuzmoNames
{
public:
    static QString levelAdjective(int level); // 3 → "Monthly"
    static QString levelNoun(int level); // 3 → "month"
};
