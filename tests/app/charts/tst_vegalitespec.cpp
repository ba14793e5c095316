// Looker chart parts (Vega-Lite specs) that are not drawn: every other mark or composition an
// honest Unsupported, and no data an error in words, with ChartData::check() agreeing; titles and
// chart types; field paths and the times a field's values may hold (the epoch milliseconds:
// vegalitefixture.h).
#include "app/charts/chartdata.h"
#include "app/charts/vegalitefield.h"
#include "app/charts/vegalitereader.h"
#include "tests/app/charts/vegalitefixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace VegaLiteFixture;

class TestVegaLiteSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
        const auto *error = result ? nullptr : &result.error();
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
        // JavaScript's Date range, 8.64e15 ms either side of 1970 (ECMA-262): the last one in, the
        // next one out, and what fuzz_vegalite found (a 35-digit string, 8.02e34 ms).
        QTest::newRow("newest JS date") << QJsonValue(8.64e15) << qint64(8640000000000000);
        QTest::newRow("oldest JS date") << QJsonValue(-8.64e15) << qint64(-8640000000000000);
        QTest::newRow("past the JS range") << QJsonValue(8.64e15 + 1) << qint64(-1);
        QTest::newRow("35 digits")
            << QJsonValue(u"80200000000000000000000000000000003"_s) << qint64(-1);
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

QTEST_GUILESS_MAIN(TestVegaLiteSpec)
#include "tst_vegalitespec.moc"
