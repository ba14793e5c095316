// QueryEngine and QueryBuilder: datetime levels, aggregations, legend grouping, filters, order,
// limit and the errors that name what is unknown.

#include "app/datasets/datasetstore.h"
#include "app/datasets/querybuilder.h"
#include "app/datasets/queryengine.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray csv = "Date,Region,Product,Revenue,Units\n"
                       "2023-12-31,EMEA,A,10,1\n" // a Sunday: ISO week of 2023-12-25
                       "2024-01-01,EMEA,A,20,2\n" // a Monday
                       "2024-01-07,APAC,B,30,3\n" // a Sunday: week of 2024-01-01
                       "2024-02-15,APAC,A,40,4\n" // a Thursday: week of 2024-02-12
                       "2024-04-01,EMEA,B,50,5\n"
                       "2024-04-01,,B,,6\n"; // null region and revenue

QString json(const QList<QJsonArray> &rows)
{
    QJsonArray all;
    for (const QJsonArray &r : rows)
        all.append(r);
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

QString day(const char *date)
{
    return QString::fromLatin1(date) + u"T00:00:00.000Z";
}

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

class TestQueryEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void levels_data();
    void levels();
    void aggregations_data();
    void aggregations();
    void legend();
    void filters_data();
    void filters();
    void orderAndLimit();
    void errors_data();
    void errors();
    void sampleShape();
    void rollupMatchesRows_data();
    void rollupMatchesRows();

private:
    QString id(const QString &name) const { return DatasetStore::columnId(m_id, name); }
    DataQuery sumRevenueBy(int level) const;

    QTemporaryDir m_dir;
    DatasetStore m_store;
    QString m_id;
};

void TestQueryEngine::initTestCase()
{
    QVERIFY(!m_store.open(m_dir.path()));
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    const auto imported = m_store.import(buffer, u"small"_s);
    QVERIFY(imported.ok());
    m_id = imported->id;
    QVERIFY(!m_store.ensureSampleDataset()); // not added: a dataset exists
    QCOMPARE(m_store.datasets()->size(), 1);
}

DataQuery TestQueryEngine::sumRevenueBy(int level) const
{
    DataQuery q;
    q.datasetId = m_id;
    q.dimensions = { QueryDimension { id(u"Date"_s), level } };
    q.measures = { QueryMeasure { id(u"Revenue"_s), Aggregation::Sum } };
    return q;
}

void TestQueryEngine::levels_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("expected");
    auto rows = [](std::initializer_list<std::pair<const char *, int>> list) {
        QList<QJsonArray> r;
        for (const auto &[date, value] : list)
            r.append(QJsonArray { day(date), value });
        return json(r);
    };
    QTest::newRow("1 year") << 1 << rows({ { "2023-01-01", 10 }, { "2024-01-01", 140 } });
    QTest::newRow("2 quarter") << 2
                               << rows({ { "2023-10-01", 10 }, { "2024-01-01", 90 },
                                      { "2024-04-01", 50 } });
    QTest::newRow("3 month") << 3
                             << rows({ { "2023-12-01", 10 }, { "2024-01-01", 50 },
                                    { "2024-02-01", 40 }, { "2024-04-01", 50 } });
    QTest::newRow("4 week (Monday)") << 4
                                     << rows({ { "2023-12-25", 10 }, { "2024-01-01", 50 },
                                            { "2024-02-12", 40 }, { "2024-04-01", 50 } });
    const QString days = rows({ { "2023-12-31", 10 }, { "2024-01-01", 20 }, { "2024-01-07", 30 },
        { "2024-02-15", 40 }, { "2024-04-01", 50 } });
    QTest::newRow("5 day") << 5 << days;
    QTest::newRow("0 = the column's lowest level") << 0 << days;
}

void TestQueryEngine::levels()
{
    QFETCH(int, level);
    QFETCH(QString, expected);
    const auto result = QueryEngine(m_store).run(sumRevenueBy(level));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(json(*result), expected);
}

void TestQueryEngine::aggregations_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("aggregation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sum") << u"Revenue"_s << int(Aggregation::Sum) << u"[[150]]"_s;
    QTest::newRow("average skips nulls")
        << u"Revenue"_s << int(Aggregation::Average) << u"[[30]]"_s;
    QTest::newRow("count rows") << QString() << int(Aggregation::Count) << u"[[6]]"_s;
    QTest::newRow("count values") << u"Revenue"_s << int(Aggregation::Count) << u"[[5]]"_s;
    QTest::newRow("distinctcount") << u"Region"_s << int(Aggregation::DistinctCount) << u"[[2]]"_s;
    QTest::newRow("min") << u"Revenue"_s << int(Aggregation::Min) << u"[[10]]"_s;
    QTest::newRow("max") << u"Units"_s << int(Aggregation::Max) << u"[[6]]"_s;
    QTest::newRow("min of a date")
        << u"Date"_s << int(Aggregation::Min) << u"[[\"2023-12-31T00:00:00.000Z\"]]"_s;
    QTest::newRow("max of text") << u"Region"_s << int(Aggregation::Max) << u"[[\"EMEA\"]]"_s;
}

void TestQueryEngine::aggregations()
{
    QFETCH(QString, column);
    QFETCH(int, aggregation);
    QFETCH(QString, expected);
    DataQuery q;
    q.datasetId = m_id;
    q.measures
        = { QueryMeasure { column.isEmpty() ? QString() : id(column), Aggregation(aggregation) } };
    const auto result = QueryEngine(m_store).run(q);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(json(*result), expected);
}

void TestQueryEngine::legend()
{
    DataQuery q;
    q.datasetId = m_id;
    q.dimensions = { { id(u"Date"_s), 1 }, { id(u"Region"_s), 0 } };
    q.measures = { { id(u"Units"_s), Aggregation::Sum }, { QString(), Aggregation::Count } };
    const auto result = QueryEngine(m_store).run(q);
    QVERIFY(result.ok());
    QCOMPARE(json(*result),
        u"[[\"2023-01-01T00:00:00.000Z\",\"EMEA\",1,1],[\"2024-01-01T00:00:00.000Z\",null,6,1],"
        u"[\"2024-01-01T00:00:00.000Z\",\"APAC\",7,2],[\"2024-01-01T00:00:00.000Z\",\"EMEA\",7,2]]"_s);
}

void TestQueryEngine::filters_data()
{
    using Op = QueryFilter::Op;
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("op");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<double>("sum");
    QTest::newRow("text equals") << u"Region"_s << int(Op::Equals) << QVariantList { u"EMEA"_s }
                                 << 80.0;
    QTest::newRow("text not equals keeps nulls")
        << u"Region"_s << int(Op::NotEquals) << QVariantList { u"EMEA"_s } << 70.0;
    QTest::newRow("text in") << u"Region"_s << int(Op::In) << QVariantList { u"APAC"_s, u"EMEA"_s }
                             << 150.0;
    QTest::newRow("equals null") << u"Region"_s << int(Op::Equals) << QVariantList { QVariant() }
                                 << 0.0;
    QTest::newRow("number greater")
        << u"Revenue"_s << int(Op::Greater) << QVariantList { 25 } << 120.0;
    QTest::newRow("number as text")
        << u"Revenue"_s << int(Op::LessOrEqual) << QVariantList { u"20"_s } << 30.0;
    QTest::newRow("year equals") << u"Date"_s << int(Op::Equals) << QVariantList { 2024 } << 140.0;
    QTest::newRow("year text equals")
        << u"Date"_s << int(Op::Equals) << QVariantList { u"2024"_s } << 140.0;
    QTest::newRow("year not equals")
        << u"Date"_s << int(Op::NotEquals) << QVariantList { 2024 } << 10.0;
    QTest::newRow("before a year") << u"Date"_s << int(Op::Less) << QVariantList { 2024 } << 10.0;
    QTest::newRow("after a year") << u"Date"_s << int(Op::Greater) << QVariantList { 2023 }
                                  << 140.0;
    QTest::newRow("month equals") << u"Date"_s << int(Op::Equals) << QVariantList { u"2024-01"_s }
                                  << 50.0;
    QTest::newRow("day equals") << u"Date"_s << int(Op::Equals) << QVariantList { u"2024-01-07"_s }
                                << 30.0;
    QTest::newRow("from an ISO instant") << u"Date"_s << int(Op::GreaterOrEqual)
                                         << QVariantList { u"2024-02-01T00:00:00.000Z"_s } << 90.0;
    QTest::newRow("until a day, inclusive")
        << u"Date"_s << int(Op::LessOrEqual) << QVariantList { u"2024-01-07"_s } << 60.0;
    QTest::newRow("dates in") << u"Date"_s << int(Op::In) << QVariantList { 2023, u"2024-02"_s }
                              << 50.0;
    QTest::newRow("empty in") << u"Region"_s << int(Op::In) << QVariantList {} << 0.0;
}

void TestQueryEngine::filters()
{
    QFETCH(QString, column);
    QFETCH(int, op);
    QFETCH(QVariantList, values);
    QFETCH(double, sum);
    DataQuery q;
    q.datasetId = m_id;
    q.measures = { { id(u"Revenue"_s), Aggregation::Sum } };
    q.filters = { QueryFilter { id(column), QueryFilter::Op(op), values } };
    const auto result = QueryEngine(m_store).run(q);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().at(0).toDouble(), sum); // SUM of nothing is null -> 0
}

void TestQueryEngine::orderAndLimit()
{
    DataQuery q;
    q.datasetId = m_id;
    q.dimensions = { { id(u"Product"_s), 0 } };
    q.measures = { { id(u"Revenue"_s), Aggregation::Sum } };
    auto result = QueryEngine(m_store).run(q);
    QCOMPARE(json(*result), u"[[\"A\",70],[\"B\",80]]"_s);
    q.order = { QuerySort { 1, true } };
    q.limit = 1;
    result = QueryEngine(m_store).run(q);
    QCOMPARE(json(*result), u"[[\"B\",80]]"_s);
}

void TestQueryEngine::errors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<int>("code");
    const int notFound = int(StoreError::Code::NotFound);
    const int failed = int(StoreError::Code::Invalid); // the query is wrong, not the database
    QTest::newRow("unknown dataset") << 0 << u"no dataset with id nope"_s << notFound;
    QTest::newRow("unknown dimension") << 1 << u"no column with id \"bogus\""_s << notFound;
    QTest::newRow("unknown measure") << 2 << u"no column with id \"bogus\""_s << notFound;
    QTest::newRow("unknown filter column") << 3 << u"no column with id \"bogus\""_s << notFound;
    QTest::newRow("sum of text") << 4 << u"\"Region\" is hierarchy"_s << failed;
    QTest::newRow("bad date filter") << 5 << u"\"soon\" on \"Date\" is not a date"_s << failed;
    QTest::newRow("bad number filter")
        << 6 << u"\"lots\" on \"Revenue\" is not a number"_s << failed;
    QTest::newRow("order out of range") << 7 << u"Cannot order by result column 5"_s << failed;
    QTest::newRow("empty query") << 8 << u"at least one dimension or measure"_s << failed;
    QTest::newRow("bad level") << 9 << u"Unknown datetime level 12"_s << failed;
}

void TestQueryEngine::errors()
{
    QFETCH(int, kind);
    QFETCH(QString, messageContains);
    QFETCH(int, code);
    DataQuery q;
    q.datasetId = m_id;
    q.measures = { { id(u"Revenue"_s), Aggregation::Sum } };
    const QString bogus = u"bogus"_s;
    switch (kind) {
    case 0:
        q.datasetId = u"nope"_s;
        break;
    case 1:
        q.dimensions = { { bogus, 0 } };
        break;
    case 2:
        q.measures = { { bogus, Aggregation::Sum } };
        break;
    case 3:
        q.filters = { { bogus, QueryFilter::Op::Equals, { 1 } } };
        break;
    case 4:
        q.measures = { { id(u"Region"_s), Aggregation::Sum } };
        break;
    case 5:
        q.filters = { { id(u"Date"_s), QueryFilter::Op::Equals, { u"soon"_s } } };
        break;
    case 6:
        q.filters = { { id(u"Revenue"_s), QueryFilter::Op::Greater, { u"lots"_s } } };
        break;
    case 7:
        q.order = { { 5, false } };
        break;
    case 8:
        q.measures.clear();
        break;
    case 9:
        q.dimensions = { { id(u"Date"_s), 12 } };
        break;
    }
    const auto result = QueryEngine(m_store).run(q);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(messageContains), qPrintable(result.error().message));
    QCOMPARE(int(result.error().code), code);
}

void TestQueryEngine::sampleShape()
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

void TestQueryEngine::rollupMatchesRows_data()
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

void TestQueryEngine::rollupMatchesRows()
{
    QFETCH(int, kind);
    QFETCH(bool, fromRollup);
    QFETCH(QString, sql);
    QFETCH(double, tolerance);
    QTemporaryDir dir;
    DatasetStore store;
    QVERIFY(!store.open(dir.path()));
    QBuffer buffer;
    buffer.setData(manyRowsCsv());
    buffer.open(QIODevice::ReadOnly);
    const auto imported = store.import(buffer, u"many"_s);
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

QTEST_GUILESS_MAIN(TestQueryEngine)
#include "tst_queryengine.moc"
