#pragma once

#include "app/analyst/intent.h"
#include "app/datasets/datasetschema.h"

#include <QList>

// Picks 3–5 distinct, useful line charts for a dataset (e.g. monthly revenue, units by region,
// quarterly cost trend, revenue and cost for the margin). Pure.
class SuggestionPlanner
{
public:
    // `first`: an intent to put first when it is valid (the user's own question).
    static QList<Intent> plan(const DatasetSchema &schema, const Intent &first = {});
};
