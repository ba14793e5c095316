#pragma once

#include <QList>
#include <QPointF>

// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the first and last
// points and, from each of threshold - 2 buckets, the point that spans the largest triangle with
// its neighbours, so the shape survives. The global minimum and maximum are always kept (they
// replace their bucket's pick; when both fall into one bucket the result has threshold + 1
// points), so peaks never disappear. Points must be sorted by x and
// finite. Pure.
class Lttb
{
public:
    static QList<QPointF> downsample(const QList<QPointF> &points, int threshold);
};
