#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Axis arithmetic, pure: "nice" value ticks (1, 2, 2.5, 5 × 10^n) and the labels of datetime
// periods at a Luzmo level (1 year, 2 quarter, 3 month, 4 week, 5 day).
class AxisTicks
{
public:
    struct Scale
    {
        double min = 0;
        double max = 1;
        double step = 1;
        QList<double> ticks; // min, min + step, …, max
    };

    // A range holding [low, high] cut into at most `maxTicks` intervals of a nice step. A range
    // of one value is widened; all-positive data starts at zero when that costs little.
    static Scale nice(double low, double high, int maxTicks = 6);
    // Nice ticks inside [min, max] without widening it (a zoomed axis keeps its range).
    static Scale within(double min, double max, int maxTicks = 6);

    // "2024" (1), "Q1 2024" (2), "Mar 2024" (3), "4 Mar 2024" (4, 5).
    static QString periodLabel(const QDateTime &start, int level);
    // Short form for crowded axes: "Mar" inside a year, with the year on January ("Jan 2024").
    static QString periodTick(const QDateTime &start, int level, bool withYear);
    // Every `n`th period (1, 2, 3, 4, 6, 12, …) so that `count` labels `labelWidth` wide fit in
    // `axisWidth` pixels with a little room between them.
    static int labelStride(int count, int labelWidth, int axisWidth);
};
