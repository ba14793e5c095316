// ChartData → QChart: axis kinds and labels, series per data series (runs between gaps), titles,
// legend, money on the value axis, downsampling of large series; an image looked at.
#include "tests/ui/chart/chartsamples.h"
#include "tests/ui/windowfixture.h"
#include "ui/chart/chartrenderer.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QCategoryAxis *axisNamed(QChart *chart, const QString &name)
{
    for (QAbstractAxis *axis : chart->axes()) {
        if (axis->objectName() == name)
            return qobject_cast<QCategoryAxis *>(axis);
    }
    return nullptr;
}

QJsonObject itemAt(int level)
{
    QJsonObject item = ChartSamples::monthlyRevenueItemAtLevel(level);
    QJsonArray slots = item[u"slots"_s].toArray();
    slots.removeAt(2); // no legend
    item[u"slots"_s] = slots;
    return item;
}
} // namespace

class TestChartRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void monthlyRevenueByRegion()
    {
        const ChartData data = ChartSamples::monthlyRevenue(24);
        std::unique_ptr<QChart> chart(ChartRenderer::build(data, { { 900, 500 }, true, {} }));
        QCOMPARE(chart->title(), u"Monthly revenue by region in 2024"_s);
        QCOMPARE(chart->series().size(), 3);
        QVERIFY(chart->legend()->isVisible());
        QCOMPARE(chart->legend()->markers().size(), 3);
        QCategoryAxis *x = axisNamed(chart.get(), u"xAxis"_s);
        QCategoryAxis *y = axisNamed(chart.get(), u"yAxis"_s);
        QVERIFY(x && y);
        QCOMPARE(x->titleText(), u"Date"_s);
        QCOMPARE(y->titleText(), u"Revenue"_s);
        const QStringList xLabels = x->categoriesLabels();
        QVERIFY2(xLabels.contains(u"Jan 2023"_s) && xLabels.contains(u"Jan 2024"_s),
            qPrintable(xLabels.join(u", ")));
        for (const QString &label : y->categoriesLabels())
            QVERIFY2(label.startsWith(u'$'), qPrintable(label));
        QVERIFY(y->min() <= 0); // revenue reads from zero
    }

    void datetimeLevels_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("rowDate");
        QTest::addColumn<QString>("label");
        QTest::newRow("year") << 1 << u"2024-01-01T00:00:00.000Z"_s << u"2024"_s;
        QTest::newRow("quarter") << 2 << u"2024-04-01T00:00:00.000Z"_s << u"Q2 2024"_s;
        QTest::newRow("month") << 3 << u"2024-04-01T00:00:00.000Z"_s << u"Apr 2024"_s;
        QTest::newRow("week") << 4 << u"2024-04-01T00:00:00.000Z"_s << u"1 Apr 2024"_s;
        QTest::newRow("day") << 5 << u"2024-04-02T00:00:00.000Z"_s << u"2 Apr 2024"_s;
    }
    void datetimeLevels()
    {
        QFETCH(int, level);
        QFETCH(QString, rowDate);
        QFETCH(QString, label);
        const auto result = ChartData::fromItem(
            itemAt(level), QJsonArray { QJsonValue(QJsonArray { rowDate, 5 }) });
        const ChartData &data = *result;
        std::unique_ptr<QChart> chart(ChartRenderer::build(data, {}));
        QCOMPARE(chart->series().size(), 1);
        QVERIFY(!chart->legend()->isVisible()); // one series: the axis title says it
        QCOMPARE(axisNamed(chart.get(), u"xAxis"_s)->categoriesLabels(), QStringList { label });
    }

    void gapsSplitRunsButOneLegendEntry()
    {
        QJsonArray rows;
        rows << QJsonArray { u"2024-01-01T00:00:00.000Z"_s, u"EMEA"_s, 1 }
             << QJsonArray { u"2024-02-01T00:00:00.000Z"_s, u"EMEA"_s, QJsonValue() }
             << QJsonArray { u"2024-03-01T00:00:00.000Z"_s, u"EMEA"_s, 3 }
             << QJsonArray { u"2024-03-01T00:00:00.000Z"_s, u"APAC"_s, 2 };
        const auto data = ChartData::fromItem(ChartSamples::monthlyRevenueItem(), rows).value();
        QChart *chart = ChartRenderer::build(data, {});
        QChartView view(chart); // markers are items: they need a scene to be visible
        view.resize(800, 450);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(chart->series().size(), 3); // EMEA in two runs, APAC in one
        int visibleMarkers = 0;
        for (QLegendMarker *marker : chart->legend()->markers())
            visibleMarkers += marker->isVisible() ? 1 : 0;
        QCOMPARE(visibleMarkers, 2);
    }

    void largeSeriesAreDownsampled()
    {
        QJsonArray rows;
        const QDateTime start(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < 20000; ++i)
            rows << QJsonArray { start.addDays(i).toString(Qt::ISODateWithMs), i % 977 };
        const auto data = ChartData::fromItem(itemAt(5), rows).value();
        std::unique_ptr<QChart> full(ChartRenderer::build(data, { { 800, 400 }, false, {} }));
        QCOMPARE(qobject_cast<QLineSeries *>(full->series().first())->count(), 20000);
        std::unique_ptr<QChart> small(ChartRenderer::build(data, { { 800, 400 }, true, {} }));
        const int kept = qobject_cast<QLineSeries *>(small->series().first())->count();
        QVERIFY2(kept <= ChartRenderer::pointBudget(800) + 1, qPrintable(QString::number(kept)));
        // Ticks never crowd: a label per at most ~70 px.
        QVERIFY(axisNamed(small.get(), u"xAxis"_s)->categoriesLabels().size() <= 800 / 60);
    }

    void imageIsLookedAt()
    {
        const ChartData data = ChartSamples::monthlyRevenue(24);
        const QImage image
            = ChartRenderer::image(data, { 900, 500 }, 1.0, u"Data as of 3 Mar 2025, 14:05"_s);
        QCOMPARE(image.size(), QSize(900, 500));
        QVERIFY(image.save(screenshotPath(u"chart-render.png"_s)));
    }
};

QTEST_MAIN(TestChartRenderer)
#include "tst_chartrenderer.moc"
