// Chart benchmark (issue 5.7): a day-level line-chart item with N rows (default 100,000) →
// ChartData → a QChart ready to draw (with LTTB downsampling to the plot width, and without),
// and a 1200×675 image of it. Usage: bench_chart [--smoke] [--rows N]
// Prints one line per measurement; never asserts a time (goal: < 100 ms at 100k points).

#include "app/charts/chartdata.h"
#include "ui/chart/chartrenderer.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
QJsonObject item()
{
    const auto content = [](const char *column, const char *type, const char *label) {
        return QJsonObject { { u"datasetId"_s, u"ds"_s },
            { u"columnId"_s, QString::fromLatin1(column) },
            { u"type"_s, QString::fromLatin1(type) },
            { u"label"_s, QJsonObject { { u"en"_s, QString::fromLatin1(label) } } } };
    };
    QJsonObject x = content("date", "datetime", "Date");
    x.insert(u"level"_s, 5);
    QJsonObject m = content("revenue", "numeric", "Revenue");
    m.insert(u"aggregationFunc"_s, u"sum"_s);
    m.insert(u"currency"_s, u"$"_s);
    return {
        { u"type"_s, u"line-chart"_s },
        { u"options"_s,
            QJsonObject { { u"title"_s, QJsonObject { { u"en"_s, u"Daily revenue"_s } } } } },
        { u"slots"_s,
            QJsonArray {
                QJsonObject { { u"name"_s, u"x-axis"_s }, { u"content"_s, QJsonArray { x } } },
                QJsonObject { { u"name"_s, u"measure"_s }, { u"content"_s, QJsonArray { m } } } } }
    };
}

QJsonArray rows(int count)
{
    QJsonArray out;
    const QDateTime start(QDate(1800, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        out << QJsonArray { start.addDays(i).toString(Qt::ISODateWithMs),
            10000 + 3000 * std::sin(i / 90.0) + (i * 7919 % 1000) };
    }
    return out;
}

void report(const char *what, qint64 ns, int points)
{
    std::printf("%-44s %9.1f ms  (%d points)\n", what, double(ns) / 1e6, points);
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    int count = args.contains(u"--smoke"_s) ? 2000 : 100000;
    if (const qsizetype i = args.indexOf(u"--rows"_s); i >= 0 && i + 1 < args.size())
        count = args.at(i + 1).toInt();
    const QJsonObject definition = item();
    const QJsonArray data = rows(count);

    QElapsedTimer timer;
    timer.start();
    const auto parsed = ChartData::fromItem(definition, data);
    const qint64 parse = timer.nsecsElapsed();
    if (!parsed.has_value()) {
        std::fprintf(stderr, "%s\n", qPrintable(parsed.error().message));
        return 1;
    }
    const ChartData &chart = *parsed;
    report("item + rows → ChartData", parse, chart.pointCount());

    for (const bool downsample : { true, false }) {
        timer.restart();
        std::unique_ptr<QChart> built(
            ChartRenderer::build(chart, { { 1200, 675 }, downsample, {} }));
        const qint64 build = timer.nsecsElapsed();
        report(downsample ? "ChartData → QChart (LTTB to plot width)"
                          : "ChartData → QChart (all points)",
            build, chart.pointCount());
        if (downsample)
            report("item + rows → QChart ready (total)", parse + build, chart.pointCount());
    }
    timer.restart();
    const QImage image = ChartRenderer::image(chart, { 1200, 675 });
    report("ChartData → 1200×675 image (LTTB)", timer.nsecsElapsed(), chart.pointCount());
    return image.isNull() ? 1 : 0;
}
