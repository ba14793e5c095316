// CSV import benchmark (issue 4): writes an N-row CSV (default 1,000,000) to a temporary folder,
// imports it into a fresh datasets store, then runs a monthly query on it.
// Usage: bench_import [--smoke] [--rows N] [--dir DIR]
// Prints one line per measurement, with the peak resident memory; never asserts a time.

#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "tests/bench/benchcsv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
// Peak resident set size in KiB, from /proc/self/status (VmHWM).
qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 rows = 1000000;
    if (args.contains(u"--smoke"_s))
        rows = 10000;
    if (const qsizetype i = args.indexOf(u"--rows"_s); i >= 0)
        rows = args.value(i + 1).toLongLong();
    QTemporaryDir temp;
    QString dir = temp.path();
    if (const qsizetype i = args.indexOf(u"--dir"_s); i >= 0)
        dir = args.value(i + 1);

    const QString csv = dir + u"/bench.csv";
    QElapsedTimer timer;
    timer.start();
    if (!writeBenchCsv(csv, rows)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(csv));
        return 1;
    }
    const double mb = double(QFile(csv).size()) / (1024.0 * 1024.0);
    std::printf("generate: %lld rows, %.1f MiB in %lld ms\n", rows, mb, timer.elapsed());
    const qint64 rssBefore = peakRssKiB();

    DatasetStore store;
    if (StoreStatus failed = store.open(dir)) {
        std::fprintf(stderr, "%s\n", qPrintable(failed->toString()));
        return 1;
    }
    timer.restart();
    qint64 callbacks = 0;
    const auto imported = store.importFile(
        csv, u"bench"_s, [&callbacks](qint64, qint64) { return ++callbacks > 0; });
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    if (!imported) {
        std::fprintf(stderr, "%s\n", qPrintable(imported.error().toString()));
        return 1;
    }
    std::printf("import: %lld rows in %lld ms = %.0f rows/s, %.1f MiB/s (%lld progress calls)\n",
        imported->rowCount, ms, double(imported->rowCount) * 1000.0 / double(ms),
        mb * 1000.0 / double(ms), callbacks);
    std::printf(
        "peak RSS: %lld KiB before import, %lld KiB after (VmHWM)\n", rssBefore, peakRssKiB());

    DataQuery monthly;
    monthly.datasetId = imported->id;
    monthly.dimensions = { { DatasetStore::columnId(imported->id, u"Date"_s), 3 },
        { DatasetStore::columnId(imported->id, u"Region"_s), 0 } };
    QueryMeasure revenue;
    revenue.columnId = DatasetStore::columnId(imported->id, u"Revenue"_s);
    revenue.aggregation = Aggregation::Sum;
    monthly.measures = { revenue };
    timer.restart();
    const auto result = QueryEngine(store).run(monthly);
    if (!result) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().toString()));
        return 1;
    }
    std::printf("query: monthly revenue by region, %lld result rows in %lld ms\n",
        qint64(result->size()), timer.elapsed());
    return 0;
}
