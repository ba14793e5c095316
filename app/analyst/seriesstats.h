#pragma once

#include <QList>
#include <QString>

#include <optional>

struct SeriesPoint
{
    QString period; // readable period or category, e.g. "March 2024"
    double value = 0;
};

struct SeriesSummary
{
    SeriesPoint first;
    SeriesPoint last;
    SeriesPoint min; // the earliest period with the lowest value
    SeriesPoint max; // the earliest period with the highest value
    double total = 0;
    double average = 0;
    int count = 0;
    std::optional<double> changePercent; // last vs first, in percent; none when first is 0
};

// Trend, extremes and totals of one ordered series. Pure.
class SeriesStats
{
public:
    static SeriesSummary summarize(const QList<SeriesPoint> &points);
};
