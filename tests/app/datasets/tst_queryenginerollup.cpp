// QueryEngine over larger data: the bundled sample's shape, and results read from a dataset's
// rollup checked against plain SQL over its rows (QueryBuilder chooses the table).

#include "app/datasets/datasetstore.h"
#include "app/datasets/querybuilder.h"
#include "app/datasets/queryengine.h"
#include "tests/app/datasets/queryfixture.h"
#include "tests/support/csvfixture.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// 2,400 rows over 40 days (from 2024-01-20, so across months and weeks) x 3 regions x 2
// products, with ten rows per combination, as a dataset with a rollup. Revenue is a multiple of
// 0.25 (so every sum is exact in a double) with some nulls, Cost has cents, and one row in 50
// has no region.
QByteArray manyRowsCsv()
{
    static const char *const regions[] = { "EMEA", "APAC", "LATAM" };
    QByteArray out = "Date,Region,Product,Revenue,Units,Cost\n";
    for (int i = 0; i < 2400; ++i) {
        const QDate date = QDate(2024, 1, 20).addDays(i % 40);
        out += date.toString(Qt::ISODate).toLatin1() + ','
            + (i % 50 == 7 ? "" : regions[(i / 40) % 3]) + ',' + (((i / 120) % 2) ? "B" : "A") + ','
            + (i % 13 == 0 ? QByteArray() : QByteArray::number((i % 17) * 0.25)) + ','
            + QByteArray::number(i % 7) + ',' + QByteArray::number(i * 37 % 1000 / 100.0, 'f', 2)
            + '\n';
    }
    return out;
}

QueryMeasure measure(const QString &columnId, Aggregation aggregation)
{
    QueryMeasure m;
    m.columnId = columnId;
    m.aggregation = aggregation;
    return m;
}

// Where `rows` (from the engine) and the result of `sql` (plain SQL over the rows) differ, or an
// empty string. Numbers are compared exactly unless `tolerance` (relative) is given.
QString difference(const QList<QJsonArray> &rows, QSqlQuery &sql, double tolerance = 0)
{
    qsizetype r = 0;
    for (; sql.next(); ++r) {
        if (r >= rows.size())
            return u"the engine has only "_s + QString::number(rows.size()) + u" rows";
        const QJsonArray &row = rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QVariant expected = sql.value(int(c));
            const QJsonValue actual = row.at(c);
            const QString where = u"row "_s + QString::number(r) + u" column " + QString::number(c)
                + u": " + QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact));
            if (expected.isNull() != actual.isNull())
                return where + u" (null expected: "_s + (expected.isNull() ? u"yes"_s : u"no"_s)
                    + u')';
            if (expected.isNull())
                continue;
            if (expected.typeId() == QMetaType::QString) {
                if (actual.toString() != expected.toString())
                    return where + u" (expected "_s + expected.toString() + u')';
                continue;
            }
            const double e = expected.toDouble();
            const double a = actual.toDouble();
            if (tolerance == 0 ? a != e : std::abs(a - e) > tolerance * std::abs(e))
                return where + u" (expected "_s + QString::number(e, 'g', 17) + u')';
        }
    }
    if (r != rows.size())
        return u"the engine has "_s + QString::number(rows.size()) + u" rows, SQL "
            + QString::number(r);
    return {};
}
} // namespace

class TestQueryEngineRollup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleShape();
    void rollupMatchesRows_data();
    void rollupMatchesRows();
};

void TestQueryEngineRollup::sampleShape()
{
    QTemporaryDir dir;
    DatasetStore store;
    QVERIFY(!store.open(dir.path()));
    QVERIFY(!store.ensureSampleDataset());
    const QString sales = DatasetStore::sampleDatasetId();
    const QString date = DatasetStore::columnId(sales, u"Date"_s);
    const QString region = DatasetStore::columnId(sales, u"Region"_s);
    const QString revenue = DatasetStore::columnId(sales, u"Revenue"_s);

    DataQuery range;
    range.datasetId = sales;
    range.measures = { { date, Aggregation::Min }, { date, Aggregation::Max },
        { region, Aggregation::DistinctCount } };
    QCOMPARE(json(*QueryEngine(store).run(range)),
        u"[[\"2022-01-01T00:00:00.000Z\",\"2024-12-31T00:00:00.000Z\",4]]"_s);

    DataQuery regions;
    regions.datasetId = sales;
    regions.dimensions = { { region, 0 } };
    QCOMPARE(json(*QueryEngine(store).run(regions)),
        u"[[\"APAC\"],[\"Americas\"],[\"EMEA\"],[\"LATAM\"]]"_s);

    // Monthly revenue: 36 months, December the peak of each year, every year above the last.
    DataQuery monthly;
    monthly.datasetId = sales;
    monthly.dimensions = { { date, 3 } };
    monthly.measures = { { revenue, Aggregation::Sum } };
    const auto months = QueryEngine(store).run(monthly);
    QVERIFY(months.ok());
    QCOMPARE(months->size(), 36);
    double yearTotal[3] = {};
    for (int y = 0; y < 3; ++y) {
        double best = 0;
        int bestMonth = -1;
        for (int m = 0; m < 12; ++m) {
            const double v = months->at(y * 12 + m).at(1).toDouble();
            yearTotal[y] += v;
            if (v > best) {
                best = v;
                bestMonth = m;
            }
        }
        QCOMPARE(bestMonth, 11);
    }
    QVERIFY(yearTotal[1] > yearTotal[0]);
    QVERIFY(yearTotal[2] > yearTotal[1]);
}

void TestQueryEngineRollup::rollupMatchesRows_data()
{
    // A query on the dataset, whether it may read the rollup, and the plain SQL over the rows
    // ("FROM T": columns c0 Date, c1 Region, c2 Product, c3 Revenue, c4 Units, c5 Cost) that gives
    // its expected result; cost sums are compared to 1e-12 (their cents are not exact in a double).
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("fromRollup");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<double>("tolerance");
    const QString month = u"strftime('%Y-%m-01T00:00:00.000Z', c0, 'unixepoch')"_s;
    QTest::newRow("monthly revenue by region")
        << 0 << true << u"SELECT "_s + month + u", c1, SUM(c3) FROM T GROUP BY 1, 2 ORDER BY 1, 2"
        << 0.0;
    QTest::newRow("top product in a period")
        << 1 << true
        << u"SELECT c2, SUM(c3) FROM T WHERE c0 >= 1705017600 AND c0 < 1706745600 "_s
           u"GROUP BY c2 ORDER BY 2 DESC LIMIT 1"_s
        << 0.0; // 2024-01-12 .. 2024-02-01
    QTest::newRow("every aggregation, filtered")
        << 2 << true
        << u"SELECT COUNT(*), COUNT(c3), COUNT(c1), COUNT(DISTINCT c1), AVG(c3), MIN(c3), "_s
           u"MAX(c4), strftime('%Y-%m-%dT%H:%M:%S.000Z', MIN(c0), 'unixepoch'), MAX(c1) FROM T "_s
           u"WHERE c1 IN ('EMEA', 'APAC') AND c2 IS 'A'"_s
        << 0.0;
    QTest::newRow("nothing matches") << 3 << true
                                     << u"SELECT COUNT(*), SUM(c3), COUNT(c1) FROM T "_s
                                        u"WHERE c1 IS 'Nowhere'"_s
                                     << 0.0;
    QTest::newRow("weekly units, not EMEA (nulls kept)")
        << 4 << true
        << u"SELECT strftime('%Y-%m-%dT00:00:00.000Z', c0, 'unixepoch', 'weekday 0', "_s
           u"'-6 days'), SUM(c4), AVG(c4) FROM T WHERE c1 IS NOT 'EMEA' GROUP BY 1 ORDER BY 1"_s
        << 0.0;
    QTest::newRow("cost by region, with cents")
        << 5 << true << u"SELECT c1, SUM(c5), AVG(c5) FROM T GROUP BY 1 ORDER BY 1"_s << 1e-12;
    QTest::newRow("distinct count of a number reads the rows")
        << 6 << false << u"SELECT c1, COUNT(DISTINCT c4) FROM T GROUP BY 1 ORDER BY 1"_s << 0.0;
    QTest::newRow("a numeric filter reads the rows")
        << 7 << false << u"SELECT c1, SUM(c3) FROM T WHERE c4 > 3 GROUP BY 1 ORDER BY 1"_s << 0.0;
}

void TestQueryEngineRollup::rollupMatchesRows()
{
    QFETCH(int, kind);
    QFETCH(bool, fromRollup);
    QFETCH(QString, sql);
    QFETCH(double, tolerance);
    QTemporaryDir dir;
    DatasetStore store;
    QVERIFY(!store.open(dir.path()));
    const auto imported = importBytes(store, manyRowsCsv(), u"many"_s);
    QVERIFY(imported.ok());
    QVERIFY(!imported->rollupTable.isEmpty());
    const QString ds = imported->id;
    const auto col
        = [&ds](const char *name) { return DatasetStore::columnId(ds, QString::fromLatin1(name)); };

    DataQuery q;
    q.datasetId = ds;
    switch (kind) {
    case 0:
        q.dimensions = { { col("Date"), 3 }, { col("Region"), 0 } };
        q.measures = { measure(col("Revenue"), Aggregation::Sum) };
        break;
    case 1:
        q.dimensions = { { col("Product"), 0 } };
        q.measures = { measure(col("Revenue"), Aggregation::Sum) };
        q.filters = { { col("Date"), QueryFilter::Op::GreaterOrEqual, { u"2024-01-12"_s } },
            { col("Date"), QueryFilter::Op::Less, { u"2024-02"_s } } };
        q.order = { { 1, true } };
        q.limit = 1;
        break;
    case 2:
        q.measures = { measure({}, Aggregation::Count), measure(col("Revenue"), Aggregation::Count),
            measure(col("Region"), Aggregation::Count),
            measure(col("Region"), Aggregation::DistinctCount),
            measure(col("Revenue"), Aggregation::Average),
            measure(col("Revenue"), Aggregation::Min), measure(col("Units"), Aggregation::Max),
            measure(col("Date"), Aggregation::Min), measure(col("Region"), Aggregation::Max) };
        q.filters = { { col("Region"), QueryFilter::Op::In, { u"EMEA"_s, u"APAC"_s } },
            { col("Product"), QueryFilter::Op::Equals, { u"A"_s } } };
        break;
    case 3:
        q.measures = { measure({}, Aggregation::Count), measure(col("Revenue"), Aggregation::Sum),
            measure(col("Region"), Aggregation::Count) };
        q.filters = { { col("Region"), QueryFilter::Op::Equals, { u"Nowhere"_s } } };
        break;
    case 4:
        q.dimensions = { { col("Date"), 4 } };
        q.measures = { measure(col("Units"), Aggregation::Sum),
            measure(col("Units"), Aggregation::Average) };
        q.filters = { { col("Region"), QueryFilter::Op::NotEquals, { u"EMEA"_s } } };
        break;
    case 5:
        q.dimensions = { { col("Region"), 0 } };
        q.measures = { measure(col("Cost"), Aggregation::Sum),
            measure(col("Cost"), Aggregation::Average) };
        break;
    case 6:
        q.dimensions = { { col("Region"), 0 } };
        q.measures = { measure(col("Units"), Aggregation::DistinctCount) };
        break;
    case 7:
        q.dimensions = { { col("Region"), 0 } };
        q.measures = { measure(col("Revenue"), Aggregation::Sum) };
        q.filters = { { col("Units"), QueryFilter::Op::Greater, { 3 } } };
        break;
    }
    const QString table = *store.tableName(ds);
    const auto statement = QueryBuilder::build(q, *imported, table);
    QVERIFY(statement.ok());
    QCOMPARE(statement->sql.contains(imported->rollupTable), fromRollup);

    const auto rows = QueryEngine(store).run(q);
    QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().toString()));
    QVERIFY(!rows->isEmpty());
    QSqlQuery plain(store.connection());
    QVERIFY(plain.exec(QString(sql).replace(u"FROM T"_s, u"FROM " + table)));
    const QString diff = difference(*rows, plain, tolerance);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(TestQueryEngineRollup)
#include "tst_queryenginerollup.moc"
