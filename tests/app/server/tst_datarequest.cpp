#include "app/protocol/datarequest.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDataRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        DataQuery q;
        q.datasetId = u"ds"_s;
        q.dimensions << QueryDimension { u"date"_s, 3 } << QueryDimension { u"region"_s, 0 };
        q.measures << QueryMeasure { u"revenue"_s, Aggregation::Sum }
                   << QueryMeasure { u"units"_s, Aggregation::Average };
        q.filters << QueryFilter { u"region"_s, QueryFilter::Op::In, { u"EMEA"_s, u"APAC"_s } }
                  << QueryFilter { u"units"_s, QueryFilter::Op::GreaterOrEqual, { 5 } };
        q.order << QuerySort { 2, true };
        q.limit = 50;
        q.offset = 10;
        const auto parsed = DataRequest::fromJson(DataRequest::toJson(q));
        QVERIFY(parsed.has_value());
        const DataQuery &r = *parsed;
        QCOMPARE(r.datasetId, u"ds"_s);
        QCOMPARE(r.dimensions.size(), 2);
        QCOMPARE(r.dimensions[0].level, 3);
        QCOMPARE(r.measures[1].aggregation, Aggregation::Average);
        QCOMPARE(r.filters.size(), 2);
        QCOMPARE(r.filters[0].op, QueryFilter::Op::In);
        QCOMPARE(r.filters[0].values.size(), 2);
        QCOMPARE(r.filters[1].op, QueryFilter::Op::GreaterOrEqual);
        QCOMPARE(r.order.size(), 1);
        QCOMPARE(r.order[0].column, 2);
        QVERIFY(r.order[0].descending);
        QCOMPARE(r.limit, 50);
        QCOMPARE(r.offset, 10);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("find");
        QTest::addColumn<QString>("words");
        QTest::newRow("no queries") << QByteArray("{}") << u"queries"_s;
        QTest::newRow("empty query") << QByteArray(R"({"queries":[{}]})") << u"at least one"_s;
        QTest::newRow("no dataset")
            << QByteArray(R"({"queries":[{"measures":[{"column_id":"x"}]}]})") << u"dataset_id"_s;
        QTest::newRow("bad aggregation") << QByteArray(
            R"({"queries":[{"measures":[{"column_id":"x","dataset_id":"d","aggregation":{"type":"median-ish"}}]}]})")
                                         << u"Unknown aggregation"_s;
        QTest::newRow("bad expression") << QByteArray(
            R"({"queries":[{"measures":[{"column_id":"x","dataset_id":"d"}],"where":[{"expression":"? ~ ?","parameters":[{"column_id":"x"},1]}]}]})")
                                        << u"Unsupported filter"_s;
        QTest::newRow("order outside the query") << QByteArray(
            R"({"queries":[{"measures":[{"column_id":"x","dataset_id":"d"}],"order":[{"column_id":"y","order":"asc"}]}]})")
                                                 << u"order names a column"_s;
    }

    void refusals()
    {
        QFETCH(QByteArray, find);
        QFETCH(QString, words);
        const auto parsed = DataRequest::fromJson(QJsonDocument::fromJson(find).object());
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().contains(words), qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(TestDataRequest)
#include "tst_datarequest.moc"
