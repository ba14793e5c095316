#include "app/analyst/seriesstats.h"

#include <cmath>

SeriesSummary SeriesStats::summarize(const QList<SeriesPoint> &points)
{
    SeriesSummary s;
    if (points.isEmpty())
        return s;
    s.first = points.first();
    s.last = points.last();
    s.min = points.first();
    s.max = points.first();
    for (const SeriesPoint &p : points) {
        s.total += p.value;
        if (p.value < s.min.value)
            s.min = p;
        if (p.value > s.max.value)
            s.max = p;
    }
    s.count = int(points.size());
    s.average = s.total / s.count;
    if (std::abs(s.first.value) > 1e-12)
        s.changePercent = (s.last.value - s.first.value) / std::abs(s.first.value) * 100.0;
    return s;
}
