// DatasetStore: import, list, remove, all-or-nothing failures, cancel, reopen, the sample.

#include "app/datasets/datasetstore.h"
#include "tests/support/csvfixture.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
int count(const DatasetStore &store, const QString &sql)
{
    QSqlQuery q(store.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}
int datasetTables(const DatasetStore &store)
{
    return count(
        store, u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name GLOB 'd_*'"_s);
}

// 400 rows: 10 days x 2 regions, 20 rows each: a dataset with a rollup (20 rows).
QByteArray repeatedRows()
{
    QByteArray csv = "Date,Region,Revenue\n";
    for (int i = 0; i < 400; ++i) {
        csv += "2024-03-" + QByteArray::number(10 + i % 10) + ',' + (i % 20 < 10 ? "EMEA" : "APAC")
            + ',' + QByteArray::number(i % 9) + '\n';
    }
    return csv;
}

const QByteArray sample = "Date,Region,Revenue,Units,Note\n"
                          "2024-01-01,EMEA,100.5,3,\"first, quoted\"\n"
                          "2024-01-02,APAC,,4,\n"
                          "2024-01-03,EMEA,-20,5,\"multi\nline\"\n";
} // namespace

class TestDatasetStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importListRemove();
    void failureLeavesNothing_data();
    void failureLeavesNothing();
    void cancelLeavesNothing();
    void progressReachesTotal();
    void sequentialDevice();
    void importFileNamesAfterFile();
    void importFileErrors();
    void reopenPersists();
    void sampleDataset();
    void rollupOnlyWhenSmaller();
    void upgradesVersion1();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DatasetStore> m_store;
};

void TestDatasetStore::init()
{
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<DatasetStore>();
    const StoreStatus opened = m_store->open(m_dir->path());
    QVERIFY2(!opened, opened ? qPrintable(opened->toString()) : "");
    QVERIFY(QFile::exists(m_dir->filePath(u"datasets.sqlite"_s)));
}

void TestDatasetStore::importListRemove()
{
    const auto imported = importBytes(*m_store, sample, u"Trips"_s);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().toString()));
    QCOMPARE(imported->name, u"Trips"_s);
    QCOMPARE(imported->rowCount, 3);
    QCOMPARE(imported->columns.size(), 5);
    const QList<ColumnType> types = { ColumnType::Datetime, ColumnType::Hierarchy,
        ColumnType::Numeric, ColumnType::Numeric, ColumnType::Hierarchy };
    for (int i = 0; i < 5; ++i)
        QCOMPARE(imported->columns.at(i).type, types.at(i));
    QVERIFY(imported->columns.at(2).currency);
    QVERIFY(!imported->columns.at(3).currency);
    QCOMPARE(imported->columns.at(0).id, DatasetStore::columnId(imported->id, u"Date"_s));

    const auto list = m_store->datasets();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, imported->id);
    QCOMPARE(list->first().columns.size(), 5);
    const auto one = m_store->dataset(imported->id);
    QVERIFY(one.ok());
    QCOMPARE(one->columns.at(4).name, u"Note"_s);
    QCOMPARE(one->rowCount, 3);
    QVERIFY(one->createdAt.isValid());

    // The typed table holds converted values: Unix seconds, REAL, NULL for empty cells.
    const QString table = *m_store->tableName(imported->id);
    QSqlQuery q(m_store->connection());
    QVERIFY(q.exec(u"SELECT c0, c2, c4 FROM " + table + u" ORDER BY c0"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 1704067200);
    QCOMPARE(q.value(1).toDouble(), 100.5);
    QCOMPARE(q.value(2).toString(), u"first, quoted"_s);
    QVERIFY(q.next());
    QVERIFY(q.value(1).isNull());
    QVERIFY(q.next());
    QCOMPARE(q.value(2).toString(), u"multi\nline"_s);
    q.finish();

    QVERIFY(!m_store->remove(imported->id));
    QCOMPARE(m_store->datasets()->size(), 0);
    QCOMPARE(datasetTables(*m_store), 0);
    QCOMPARE(count(*m_store, u"SELECT count(*) FROM dataset_columns"_s), 0);
    const StoreStatus again = m_store->remove(imported->id);
    QVERIFY(again);
    QCOMPARE(again->code, StoreError::Code::NotFound);
    QCOMPARE(m_store->dataset(u"nope"_s).error().code, StoreError::Code::NotFound);
}

void TestDatasetStore::failureLeavesNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("empty file") << QByteArray() << u"empty"_s;
    QTest::newRow("header only") << QByteArray("a,b\n") << u"no data rows"_s;
    QTest::newRow("ragged row") << QByteArray("a,b\n1,2\n3\n4,5\n") << u"line 3 has 1 fields"_s;
    QByteArray many = "a,b\n";
    for (int i = 0; i < 100; ++i)
        many += i % 10 == 9 ? "x\n" : "1,2\n";
    QTest::newRow("many bad rows") << many << u"10 bad rows: line 11"_s;
    QTest::newRow("many bad rows, the rest counted") << many << u"and 5 more"_s;
    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n1,2\n3,\"open\n") << u"line 3 opens a quote that is never closed"_s;
}

void TestDatasetStore::failureLeavesNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, messageContains);
    QVERIFY(importBytes(*m_store, sample).ok());
    const auto failed = importBytes(*m_store, csv);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(messageContains), qPrintable(failed.error().message));
    QVERIFY(failed.error().message.contains(u"Nothing was imported"_s));
    QCOMPARE(m_store->datasets()->size(), 1);
    QCOMPARE(datasetTables(*m_store), 1);
    QCOMPARE(count(*m_store, u"SELECT count(*) FROM dataset_columns"_s), 5);
}

void TestDatasetStore::cancelLeavesNothing()
{
    QByteArray csv = "Day,Value\n";
    for (int i = 0; i < 50000; ++i)
        csv += "2024-01-01," + QByteArray::number(i) + '\n';
    for (const double at : { 0.25, 0.75, 1.0 }) { // during the first pass, the second, the end
        qint64 calls = 0;
        const auto result = importBytes(*m_store, csv, u"big"_s, [&](qint64 done, qint64 total) {
            ++calls;
            return double(done) < at * double(total);
        });
        QVERIFY(!result.ok());
        QVERIFY(calls > 0);
        QCOMPARE(result.error().detail, u"cancelled"_s);
        QCOMPARE(m_store->datasets()->size(), 0);
        QCOMPARE(datasetTables(*m_store), 0);
    }
}

void TestDatasetStore::progressReachesTotal()
{
    QByteArray csv = "Day,Value\n";
    for (int i = 0; i < 30000; ++i)
        csv += "2024-01-01," + QByteArray::number(i) + '\n';
    qint64 last = -1, lastTotal = 0;
    bool monotonic = true;
    const auto result = importBytes(*m_store, csv, u"p"_s, [&](qint64 done, qint64 total) {
        monotonic = monotonic && done >= last;
        last = done;
        lastTotal = total;
        return true;
    });
    QVERIFY(result.ok());
    QVERIFY(monotonic);
    QCOMPARE(lastTotal, 2 * csv.size());
    QCOMPARE(last, lastTotal);
    QCOMPARE(result->rowCount, 30000);
}

void TestDatasetStore::sequentialDevice()
{
    QProcess cat;
    cat.start(u"cat"_s, { u"-"_s });
    QVERIFY(cat.waitForStarted());
    cat.write(sample);
    cat.closeWriteChannel();
    QVERIFY(cat.waitForFinished());
    QVERIFY(cat.isSequential());
    const auto result = m_store->import(cat, u"piped"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->rowCount, 3);
}

void TestDatasetStore::importFileNamesAfterFile()
{
    const QString path = m_dir->filePath(u"monthly sales.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(sample);
    file.close();
    auto result = m_store->importFile(path);
    QVERIFY(result.ok());
    QCOMPARE(result->name, u"monthly sales"_s);
    result = m_store->importFile(path, u"Named"_s);
    QVERIFY(result.ok());
    QCOMPARE(result->name, u"Named"_s);
    QCOMPARE(m_store->datasets()->size(), 2);
}

void TestDatasetStore::importFileErrors()
{
    const auto missing = m_store->importFile(m_dir->filePath(u"missing.csv"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, StoreError::Code::NotFound);
    QVERIFY(missing.error().message.contains(u"does not exist"_s));
    const auto directory = m_store->importFile(m_dir->path());
    QVERIFY(!directory.ok());
    QCOMPARE(directory.error().code, StoreError::Code::CannotOpen);
}

void TestDatasetStore::reopenPersists()
{
    const auto imported = importBytes(*m_store, sample, u"Kept"_s);
    QVERIFY(imported.ok());
    m_store->close();
    DatasetStore reopened;
    QVERIFY(!reopened.open(m_dir->path()));
    const auto list = reopened.datasets();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, u"Kept"_s);
    QCOMPARE(list->first().rowCount, 3);
    QCOMPARE(list->first().columns.size(), 5);
    QCOMPARE(list->first().columns.at(0).type, ColumnType::Datetime);

    // Another program's SQLite file is refused and left alone.
    const QString other = m_dir->filePath(u"other.sqlite"_s);
    {
        DatasetStore store;
        QVERIFY(!store.openFile(other));
        QSqlQuery q(store.connection());
        QVERIFY(q.exec(u"PRAGMA application_id = 1234"_s));
    }
    DatasetStore refused;
    const StoreStatus status = refused.openFile(other);
    QVERIFY(status);
    QCOMPARE(status->code, StoreError::Code::NotChartroom);
}

void TestDatasetStore::sampleDataset()
{
    QVERIFY(!m_store->ensureSampleDataset());
    auto list = m_store->datasets();
    QCOMPARE(list->size(), 1);
    const DatasetSchema sales = list->first();
    QCOMPARE(sales.id, DatasetStore::sampleDatasetId());
    // Pinned: documentation and the analyst name these ids.
    QCOMPARE(sales.id, u"3becb11d-33b3-5f3d-bba4-0ca488978e83"_s);
    QCOMPARE(sales.columns.at(0).id, u"b32404f6-bf16-54e5-82b1-5fcfd5ec0e92"_s);
    QCOMPARE(sales.columns.at(4).id, u"68f3796d-7b3e-5625-8906-c9df29f56b61"_s);
    QCOMPARE(sales.name, u"Sales"_s);
    QCOMPARE(sales.rowCount, 1096 * 4 * 5);
    QStringList names;
    for (const ColumnSchema &c : sales.columns) {
        names.append(c.name + u':' + columnTypeName(c.type));
        QCOMPARE(c.id, DatasetStore::columnId(sales.id, c.name));
    }
    QCOMPARE(names,
        (QStringList { u"Date:datetime"_s, u"Region:hierarchy"_s, u"Product:hierarchy"_s,
            u"Units:numeric"_s, u"Revenue:numeric"_s, u"Cost:numeric"_s }));
    QVERIFY(sales.columns.at(4).currency);
    QVERIFY(sales.columns.at(5).currency);
    QCOMPARE(sales.columns.at(0).lowestLevel, 5);

    // Idempotent, and never added once the user has any dataset.
    QVERIFY(!m_store->ensureSampleDataset());
    QCOMPARE(m_store->datasets()->size(), 1);
    QVERIFY(!m_store->remove(sales.id));
    QVERIFY(importBytes(*m_store, sample).ok());
    QVERIFY(!m_store->ensureSampleDataset());
    list = m_store->datasets();
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, u"test"_s);
}

void TestDatasetStore::rollupOnlyWhenSmaller()
{
    // Three rows, three combinations of date and region: no rollup.
    const auto few = importBytes(*m_store, sample);
    QVERIFY(few.ok());
    QVERIFY(few->rollupTable.isEmpty());
    QCOMPARE(datasetTables(*m_store), 1);

    const auto many = importBytes(*m_store, repeatedRows());
    QVERIFY(many.ok());
    QCOMPARE(many->rollupTable, *m_store->tableName(many->id) + u"_rollup"_s);
    QCOMPARE(m_store->dataset(many->id)->rollupTable, many->rollupTable);
    QCOMPARE(count(*m_store, u"SELECT count(*) FROM "_s + many->rollupTable), 20);
    QCOMPARE(count(*m_store, u"SELECT SUM(n) FROM "_s + many->rollupTable), 400);
    QCOMPARE(datasetTables(*m_store), 3);
    QVERIFY(!m_store->remove(many->id));
    QCOMPARE(datasetTables(*m_store), 1);
}

void TestDatasetStore::upgradesVersion1()
{
    const auto many = importBytes(*m_store, repeatedRows());
    QVERIFY(many.ok());
    const QString table = *m_store->tableName(many->id);
    // Back to version 1: no rollup column, no rollup table.
    {
        QSqlQuery q(m_store->connection());
        QVERIFY(q.exec(u"DROP TABLE "_s + many->rollupTable));
        QVERIFY(q.exec(u"ALTER TABLE datasets DROP COLUMN rollup_table"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
    }
    m_store->close();
    QVERIFY(!m_store->open(m_dir->path()));
    QCOMPARE(count(*m_store, u"PRAGMA user_version"_s), DatasetStore::schemaVersion);
    const auto upgraded = m_store->dataset(many->id);
    QVERIFY(upgraded.ok());
    QCOMPARE(upgraded->rowCount, 400);
    QCOMPARE(upgraded->rollupTable, many->rollupTable);
    // The rebuilt rollup holds the rows' totals (plain SQL over both).
    QCOMPARE(count(*m_store, u"SELECT SUM(c2_sum) FROM "_s + upgraded->rollupTable),
        count(*m_store, u"SELECT SUM(c2) FROM "_s + table));
    QCOMPARE(count(*m_store, u"SELECT SUM(n) FROM "_s + upgraded->rollupTable), 400);
    // A dataset imported after the upgrade gets one too.
    const auto after = importBytes(*m_store, repeatedRows());
    QVERIFY(after.ok());
    QVERIFY(!after->rollupTable.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatasetStore)
#include "tst_datasetstore.moc"
