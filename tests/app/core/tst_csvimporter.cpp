// CsvImporter on its own, headless: the threaded import with its progress, a ragged row that
// fails with its line, and a cancel that imports nothing (the File ▸ Import CSV… flow in the
// real window: tests/ui/tst_csvimport).
#include "app/core/csvimporter.h"
#include "app/datasets/datasetstore.h"
#include "tests/support/csvfixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QList<int> percents(const QSignalSpy &spy)
{
    QList<int> values;
    for (const QList<QVariant> &args : spy)
        values.append(args.at(0).toInt());
    return values;
}
} // namespace

class TestCsvImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsInTheBackground();
    void raggedRowFailsWithItsLine();
    void cancelImportsNothing();
};

void TestCsvImporter::importsInTheBackground()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"sales.csv"_s), 300);
    QVERIFY(!csv.isEmpty());

    CsvImporter importer(data.path());
    QSignalSpy progress(&importer, &CsvImporter::progress);
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QSignalSpy failed(&importer, &CsvImporter::failed);
    QSignalSpy running(&importer, &CsvImporter::runningChanged);
    QVERIFY(importer.start(csv, u"Sales 2024"_s));
    QVERIFY(importer.isRunning());
    QVERIFY(!importer.start(csv, u"Twice"_s)); // one import at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!importer.isRunning());
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(1).at(0).toBool(), false);

    const QList<int> values = percents(progress);
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.constLast(), 100);
    for (qsizetype i = 1; i < values.size(); ++i)
        QVERIFY2(values.at(i) >= values.at(i - 1), "progress went backwards");

    const auto reported = finished.at(0).at(0).value<DatasetSchema>();
    QCOMPARE(reported.name, u"Sales 2024"_s);
    QCOMPARE(reported.rowCount, 300);

    // A fresh connection sees it.
    const QList<DatasetSchema> stored = datasetsIn(data.path());
    QCOMPARE(stored.size(), 1);
    const DatasetSchema &d = stored.constFirst();
    QCOMPARE(d.id, reported.id);
    QCOMPARE(d.name, u"Sales 2024"_s);
    QCOMPARE(d.rowCount, 300);
    QCOMPARE(d.columns.size(), 3);
    QCOMPARE(d.columns.at(0).name, u"Date"_s);
    QCOMPARE(d.columns.at(0).type, ColumnType::Datetime);
    QCOMPARE(d.columns.at(1).type, ColumnType::Hierarchy);
    QCOMPARE(d.columns.at(2).type, ColumnType::Numeric);

    // The importer can go again once done; an empty name takes the file's base name.
    QVERIFY(importer.start(csv));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.at(1).at(0).value<DatasetSchema>().name, u"sales"_s);
}

void TestCsvImporter::raggedRowFailsWithItsLine()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"ragged.csv"_s), 20, 7);
    QVERIFY(!csv.isEmpty());

    CsvImporter importer(data.path());
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QSignalSpy failed(&importer, &CsvImporter::failed);
    QSignalSpy cancelled(&importer, &CsvImporter::cancelled);
    QVERIFY(importer.start(csv, u"Ragged"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(u"line 7"_s), qPrintable(message));
    QVERIFY2(message.contains(u"Nothing was imported"_s), qPrintable(message));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cancelled.count(), 0);
    QVERIFY(!importer.isRunning());
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QCOMPARE(datasetTables(data.path()), 0);

    // A file that is not there says so.
    QVERIFY(importer.start(files.filePath(u"missing.csv"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 30000);
    QVERIFY(failed.at(1).at(0).toString().contains(u"does not exist"_s));
}

void TestCsvImporter::cancelImportsNothing()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"large.csv"_s), 300000);
    QVERIFY(!csv.isEmpty());

    CsvImporter importer(data.path());
    QSignalSpy progress(&importer, &CsvImporter::progress);
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QSignalSpy failed(&importer, &CsvImporter::failed);
    QSignalSpy cancelled(&importer, &CsvImporter::cancelled);
    connect(&importer, &CsvImporter::progress, &importer, &CsvImporter::cancel);
    QVERIFY(importer.start(csv, u"Large"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!progress.isEmpty());
    QVERIFY(percents(progress).constFirst() < 100);
    QVERIFY(!importer.isRunning());
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QCOMPARE(datasetTables(data.path()), 0);
}

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "tst_csvimporter.moc"
