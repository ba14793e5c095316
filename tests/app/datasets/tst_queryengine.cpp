// QueryEngine and QueryBuilder: datetime levels, aggregations, legend grouping, filters, order,
// limit and the errors that name what is unknown (the bundled sample and the rollup:
// tst_queryenginerollup).

#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "tests/app/datasets/queryfixture.h"
#include "tests/support/csvfixture.h"

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

QString day(const char *date)
{
    return QString::fromLatin1(date) + u"T00:00:00.000Z";
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
    const auto imported = importBytes(m_store, csv, u"small"_s);
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

QTEST_GUILESS_MAIN(TestQueryEngine)
#include "tst_queryengine.moc"
