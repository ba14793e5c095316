// CSV import benchmark (issue 4): writes an N-row CSV (default 1,000,000) to a temporary folder,
// imports it into a fresh datasets store, then runs a monthly query on it.
// Usage: bench_import [--smoke] [--rows N] [--dir DIR]
// Prints one line per measurement, with the peak resident memory; never asserts a time.

#include "datasetstore.h"
#include "queryengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

namespace {
// Peak resident set size in KiB, from /proc/self/status (VmHWM).
qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool writeCsv(const QString &path, qint64 rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    static const char *const regions[] = { "EMEA", "Americas", "APAC", "LATAM" };
    static const char *const products[]
        = { "Laptop", "Monitor", "\"Dock, USB-C\"", "Headset", "\"Keyboard \"\"Pro\"\"\"" };
    quint64 state = 42;
    QByteArray block = "Date,Region,Product,Units,Revenue,Cost\n";
    char line[160];
    for (qint64 i = 0; i < rows; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const unsigned r = unsigned(state >> 33);
        const qint64 day = 18993 + (i / 20) % 1096; // from 2022-01-01
        const QDate date = QDate(1970, 1, 1).addDays(day);
        const int units = int(r % 40);
        std::snprintf(line, sizeof line, "%04d-%02d-%02d,%s,%s,%d,%d.%02u,%d.%02u\n", date.year(),
            date.month(), date.day(), regions[r % 4], products[(r >> 3) % 5], units, units * 97,
            r % 100, units * 55, (r >> 7) % 100);
        block += line;
        if (block.size() > (1 << 20)) {
            if (file.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return file.write(block) == block.size();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 rows = 1000000;
    if (args.contains(u"--smoke"_qs))
        rows = 10000;
    if (const qsizetype i = args.indexOf(u"--rows"_qs); i >= 0)
        rows = args.value(i + 1).toLongLong();
    QTemporaryDir temp;
    QString dir = temp.path();
    if (const qsizetype i = args.indexOf(u"--dir"_qs); i >= 0)
        dir = args.value(i + 1);

    const QString csv = dir + u"/bench.csv";
    QElapsedTimer timer;
    timer.start();
    if (!writeCsv(csv, rows)) {
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
        csv, u"bench"_qs, [&callbacks](qint64, qint64) { return ++callbacks > 0; });
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
    monthly.dimensions = { { DatasetStore::columnId(imported->id, u"Date"_qs), 3 },
        { DatasetStore::columnId(imported->id, u"Region"_qs), 0 } };
    monthly.measures
        = { { DatasetStore::columnId(imported->id, u"Revenue"_qs), Aggregation::Sum } };
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
