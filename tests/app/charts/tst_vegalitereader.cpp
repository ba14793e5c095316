// Looker chart parts (Vega-Lite specs) → ChartData: line and point marks over temporal, ordinal
// and quantitative x, colour splits, aggregates, time units, dotted and nested field names,
// values as strings; the Looker DataResult kept with the chart or the spec's inline values; every
// other mark or composition an honest Unsupported, and no data an error in words; and the asset
// the real LookerMessageMapper makes of a data part and a chart part is drawn.
//
// Expected epoch milliseconds are worked by hand: 1970-01-01 → 2024-01-01 is 54 years with 13
// leap days (1972 … 2020), 54 × 365 + 13 = 19723 days; × 86 400 000 = 1 704 067 200 000.
// February 2024 is 31 days later (1 706 745 600 000), March 29 more (2024 is a leap year:
// 1 709 251 200 000); 2023-01-01 is 365 days earlier (1 672 531 200 000); Sunday 2023-12-31,
// the start of the week of Wednesday 2024-01-03, is one day before 2024 (1 703 980 800 000).
#include "app/charts/chartdata.h"
#include "app/charts/vegalitefield.h"
#include "app/charts/vegalitereader.h"
#include "app/looker/lookermessagemapper.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 jan2024 = 1704067200000;
constexpr qint64 feb2024 = 1706745600000;
constexpr qint64 mar2024 = 1709251200000;
constexpr qint64 jan2023 = 1672531200000;
constexpr qint64 day = 86400000;

QJsonObject object(const char *json)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return d.object();
}

QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

// A Looker chart part with `spec` as its vegaConfig string and, when given, the DataResult rows.
QJsonObject part(const QJsonObject &spec, const QJsonArray &rows, bool withData = true)
{
    QJsonObject p { { u"query"_s,
                        QJsonObject { { u"instructions"_s, u"a line chart"_s },
                            { u"dataResultName"_s, u"data_result"_s } } },
        { u"result"_s,
            QJsonObject { { u"vegaConfig"_s,
                QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)) } } } };
    if (withData)
        p.insert(u"data"_s,
            QJsonObject { { u"name"_s, u"data_result"_s },
                { u"schema"_s, QJsonObject { { u"fields"_s, QJsonArray {} } } },
                { u"data"_s, rows } });
    return p;
}

// Each point as "series@x=y" (x as a whole number: ms, category index or value).
QStringList points(const ChartData &d)
{
    QStringList out;
    for (const ChartSeries &s : d.series) {
        for (const QPointF &p : s.points)
            out << s.name + u'@' + QString::number(p.x(), 'f', 0) + u'='
                    + (std::isfinite(p.y()) ? QString::number(p.y(), 'g', 10) : u"gap"_s);
    }
    return out;
}

QString at(const QString &series, qint64 x, const QString &y)
{
    return series + u'@' + QString::number(x) + u'=' + y;
}

const char *monthly = R"({"mark": "line", "encoding": {
    "x": {"field": "orders.created_month", "type": "temporal", "timeUnit": "yearmonth"},
    "y": {"field": "orders.total", "type": "quantitative"}}})";
const char *monthlyRows = R"([{"orders.created_month": "2024-01", "orders.total": 10},
    {"orders.created_month": "2024-02", "orders.total": 20},
    {"orders.created_month": "2024-03", "orders.total": 30}])";
} // namespace

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
        const auto *error = std::get_if<ChartError>(&result);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const ChartData &d = std::get<ChartData>(result);
        QCOMPARE(int(d.xKind), xKind);
        QCOMPARE(d.level, level);
        QCOMPARE(d.categories, categories);
        QCOMPARE(points(d), expected);
        QCOMPARE(d.pointsOnly, spec.value(u"mark"_s) == u"point"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QJsonObject>("chart");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words"); // in the message
        using C = ChartError::Code;
        const QJsonArray rows = array(monthlyRows);
        const auto specWith = [](const char *mark) {
            QJsonObject s = object(monthly);
            s.insert(u"mark"_s, object(mark).value(u"m"_s));
            return s;
        };
        QTest::newRow("bar mark") << part(specWith(R"({"m": "bar"})"), rows) << int(C::Unsupported)
                                  << u"“bar”"_s;
        QTest::newRow("area mark object") << part(specWith(R"({"m": {"type": "area"}})"), rows)
                                          << int(C::Unsupported) << u"“area”"_s;
        QTest::newRow("arc") << part(specWith(R"({"m": "arc"})"), rows) << int(C::Unsupported)
                             << u"“arc”"_s;
        QTest::newRow("layer") << part(
            object(R"({"layer": [{"mark": "line"}, {"mark": "rule"}]})"), rows)
                               << int(C::Unsupported) << u"“layer”"_s;
        QTest::newRow("hconcat") << part(object(R"({"hconcat": [{"mark": "line"}]})"), rows)
                                 << int(C::Unsupported) << u"“hconcat”"_s;
        QJsonObject transformed = object(monthly);
        transformed.insert(u"transform"_s, array(R"([{"filter": "datum.v > 1"}])"));
        QTest::newRow("transform")
            << part(transformed, rows) << int(C::Unsupported) << u"transforms"_s;
        QTest::newRow("periodic time unit") << part(object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal", "timeUnit": "month"},
                   "y": {"field": "v", "type": "quantitative"}}})"),
            rows) << int(C::Unsupported) << u"“month”"_s;
        QTest::newRow("unknown time unit") << part(object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal", "timeUnit": "fortnight"},
                   "y": {"field": "v", "type": "quantitative"}}})"),
            rows) << int(C::Malformed) << u"“fortnight”"_s;
        QTest::newRow("nominal y") << part(object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal"}, "y": {"field": "v", "type": "nominal"}}})"),
            rows) << int(C::Unsupported)
                                   << u"“nominal”"_s;
        QTest::newRow("uncomputed aggregate") << part(object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal"},
                   "y": {"field": "v", "type": "quantitative", "aggregate": "stdev"}}})"),
            rows) << int(C::Unsupported) << u"“stdev”"_s;
        QTest::newRow("faceted") << part(object(R"({"mark": "line", "encoding": {
                   "x": {"field": "d", "type": "temporal"}, "y": {"field": "v", "type": "quantitative"},
                   "row": {"field": "r", "type": "nominal"}}})"),
            rows) << int(C::Unsupported)
                                 << u"“row”"_s;
        QTest::newRow("no mark") << part(object(R"({"encoding": {}})"), rows) << int(C::Malformed)
                                 << u"no mark"_s;
        QTest::newRow("no x field")
            << part(object(R"({"mark": "line", "encoding": {"y": {"field": "v"}}})"), rows)
            << int(C::Malformed) << u"no x field"_s;
        QTest::newRow("data not kept")
            << part(object(monthly), {}, false) << int(C::NoSnapshot) << u"not kept"_s;
        QTest::newRow("field not in the rows")
            << part(object(monthly), array(R"([{"orders.month": "2024-01", "orders.total": 1}])"))
            << int(C::BadSnapshot) << u"“orders.created_month”"_s;
        QTest::newRow("row not an object")
            << part(object(monthly), array("[[1, 2]]")) << int(C::BadSnapshot) << u"Row 1"_s;
        QJsonObject notJson = part(object(monthly), rows);
        notJson.insert(u"result"_s, QJsonObject { { u"vegaConfig"_s, u"{mark: line"_s } });
        QTest::newRow("vegaConfig not JSON") << notJson << int(C::Malformed) << u"not a JSON"_s;
        QTest::newRow("no vegaConfig")
            << object(R"({"query": {}, "result": {}})") << int(C::Malformed) << u"vegaConfig"_s;
    }
    void errors()
    {
        QFETCH(QJsonObject, chart);
        QFETCH(int, code);
        QFETCH(QString, words);
        const auto result = ChartData::fromAsset(
            VegaLiteReader::AssetType, QJsonDocument(chart).toJson(), QByteArray());
        const auto *error = std::get_if<ChartError>(&result);
        QVERIFY(error);
        QCOMPARE(int(error->code), code);
        QVERIFY2(error->message.contains(words), qPrintable(error->message));
        // check() agrees without looking at the data.
        const auto problem = ChartData::check(VegaLiteReader::AssetType, chart);
        const bool dataProblem = code == int(ChartError::Code::NoSnapshot)
            || code == int(ChartError::Code::BadSnapshot);
        QCOMPARE(problem.has_value(), !dataProblem);
        if (problem)
            QCOMPARE(int(problem->code), code);
    }

    void keptRowsWinOverInlineValues()
    {
        QJsonObject spec = object(monthly);
        spec.insert(u"data"_s,
            object(R"({"values": [{"orders.created_month": "2024-01", "orders.total": 99}]})"));
        auto withData
            = std::get<ChartData>(VegaLiteReader::fromChartPart(part(spec, array(monthlyRows))));
        QCOMPARE(withData.pointCount(), 3);
        auto inlineOnly = std::get<ChartData>(VegaLiteReader::fromChartPart(part(spec, {}, false)));
        QCOMPARE(points(inlineOnly), (QStringList { at(u"orders.total"_s, jan2024, u"99"_s) }));
        // A named dataset in the spec's own `datasets`.
        spec.insert(u"data"_s, object(R"({"name": "d1"})"));
        spec.insert(u"datasets"_s,
            object(R"({"d1": [{"orders.created_month": "2024-02", "orders.total": 5}]})"));
        auto named = std::get<ChartData>(VegaLiteReader::fromChartPart(part(spec, {}, false)));
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
        const auto *error = std::get_if<ChartError>(&d);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(points(std::get<ChartData>(d)),
            (QStringList { at(u"orders.total"_s, jan2024, u"10"_s),
                at(u"orders.total"_s, feb2024, u"20"_s) }));
    }

    void vegaConfigMayBeAnObject()
    {
        QJsonObject p = part(object(monthly), array(monthlyRows));
        p.insert(u"result"_s, QJsonObject { { u"vegaConfig"_s, object(monthly) } });
        QCOMPARE(std::get<ChartData>(VegaLiteReader::fromChartPart(p)).pointCount(), 3);
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
        const ChartData &d = std::get<ChartData>(result);
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

    void titles_data()
    {
        QTest::addColumn<QJsonObject>("spec");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("chartType");
        QTest::newRow("string") << object(R"({"title": " Sales ", "mark": "line"})") << u"Sales"_s
                                << u"line-chart"_s;
        QTest::newRow("params") << object(
            R"({"title": {"text": "Sales"}, "mark": {"type": "bar"}})")
                                << u"Sales"_s << u"bar-chart"_s;
        QTest::newRow("none, point")
            << object(R"({"mark": "point"})") << QString() << u"scatter-plot"_s;
        QTest::newRow("layer") << object(R"({"layer": []})") << QString() << u"combination-chart"_s;
        QTest::newRow("unknown mark")
            << object(R"({"mark": "rect"})") << QString() << u"rect-chart"_s;
    }
    void titles()
    {
        QFETCH(QJsonObject, spec);
        QFETCH(QString, title);
        QFETCH(QString, chartType);
        QCOMPARE(VegaLiteReader::title(spec), title);
        QCOMPARE(VegaLiteReader::chartType(spec), chartType);
    }

    void axisTitleNullMeansNone()
    {
        const auto d
            = std::get<ChartData>(VegaLiteReader::read(object(R"({"mark": "line", "encoding": {
                "x": {"field": "orders\\.created_month", "type": "temporal", "title": null},
                "y": {"field": "orders.total", "type": "quantitative"}}})"),
                array(monthlyRows)));
        QCOMPARE(d.xTitle, QString());
        QCOMPARE(d.yTitle, u"orders.total"_s);
    }

    void fieldPath_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << u"a"_s << QStringList { u"a"_s } << u"a"_s;
        QTest::newRow("dots") << u"a.b.c"_s << QStringList { u"a"_s, u"b"_s, u"c"_s } << u"a.b.c"_s;
        QTest::newRow("escaped dot") << uR"(a\.b)"_s << QStringList { u"a.b"_s } << u"a.b"_s;
        QTest::newRow("brackets") << u"a['b.c'][0]"_s << QStringList { u"a"_s, u"b.c"_s, u"0"_s }
                                  << u"a['b.c'][0]"_s;
        QTest::newRow("escaped bracket")
            << uR"(a\[0\])"_s << QStringList { u"a[0]"_s } << u"a[0]"_s;
    }
    void fieldPath()
    {
        QFETCH(QString, field);
        QFETCH(QStringList, path);
        QFETCH(QString, name);
        QCOMPARE(VegaLiteField::path(field), path);
        QCOMPARE(VegaLiteField::displayName(field), name);
    }

    void time_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<qint64>("ms"); // -1: not a time
        QTest::newRow("date") << QJsonValue(u"2024-01-01"_s) << jan2024;
        QTest::newRow("month") << QJsonValue(u"2024-02"_s) << feb2024;
        QTest::newRow("year string") << QJsonValue(u"2023"_s) << jan2023;
        QTest::newRow("year number") << QJsonValue(2024) << jan2024;
        QTest::newRow("quarter") << QJsonValue(u"2024-Q1"_s) << jan2024;
        QTest::newRow("space time") << QJsonValue(u"2024-01-01 00:00:01"_s) << jan2024 + 1000;
        QTest::newRow("ISO Z ms") << QJsonValue(u"2024-03-01T00:00:00.000Z"_s) << mar2024;
        QTest::newRow("offset") << QJsonValue(u"2024-01-01T02:00:00+02:00"_s) << jan2024;
        QTest::newRow("timestamp") << QJsonValue(double(feb2024)) << feb2024;
        QTest::newRow("timestamp string") << QJsonValue(u"1709251200000"_s) << mar2024;
        QTest::newRow("month 13") << QJsonValue(u"2024-13"_s) << qint64(-1);
        QTest::newRow("words") << QJsonValue(u"last May"_s) << qint64(-1);
        QTest::newRow("null") << QJsonValue() << qint64(-1);
    }
    void time()
    {
        QFETCH(QJsonValue, value);
        QFETCH(qint64, ms);
        const auto t = VegaLiteField::time(value);
        QCOMPARE(t.has_value(), ms != -1);
        if (t)
            QCOMPARE(*t, ms);
    }
};

QTEST_GUILESS_MAIN(TestVegaLiteReader)
#include "tst_vegalitereader.moc"
