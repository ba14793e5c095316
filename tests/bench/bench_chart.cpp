// Chart benchmark (issue 5.7): a day-level line-chart item with N rows (default 100,000) →
// ChartData → a QChart ready to draw (with LTTB downsampling to the plot width, and without),
// and a 1200×675 image of it. Usage: bench_chart [--smoke] [--rows N] [--runs R]
// Prints one line per measurement and a JSON line of the medians over R runs (default 7, the first
// included); never asserts a time (goal, issue 14.5: item + rows → ready < 50 ms at 100k rows).
// Every run checks that the chart holds every row and that the drawn series were downsampled to
// the plot's point budget.

#include "app/charts/chartdata.h"
#include "ui/chart/chartrenderer.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineSeries>

#include <algorithm>
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

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// The points drawn in all the chart's line series.
qsizetype drawnPoints(QChart *chart)
{
    qsizetype points = 0;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            points += line->count();
    }
    return points;
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
    int runs = 7;
    if (const qsizetype i = args.indexOf(u"--runs"_s); i >= 0 && i + 1 < args.size())
        runs = std::max(1, args.at(i + 1).toInt());
    const QJsonObject definition = item();
    const QJsonArray data = rows(count);
    const QSize size { 1200, 675 };

    QList<double> parseMs, buildMs, readyMs, allPointsMs, imageMs;
    QElapsedTimer timer;
    for (int run = 0; run < runs; ++run) {
        timer.start();
        const auto parsed = ChartData::fromItem(definition, data);
        const qint64 parse = timer.nsecsElapsed();
        if (!parsed.has_value()) {
            std::fprintf(stderr, "%s\n", qPrintable(parsed.error().message));
            return 1;
        }
        const ChartData &chart = *parsed;
        if (chart.pointCount() != count) {
            std::fprintf(
                stderr, "bench_chart: %d rows in, %d points read\n", count, chart.pointCount());
            return 1;
        }
        timer.restart();
        std::unique_ptr<QChart> built(ChartRenderer::build(chart, { size, true, {} }));
        const qint64 build = timer.nsecsElapsed();
        const qsizetype drawn = drawnPoints(built.get());
        // LTTB keeps at most the budget per series (plus each run's ends); one series here.
        if (drawn == 0 || drawn > ChartRenderer::pointBudget(size.width()) + 2) {
            std::fprintf(stderr, "bench_chart: %lld points drawn for a budget of %d\n",
                static_cast<long long>(drawn), ChartRenderer::pointBudget(size.width()));
            return 1;
        }
        timer.restart();
        std::unique_ptr<QChart> all(ChartRenderer::build(chart, { size, false, {} }));
        const qint64 allPoints = timer.nsecsElapsed();
        if (drawnPoints(all.get()) != count) {
            std::fprintf(stderr, "bench_chart: %lld of %d points drawn without downsampling\n",
                static_cast<long long>(drawnPoints(all.get())), count);
            return 1;
        }
        timer.restart();
        const QImage image = ChartRenderer::image(chart, size);
        const qint64 imageNs = timer.nsecsElapsed();
        if (image.isNull())
            return 1;
        parseMs.append(double(parse) / 1e6);
        buildMs.append(double(build) / 1e6);
        readyMs.append(double(parse + build) / 1e6);
        allPointsMs.append(double(allPoints) / 1e6);
        imageMs.append(double(imageNs) / 1e6);
    }
    std::printf("item + rows → ChartData                      %9.1f ms\n", median(parseMs));
    std::printf("ChartData → QChart (LTTB to plot width)      %9.1f ms\n", median(buildMs));
    std::printf("item + rows → QChart ready (total)           %9.1f ms\n", median(readyMs));
    std::printf("ChartData → QChart (all points)              %9.1f ms\n", median(allPointsMs));
    std::printf("ChartData → 1200×675 image (LTTB)            %9.1f ms\n", median(imageMs));
    std::printf(
        "{\"bench\":\"chart\",\"rows\":%d,\"runs\":%d,\"parse_ms\":%.1f,\"build_ms\":%.1f,"
        "\"ready_ms\":%.1f,\"first_ready_ms\":%.1f,\"all_points_ms\":%.1f,\"image_ms\":%.1f}\n",
        count, runs, median(parseMs), median(buildMs), median(readyMs), readyMs.first(),
        median(allPointsMs), median(imageMs));
    return 0;
}
