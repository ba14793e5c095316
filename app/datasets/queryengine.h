#pragma once

#include "app/datasets/dataquery.h"
#include "models/storeerror.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QList>

class DatasetStore;
class QSqlError;

// Runs DataQuery on the dataset store: one SQL statement per query (see QueryBuilder), rows
// returned as JSON arrays (dimension values, then measures, in query order). Datetime buckets
// are ISO 8601 strings of the period's start; counts are integers; nulls are JSON null.
// Unknown datasets and columns are NotFound errors that name them. Formula measures are
// computed from their aggregate terms (FormulaExpansion).
// With a time limit, every query run by this engine shares it, counted from the engine's
// construction (one question): a query still running then is stopped and fails with a TimedOut
// error that says so.
class QueryEngine
{
public:
    explicit QueryEngine(const DatasetStore &store, int timeLimitMs = 0 /* none */);

    StoreResult<QList<QJsonArray>> run(const DataQuery &query) const;

private:
    StoreError queryFailed(const QSqlError &error, bool timedOut) const;

    const DatasetStore &m_store;
    int m_timeLimitMs = 0;
    QDeadlineTimer m_deadline;
};
