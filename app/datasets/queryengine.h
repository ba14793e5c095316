#pragma once

#include "app/datasets/dataquery.h"
#include "models/storeerror.h"

#include <QJsonArray>
#include <QList>

class DatasetStore;

// Runs DataQuery on the dataset store: one SQL statement per query (see QueryBuilder), rows
// returned as JSON arrays (dimension values, then measures, in query order). Datetime buckets
// are ISO 8601 strings of the period's start; counts are integers; nulls are JSON null.
// Unknown datasets and columns are NotFound errors that name them. Formula measures are
// computed from their aggregate terms (FormulaExpansion).
class QueryEngine
{
public:
    explicit QueryEngine(const DatasetStore &store);

    StoreResult<QList<QJsonArray>> run(const DataQuery &query) const;

private:
    const DatasetStore &m_store;
};
