#pragma once

#include "app/analyst/intent.h"
#include "app/protocol/chartquery.h"

#include <QJsonArray>
#include <QList>
#include <QString>

// A text answer for a question without a time axis: one number per category (a markdown table
// with the best and worst named above it), or a single overall number when there is no split.
// Pure.
class ComparisonTable
{
public:
    ComparisonTable(ChartQuery query, QList<QJsonArray> rows, DerivedMeasure derived);

    QString markdown() const;

private:
    struct Row
    {
        QString name;
        QList<double> measures;
        double value = 0; // the derived measure, or the first measure
    };

    QList<Row> rows() const;
    QString format(double value, int measure) const; // measure -1: the derived measure
    QString derivedName() const;

    ChartQuery m_query;
    QList<QJsonArray> m_rows;
    DerivedMeasure m_derived;
};
