#pragma once

#include "app/analyst/intent.h"
#include "app/analyst/seriesstats.h"
#include "app/protocol/chartquery.h"

#include <QJsonArray>
#include <QList>
#include <QString>

// Describes the result of a chart's query in words with real numbers: per series the trend
// (first vs last period, % change), the highest and lowest period and the total or average.
// A derived measure (margin, profit, price per unit) is computed from its two operand
// measures. Pure.
class ChartDescriber
{
public:
    struct Series
    {
        QString name; // legend value, or the measure's label
        QList<SeriesPoint> points;
        double numerator = 0; // for derived measures: the summed operands over the whole series
        double denominator = 0;
    };

    ChartDescriber(
        ChartQuery query, QList<QJsonArray> rows, DerivedMeasure derived = DerivedMeasure::None);

    // Series of measure `measure` (or of the derived measure), one per legend value.
    QList<Series> series(int measure = 0) const;
    // Markdown paragraphs, one per measure (and per legend value when split).
    QString describe() const;
    // One sentence about the first measure's highest period, e.g.
    // "Revenue peaked in December 2024 at $1,234,567."
    QString headline() const;

    QString measureName(int measure) const;
    QString format(int measure, double value) const;
    // The value over the whole series: a total for sums and counts, a ratio for derived
    // measures, the mean of the periods otherwise.
    double overall(int measure, const Series &s) const;
    bool isAdditive(int measure) const;

private:
    QString sentence(int measure, const Series &s, bool named) const;
    QString periodName(const QJsonValue &value) const;

    ChartQuery m_query;
    QList<QJsonArray> m_rows;
    DerivedMeasure m_derived;
};
