// Charts in every state (issue 13.5), read from the rendered scene at several widths: no axis or
// legend label is clipped or elided, every series keeps its name in the legend, hiding a series
// rescales the value axis to the visible ones, a query with no rows shows a "No data" card, and
// Esc closes the chart window.
#include "tests/support/tempstore.h"
#include "tests/ui/chart/chartsamples.h"
#include "ui/chart/chartcardcache.h"
#include "ui/chart/chartpanel.h"
#include "ui/chart/chartview.h"

#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Long legend names, as a real query's regions are.
QStringList regions()
{
    return { u"Europe, Middle East and Africa"_s, u"North and South America"_s,
        u"Asia Pacific and Japan"_s };
}

// The sample item at day level, `days` daily rows from 12 Dec 2023 (across a year) per region.
ChartData dailyRevenue(int days)
{
    const QJsonObject item = ChartSamples::monthlyRevenueItemAtLevel(5);
    QJsonArray rows;
    const QDateTime start(QDate(2023, 12, 12), QTime(0, 0), Qt::UTC);
    for (int d = 0; d < days; ++d) {
        for (const QString &region : regions())
            rows << QJsonArray { start.addDays(d).toString(Qt::ISODateWithMs), region, 100 + d };
    }
    return ChartData::fromItem(item, rows).value();
}

struct Texts
{
    QStringList all;
    QStringList problems;
};

// Every visible text item of the chart's scene, and those clipped or elided.
Texts textsOf(ChartView &view)
{
    Texts texts;
    const QRectF bounds = view.chart()->sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5);
    for (QGraphicsItem *item : view.scene()->items()) {
        if (!item->isVisible())
            continue;
        QString text;
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item))
            text = t->toPlainText();
        else if (auto *s = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            text = s->text();
        else
            continue;
        if (text.isEmpty())
            continue;
        texts.all << text;
        const QRectF rect = item->sceneBoundingRect();
        if (text.contains(u"..."_s) || text.contains(u'…'))
            texts.problems << u"elided: "_s + text;
        else if (!bounds.contains(rect))
            texts.problems << u"outside: "_s + text;
    }
    return texts;
}

void showAt(ChartView &view, int width)
{
    view.resize(width, std::max(260, width * 9 / 16));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(50); // the relabel after the layout pass
    QCoreApplication::processEvents();
}
} // namespace

class TestChartStates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelsNeverClipped_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("days");
        for (const int width : { 360, 480, 640, 900, 1280 }) {
            for (const int days : { 8, 20, 60, 400 }) {
                QTest::addRow("%d px, %d days", width, days) << width << days;
            }
        }
    }
    void labelsNeverClipped()
    {
        QFETCH(int, width);
        QFETCH(int, days);
        ChartView view(dailyRevenue(days));
        showAt(view, width);
        const Texts texts = textsOf(view);
        QVERIFY2(texts.problems.isEmpty(), qPrintable(texts.problems.join(u" | ")));
        // Every series keeps its whole name in the legend.
        for (const QString &name : regions())
            QVERIFY2(texts.all.contains(name), qPrintable(name + u" in " + texts.all.join(u" | ")));
        for (QLegendMarker *marker : view.chart()->legend()->markers()) {
            if (marker->isVisible())
                QVERIFY(!marker->label().isEmpty());
        }
    }

    void hidingASeriesRescalesTheValueAxis()
    {
        ChartView view(ChartSamples::monthlyRevenue(24));
        showAt(view, 900);
        auto *y = view.chart()->findChild<QCategoryAxis *>(u"yAxis"_s);
        if (!y) {
            for (QAbstractAxis *axis : view.chart()->axes())
                if (axis->objectName() == u"yAxis"_s)
                    y = qobject_cast<QCategoryAxis *>(axis);
        }
        QVERIFY(y);
        // APAC (index 2) peaks at 300000 · (1 + 0.02 · 21) + 25000 · sin(0.9 · 21 + 2) = 448178.94
        // (month 22); Americas at 368819.88.
        constexpr double apacMax = 448178.94;
        QVERIFY(y->max() >= apacMax);
        QLegendMarker *apac = nullptr;
        for (QLegendMarker *marker : view.chart()->legend()->markers())
            if (marker->isVisible() && marker->label() == u"APAC"_s)
                apac = marker;
        QVERIFY(apac);
        Q_EMIT apac->clicked(); // as a click on its legend entry does
        QVERIFY(!view.isSeriesVisible(2));
        QTRY_VERIFY2(y->max() < apacMax, qPrintable(QString::number(y->max())));
        QVERIFY(y->max() >= 368819.88);
        const Texts texts = textsOf(view);
        QVERIFY2(texts.problems.isEmpty(), qPrintable(texts.problems.join(u" | ")));
        Q_EMIT apac->clicked(); // shown again: the axis takes it back in
        QTRY_VERIFY(y->max() >= apacMax);
    }

    void noRowsShowsANoDataCard()
    {
        const ChartData data
            = ChartData::fromItem(ChartSamples::monthlyRevenueItem(), QJsonArray()).value();
        QVERIFY(data.isEmpty());
        ChartView view(data);
        showAt(view, 640);
        auto *card = view.findChild<QLabel *>(u"chartNoData"_s);
        QVERIFY(card);
        QVERIFY(card->isVisible());
        QVERIFY2(card->text().contains(u"No data for"_s), qPrintable(card->text()));
        QVERIFY2(card->text().contains(u"Monthly revenue by region in 2024"_s),
            qPrintable(card->text()));
        // No empty plot behind it: no axis labels, no legend.
        for (QAbstractAxis *axis : view.chart()->axes())
            QVERIFY(!axis->isVisible());
        QVERIFY(!view.chart()->legend()->isVisible());
    }

    void escClosesTheChartWindow()
    {
        TempStore store;
        ChartCardCache cache(*store.repository);
        ChartPanel panel(cache, 1);
        panel.setWindowFlag(Qt::Window);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.activateWindow();
        QTest::keyClick(&panel, Qt::Key_Escape);
        QVERIFY(!panel.isVisible());
    }
};

QTEST_MAIN(TestChartStates)
#include "tst_chartstates.moc"
