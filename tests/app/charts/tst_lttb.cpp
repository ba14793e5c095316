// Largest-Triangle-Three-Buckets: size, first and last kept, extremes kept, order kept.
#include "app/charts/lttb.h"

#include <QTest>

#include <cmath>

class TestLttb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void downsample_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<int>("spikeAt"); // index of a huge spike, -1 none
        QTest::addColumn<int>("dipAt");
        QTest::newRow("sine 10k → 500") << 10000 << 500 << -1 << -1;
        QTest::newRow("100k → 1600 with spike and dip") << 100000 << 1600 << 31337 << 77000;
        QTest::newRow("spike near the start") << 5000 << 100 << 3 << -1;
        QTest::newRow("spike and dip adjacent") << 5000 << 100 << 2500 << 2501;
        QTest::newRow("fewer points than threshold") << 50 << 100 << -1 << -1;
        QTest::newRow("threshold equals count") << 100 << 100 << -1 << -1;
        QTest::newRow("tiny threshold") << 1000 << 3 << 500 << -1;
    }
    void downsample()
    {
        QFETCH(int, count);
        QFETCH(int, threshold);
        QFETCH(int, spikeAt);
        QFETCH(int, dipAt);
        QList<QPointF> points;
        for (int i = 0; i < count; ++i)
            points << QPointF(i, std::sin(i / 50.0) * 100 + (i % 7));
        if (spikeAt >= 0)
            points[spikeAt].setY(1e6);
        if (dipAt >= 0)
            points[dipAt].setY(-1e6);

        const QList<QPointF> out = Lttb::downsample(points, threshold);
        if (count <= threshold) {
            QCOMPARE(out, points);
            return;
        }
        // One point more when the minimum and the maximum share a bucket.
        QVERIFY(out.size() == threshold || out.size() == threshold + 1);
        if (threshold > 3 && (spikeAt < 0) == (dipAt < 0) && std::abs(spikeAt - dipAt) > 1000)
            QCOMPARE(out.size(), threshold);
        QCOMPARE(out.first(), points.first());
        QCOMPARE(out.last(), points.last());
        for (int i = 1; i < out.size(); ++i)
            QVERIFY2(out.at(i - 1).x() < out.at(i).x(), "points stay in x order");
        if (spikeAt >= 0)
            QVERIFY(out.contains(points.at(spikeAt)));
        if (dipAt >= 0)
            QVERIFY(out.contains(points.at(dipAt)));
        // Without planted extremes, the natural ones are kept.
        double maxIn = points.first().y();
        double minIn = maxIn;
        for (const QPointF &p : points) {
            maxIn = std::max(maxIn, p.y());
            minIn = std::min(minIn, p.y());
        }
        double maxOut = out.first().y();
        double minOut = maxOut;
        for (const QPointF &p : out) {
            maxOut = std::max(maxOut, p.y());
            minOut = std::min(minOut, p.y());
        }
        QCOMPARE(maxOut, maxIn);
        QCOMPARE(minOut, minIn);
    }

    void degenerate()
    {
        QVERIFY(Lttb::downsample({}, 10).isEmpty());
        const QList<QPointF> three { { 0, 1 }, { 1, 5 }, { 2, 2 } };
        QCOMPARE(Lttb::downsample(three, 2), (QList<QPointF> { { 0, 1 }, { 2, 2 } }));
        QCOMPARE(Lttb::downsample(three, 0), three);
    }
};

QTEST_GUILESS_MAIN(TestLttb)
#include "tst_lttb.moc"
