#pragma once

#include "app/analyst/queryrunner.h"
#include "app/datasets/datasetschema.h"

#include <QDate>
#include <QList>
#include <QVariantList>

// An in-memory table that really groups, filters and aggregates DataQuery requests, so the
// analyst's numbers can be checked against sums computed directly from the rows.
class FakeTable
{
public:
    FakeTable(DatasetSchema schema, QList<QVariantList> rows);

    const DatasetSchema &schema() const { return m_schema; }
    const QList<QVariantList> &rows() const { return m_rows; }
    QueryRunner runner() const;
    int queries() const { return *m_queries; }

    // Start of the period of `date` at a Luzmo level (1 year … 5 day; weeks start on Monday).
    static QDate periodStart(const QDate &date, int level);

    // Daily sales 2023-11-01 … 2024-06-30 for regions EMEA, APAC, Americas and products Widget,
    // Gadget, with Revenue and Cost (currency) and Units. Column order: Date, Region, Product,
    // Revenue, Cost, Units.
    static FakeTable sales();
    // Monthly values of groups A (10, 20, 15, 40, 5, 30) and B (100, 90 … 50) in 2024.
    // Column order: Day, Group, Value.
    static FakeTable known();

private:
    Expected<QList<QJsonArray>, QString> run(const DataQuery &query) const;
    int indexOf(const QString &columnId) const;

    DatasetSchema m_schema;
    QList<QVariantList> m_rows;
    std::shared_ptr<int> m_queries = std::make_shared<int>(0);
};
