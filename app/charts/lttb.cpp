#include "app/charts/lttb.h"

#include <cmath>

QList<QPointF> Lttb::downsample(const QList<QPointF> &points, int threshold)
{
    const qsizetype n = points.size();
    if (threshold <= 0 || threshold >= n)
        return points;
    if (threshold < 3)
        return QList<QPointF> { points.first(), points.last() }.mid(0, threshold);
    qsizetype minIndex = 0;
    qsizetype maxIndex = 0;
    for (qsizetype i = 1; i < n; ++i) {
        if (points.at(i).y() < points.at(minIndex).y())
            minIndex = i;
        if (points.at(i).y() > points.at(maxIndex).y())
            maxIndex = i;
    }

    QList<QPointF> out;
    out.reserve(threshold);
    out << points.first();
    const double every = double(n - 2) / (threshold - 2);
    qsizetype a = 0;
    for (int bucket = 0; bucket < threshold - 2; ++bucket) {
        const qsizetype start = qsizetype(std::floor(bucket * every)) + 1;
        const qsizetype end = std::min(qsizetype(std::floor((bucket + 1) * every)) + 1, n - 1);
        // The average of the next bucket (or the last point) is the triangle's third corner.
        const qsizetype nextStart = end;
        const qsizetype nextEnd = std::min(qsizetype(std::floor((bucket + 2) * every)) + 1, n);
        double avgX = 0;
        double avgY = 0;
        const qsizetype nextCount = std::max<qsizetype>(1, nextEnd - nextStart);
        for (qsizetype i = nextStart; i < nextStart + nextCount && i < n; ++i) {
            avgX += points.at(i).x();
            avgY += points.at(i).y();
        }
        avgX /= double(nextCount);
        avgY /= double(nextCount);

        const QPointF &pa = points.at(a);
        qsizetype chosen = start;
        double largest = -1;
        const bool hasMin = minIndex >= start && minIndex < end;
        const bool hasMax = maxIndex >= start && maxIndex < end;
        if (hasMin && hasMax && minIndex != maxIndex) {
            // Both extremes in one bucket: keep both, in x order (one point over the threshold).
            out << points.at(std::min(minIndex, maxIndex))
                << points.at(std::max(minIndex, maxIndex));
            a = std::max(minIndex, maxIndex);
            continue;
        }
        for (qsizetype i = start; i < end; ++i) {
            if (i == minIndex || i == maxIndex) {
                chosen = i; // the extremes always win their bucket
                break;
            }
            const QPointF &p = points.at(i);
            const double area
                = std::abs((pa.x() - avgX) * (p.y() - pa.y()) - (pa.x() - p.x()) * (avgY - pa.y()));
            if (area > largest) {
                largest = area;
                chosen = i;
            }
        }
        out << points.at(chosen);
        a = chosen;
    }
    out << points.last();
    return out;
}
