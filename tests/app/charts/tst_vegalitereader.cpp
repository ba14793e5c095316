// Looker chart parts (Vega-Lite specs) → ChartData: line and point marks over temporal, ordinal
// and quantitative x, colour splits, aggregates, time units, dotted and nested field names,
// values as strings; the Looker DataResult kept with the chart or the spec's inline values; and
// the asset the real LookerMessageMapper makes of a data part and a chart part is drawn (what is
// refused, titles and field names: tst_vegalitespec; the epoch milliseconds: vegalitefixture.h).
#include "app/charts/chartdata.h"
#include "app/charts/vegalitereader.h"
#include "app/looker/lookermessagemapper.h"
#include "tests/app/charts/vegalitefixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace VegaLiteFixture;

class TestVegaLiteReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void read_data()
    {
        QTest::addColumn<QJsonObject>("spec");
        QTest::addColumn<QJsonArray>("rows");
        QTest::addColumn<int>("xKind");
        QTest::addColumn<int>("level");
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<QStringList>("expected");
        using K = ChartData::XKind;
        const QString total = u"orders.total"_s;
        const QStringList threeMonths { at(total, jan2024, u"10"_s), at(total, feb2024, u"20"_s),
            at(total, mar2024, u"30"_s) };

        QTest::newRow("3 monthly rows, dotted flat keys")
            << object(monthly) << array(monthlyRows) << int(K::Datetime) << 3 << QStringList {}
            << threeMonths;
        QTest::newRow("escaped dots")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "orders\\.created_month", "type": "temporal", "timeUnit": "yearmonth"},
                   "y": {"field": "orders\\.total", "type": "quantitative"}}})")
            << array(monthlyRows) << int(K::Datetime) << 3 << QStringList {} << threeMonths;
        QTest::newRow("nested path, mark object, utc unit")
            << object(R"({"mark": {"type": "line", "point": true}, "encoding": {
                   "x": {"field": "o.month", "type": "temporal", "timeUnit": {"unit": "utcyearmonth"}},
                   "y": {"field": "o.total", "type": "quantitative"}}})")
            << array(R"([{"o": {"month": "2024-01-01", "total": 10}},
                         {"o": {"month": "2024-02-01", "total": 20}}])")
            << int(K::Datetime) << 3 << QStringList {}
            << QStringList { at(u"o.total"_s, jan2024, u"10"_s),
                   at(u"o.total"_s, feb2024, u"20"_s) };
        QTest::newRow("numbers as strings, out of order, null is a gap")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal"}, "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"d": "2024-02-01", "v": "20"}, {"d": "2024-01-01", "v": "10.5"},
                         {"d": "2024-03-01", "v": null}, {"d": "soon", "v": 4}])")
            << int(K::Datetime) << 3 << QStringList {}
            << QStringList { at(u"v"_s, jan2024, u"10.5"_s), at(u"v"_s, feb2024, u"20"_s),
                   at(u"v"_s, mar2024, u"gap"_s) };
        QTest::newRow("colour splits two series, sorted")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "m", "type": "temporal", "timeUnit": "yearmonth"},
                   "y": {"field": "v", "type": "quantitative"},
                   "color": {"field": "region", "type": "nominal"}}})")
            << array(
                   R"([{"m": "2024-01", "region": "EMEA", "v": 1}, {"m": "2024-01", "region": "AMER", "v": 2},
                         {"m": "2024-02", "region": "EMEA", "v": 3}, {"m": "2024-02", "region": "AMER", "v": 4}])")
            << int(K::Datetime) << 3 << QStringList {}
            << QStringList { at(u"AMER"_s, jan2024, u"2"_s), at(u"AMER"_s, feb2024, u"4"_s),
                   at(u"EMEA"_s, jan2024, u"1"_s), at(u"EMEA"_s, feb2024, u"3"_s) };
        QTest::newRow("sum within a month")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal", "timeUnit": "yearmonth"},
                   "y": {"field": "v", "type": "quantitative", "aggregate": "sum"}}})")
            << array(R"([{"d": "2024-01-05", "v": 1}, {"d": "2024-01-20T10:00:00", "v": 2},
                         {"d": "2024-02-29", "v": 7}])")
            << int(K::Datetime) << 3 << QStringList {}
            << QStringList { at(u"v"_s, jan2024, u"3"_s), at(u"v"_s, feb2024, u"7"_s) };
        QTest::newRow("mean")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal", "timeUnit": "yearmonth"},
                   "y": {"field": "v", "type": "quantitative", "aggregate": "mean"}}})")
            << array(R"([{"d": "2024-01-05", "v": 10}, {"d": "2024-01-06", "v": "20"}])")
            << int(K::Datetime) << 3 << QStringList {}
            << QStringList { at(u"v"_s, jan2024, u"15"_s) };
        QTest::newRow("count of records")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal", "timeUnit": "yearmonth"},
                   "y": {"aggregate": "count", "type": "quantitative"}}})")
            << array(R"([{"d": "2024-01-05"}, {"d": "2024-01-06"}, {"d": "2024-02-01"}])")
            << int(K::Datetime) << 3 << QStringList {}
            << QStringList { at(u"Count of Records"_s, jan2024, u"2"_s),
                   at(u"Count of Records"_s, feb2024, u"1"_s) };
        QTest::newRow("years as numbers")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "y", "type": "temporal", "timeUnit": "year"},
                   "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"y": 2024, "v": 2}, {"y": 2023, "v": 1}])") << int(K::Datetime) << 1
            << QStringList {}
            << QStringList { at(u"v"_s, jan2023, u"1"_s), at(u"v"_s, jan2024, u"2"_s) };
        QTest::newRow("week starts on Sunday")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal", "timeUnit": "yearweek"},
                   "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"d": "2024-01-03", "v": 5}])") << int(K::Datetime) << 4 << QStringList {}
            << QStringList { at(u"v"_s, jan2024 - day, u"5"_s) };
        QTest::newRow("zoned time, no unit: the level from the dates")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal"}, "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"d": "2024-01-01T01:00:00+01:00", "v": 1}, {"d": "2024-01-02", "v": 2}])")
            << int(K::Datetime) << 5 << QStringList {}
            << QStringList { at(u"v"_s, jan2024, u"1"_s), at(u"v"_s, jan2024 + day, u"2"_s) };
        QTest::newRow("ordinal, ascending by default")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "q", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"q": "2024-Q2", "v": 2}, {"q": "2024-Q1", "v": 1}])") << int(K::Category)
            << 0 << QStringList { u"2024-Q1"_s, u"2024-Q2"_s }
            << QStringList { at(u"v"_s, 0, u"1"_s), at(u"v"_s, 1, u"2"_s) };
        QTest::newRow("nominal, sort null keeps the data's order")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "s", "type": "nominal", "sort": null},
                   "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"s": "small", "v": 1}, {"s": "large", "v": 3}, {"s": "medium", "v": 2}])")
            << int(K::Category) << 0 << QStringList { u"small"_s, u"large"_s, u"medium"_s }
            << QStringList { at(u"v"_s, 0, u"1"_s), at(u"v"_s, 1, u"3"_s), at(u"v"_s, 2, u"2"_s) };
        QTest::newRow("ordinal numbers sort as numbers")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "n", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"n": 10, "v": 2}, {"n": "9", "v": 1}])") << int(K::Category) << 0
            << QStringList { u"9"_s, u"10"_s }
            << QStringList { at(u"v"_s, 0, u"1"_s), at(u"v"_s, 1, u"2"_s) };
        QTest::newRow("ordinal with a time unit: period labels")
            << object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "ordinal", "timeUnit": "yearmonth"},
                   "y": {"field": "v", "type": "quantitative"}}})")
            << array(R"([{"d": "2024-02-10", "v": 2}, {"d": "2024-01-10", "v": 1}])")
            << int(K::Category) << 0 << QStringList { u"Jan 2024"_s, u"Feb 2024"_s }
            << QStringList { at(u"v"_s, 0, u"1"_s), at(u"v"_s, 1, u"2"_s) };
        QTest::newRow("quantitative x, point mark")
            << object(R"({"mark": "point", "encoding": {
                   "x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}})")
            << array(R"([{"a": "3", "b": 9}, {"a": 1, "b": 1}, {"a": "x", "b": 5}])")
            << int(K::Numeric) << 0 << QStringList {}
            << QStringList { at(u"b"_s, 1, u"1"_s), at(u"b"_s, 3, u"9"_s) };
    }
    void read()
    {
        QFETCH(QJsonObject, spec);
        QFETCH(QJsonArray, rows);
        QFETCH(int, xKind);
        QFETCH(int, level);
        QFETCH(QStringList, categories);
        QFETCH(QStringList, expected);
        const auto result = VegaLiteReader::read(spec, rows);
        const auto *error = result ? nullptr : &result.error();
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const ChartData &d = *result;
        QCOMPARE(int(d.xKind), xKind);
        QCOMPARE(d.level, level);
        QCOMPARE(d.categories, categories);
        QCOMPARE(points(d), expected);
        QCOMPARE(d.pointsOnly, spec.value(u"mark"_s) == u"point"_s);
    }

    void keptRowsWinOverInlineValues()
    {
        QJsonObject spec = object(monthly);
        spec.insert(u"data"_s,
            object(R"({"values": [{"orders.created_month": "2024-01", "orders.total": 99}]})"));
        auto withData = VegaLiteReader::fromChartPart(part(spec, array(monthlyRows))).value();
        QCOMPARE(withData.pointCount(), 3);
        auto inlineOnly = VegaLiteReader::fromChartPart(part(spec, {}, false)).value();
        QCOMPARE(points(inlineOnly), (QStringList { at(u"orders.total"_s, jan2024, u"99"_s) }));
        // A named dataset in the spec's own `datasets`.
        spec.insert(u"data"_s, object(R"({"name": "d1"})"));
        spec.insert(u"datasets"_s,
            object(R"({"d1": [{"orders.created_month": "2024-02", "orders.total": 5}]})"));
        auto named = VegaLiteReader::fromChartPart(part(spec, {}, false)).value();
        QCOMPARE(points(named), (QStringList { at(u"orders.total"_s, feb2024, u"5"_s) }));
    }

    void lookerMapperOutputIsDrawn()
    {
        // Two ChatMessages as Looker's OpenAPI file shapes them: a data part, then its chart.
        LookerMessageMapper mapper;
        mapper.map(object(R"({"messageId": "m-1", "systemMessage": {"data": {
            "query": {"question": "orders by month"}, "generatedSql": "SELECT …",
            "result": {"name": "data_result", "schema": {"fields": [
                {"name": "orders.created_month", "type": "STRING"},
                {"name": "orders.total", "type": "FLOAT64"}]},
              "data": [{"orders.created_month": "2024-01", "orders.total": "10"},
                       {"orders.created_month": "2024-02", "orders.total": "20"}]}}}})"));
        QJsonObject chart = object(R"({"messageId": "m-2", "systemMessage": {"chart": {
            "query": {"instructions": "a line chart", "dataResultName": "data_result"},
            "result": {"image": {"mimeType": "image/png", "data": ""}}}}})");
        QJsonObject system = chart.value(u"systemMessage"_s).toObject();
        QJsonObject part = system.value(u"chart"_s).toObject();
        QJsonObject result = part.value(u"result"_s).toObject();
        result.insert(u"vegaConfig"_s, QString::fromUtf8(QByteArray(monthly)));
        part.insert(u"result"_s, result);
        system.insert(u"chart"_s, part);
        chart.insert(u"systemMessage"_s, system);
        mapper.map(chart);
        const auto assets = mapper.assets();
        const auto it
            = std::find_if(assets.cbegin(), assets.cend(), [](const LookerMessageMapper::Asset &a) {
                  return a.type == VegaLiteReader::AssetType;
              });
        QVERIFY(it != assets.cend());
        QCOMPARE(LookerMessageMapper::ChartAssetType, VegaLiteReader::AssetType);
        const auto d = VegaLiteReader::fromChartPart(it->value);
        const auto *error = d ? nullptr : &d.error();
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(points(*d),
            (QStringList { at(u"orders.total"_s, jan2024, u"10"_s),
                at(u"orders.total"_s, feb2024, u"20"_s) }));
    }

    void vegaConfigMayBeAnObject()
    {
        QJsonObject p = part(object(monthly), array(monthlyRows));
        p.insert(u"result"_s, QJsonObject { { u"vegaConfig"_s, object(monthly) } });
        QCOMPARE(VegaLiteReader::fromChartPart(p).value().pointCount(), 3);
    }

    void tableRowsTitlesAndFormat()
    {
        const QJsonObject spec = object(R"({"title": {"text": ["Orders", "by region"]},
            "mark": "line", "encoding": {
              "x": {"field": "m", "type": "temporal", "timeUnit": "yearmonth", "axis": {"title": "Month"}},
              "y": {"field": "v", "type": "quantitative", "title": "Revenue", "axis": {"format": "$,.2f"}},
              "color": {"field": "region", "type": "nominal"}}})");
        const QJsonObject chart = part(spec,
            array(
                R"([{"m": "2024-02", "region": "EMEA", "v": 3}, {"m": "2024-01", "region": "EMEA", "v": 1},
                      {"m": "2024-01", "region": "AMER", "v": null}])"));
        const auto result
            = ChartData::fromAsset(u"looker-chart"_s, QJsonDocument(chart).toJson(), QByteArray());
        const ChartData &d = *result;
        QCOMPARE(d.title, u"Orders by region"_s);
        QCOMPARE(d.xTitle, u"Month"_s);
        QCOMPARE(d.yTitle, u"Revenue"_s);
        QCOMPARE(d.headers, (QStringList { u"Month"_s, u"region"_s, u"Revenue"_s }));
        QCOMPARE(d.dimensionCount, 2);
        QCOMPARE(d.rows, array(R"([["2024-01-01T00:00:00.000Z", "AMER", null],
                      ["2024-01-01T00:00:00.000Z", "EMEA", 1],
                      ["2024-02-01T00:00:00.000Z", "EMEA", 3]])"));
        QCOMPARE(d.format.currency, u"$"_s);
        QCOMPARE(d.format.decimals, 2);
        QCOMPARE(d.format.format(1234.5), u"$1,234.50"_s);
        QCOMPARE(d.item, chart); // the JSON export writes the chart part
        QCOMPARE(d.xText(double(jan2024)), u"Jan 2024"_s);
    }

    void axisTitleNullMeansNone()
    {
        const auto d = VegaLiteReader::read(object(R"({"mark": "line", "encoding": {
                "x": {"field": "orders\\.created_month", "type": "temporal", "title": null},
                "y": {"field": "orders.total", "type": "quantitative"}}})"),
            array(monthlyRows))
                           .value();
        QCOMPARE(d.xTitle, QString());
        QCOMPARE(d.yTitle, u"orders.total"_s);
    }
};

QTEST_GUILESS_MAIN(TestVegaLiteReader)
#include "tst_vegalitereader.moc"
