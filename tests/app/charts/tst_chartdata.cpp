// Item + rows → ChartData: every datetime level, legend split, several measures, missing values,
// empty data, category and numeric x, malformed items and other item types; number formats and
// axis ticks.
#include "app/charts/axisticks.h"
#include "app/charts/chartdata.h"
#include "app/charts/chartsnapshot.h"
#include "app/charts/valueformat.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QJsonObject content(const QString &column, const QString &type, const QString &label)
{
    return { { u"datasetId"_s, u"ds1"_s }, { u"columnId"_s, column }, { u"type"_s, type },
        { u"label"_s, QJsonObject { { u"en"_s, label } } } };
}

// A line chart: x of `xType` (level for datetime), an optional legend, `measures` measures.
QJsonObject lineItem(const QString &xType, int level, bool legend, int measures)
{
    QJsonArray slots;
    if (!xType.isEmpty()) {
        QJsonObject x = content(u"cx"_s, xType, u"Date"_s);
        if (level > 0)
            x.insert(u"level"_s, level);
        slots << QJsonObject { { u"name"_s, u"x-axis"_s }, { u"content"_s, QJsonArray { x } } };
    }
    QJsonArray m;
    for (int i = 0; i < measures; ++i) {
        QJsonObject c = content(
            u"cm"_s + QString::number(i), u"numeric"_s, i == 0 ? u"Revenue"_s : u"Units"_s);
        c.insert(u"aggregationFunc"_s, u"sum"_s);
        m << c;
    }
    slots << QJsonObject { { u"name"_s, u"measure"_s }, { u"content"_s, m } };
    if (legend) {
        slots << QJsonObject { { u"name"_s, u"legend"_s },
            { u"content"_s, QJsonArray { content(u"cl"_s, u"hierarchy"_s, u"Region"_s) } } };
    }
    return { { u"type"_s, u"line-chart"_s }, { u"slots"_s, slots },
        { u"options"_s,
            QJsonObject { { u"title"_s, QJsonObject { { u"en"_s, u"Test chart"_s } } } } } };
}

QJsonArray rows(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}
} // namespace

class TestChartData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapping_data()
    {
        QTest::addColumn<QJsonObject>("item");
        QTest::addColumn<QJsonArray>("rows");
        QTest::addColumn<int>("xKind");
        QTest::addColumn<int>("level");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<int>>("finite"); // values per series (gaps excluded)
        QTest::addColumn<QList<int>>("points"); // points per series (gaps included)
        QTest::addColumn<QString>("firstX"); // xText of the first point of series 0
        QTest::addColumn<QStringList>("headers");

        using K = ChartData::XKind;
        const QStringList one { u"Revenue"_s };
        const QStringList dateRevenue { u"Date"_s, u"Revenue"_s };
        QTest::newRow("level 1 year")
            << lineItem(u"datetime"_s, 1, false, 1) << rows(R"([["2023-01-01T00:00:00.000Z", 10],
                                                 ["2024-01-01T00:00:00.000Z", 20]])")
            << int(K::Datetime) << 1 << one << QList<int> { 2 } << QList<int> { 2 } << u"2023"_s
            << dateRevenue;
        QTest::newRow("level 2 quarter")
            << lineItem(u"datetime"_s, 2, false, 1) << rows(R"([["2024-04-01T00:00:00.000Z", 5],
                                                    ["2024-01-01T00:00:00.000Z", 4]])")
            << int(K::Datetime) << 2 << one << QList<int> { 2 } << QList<int> { 2 } << u"Q1 2024"_s
            << dateRevenue;
        QTest::newRow("level 3 month")
            << lineItem(u"datetime"_s, 3, false, 1) << rows(R"([["2024-01-01T00:00:00.000Z", 1],
                                                  ["2024-02-01T00:00:00.000Z", 2],
                                                  ["2024-03-01T00:00:00.000Z", 3]])")
            << int(K::Datetime) << 3 << one << QList<int> { 3 } << QList<int> { 3 } << u"Jan 2024"_s
            << dateRevenue;
        QTest::newRow("level 4 week")
            << lineItem(u"datetime"_s, 4, false, 1) << rows(R"([["2024-03-04T00:00:00.000Z", 1],
                                                 ["2024-03-11T00:00:00.000Z", 2]])")
            << int(K::Datetime) << 4 << one << QList<int> { 2 } << QList<int> { 2 }
            << u"4 Mar 2024"_s << dateRevenue;
        QTest::newRow("level 5 day")
            << lineItem(u"datetime"_s, 5, false, 1) << rows(R"([["2024-03-05T00:00:00Z", 1],
                                                ["2024-03-04T00:00:00.000Z", 2]])")
            << int(K::Datetime) << 5 << one << QList<int> { 2 } << QList<int> { 2 }
            << u"4 Mar 2024"_s << dateRevenue;
        QTest::newRow("legend split, missing period is a gap")
            << lineItem(u"datetime"_s, 3, true, 1)
            << rows(R"([["2024-01-01T00:00:00.000Z", "EMEA", 1],
                        ["2024-01-01T00:00:00.000Z", "APAC", 2],
                        ["2024-02-01T00:00:00.000Z", "EMEA", 3],
                        ["2024-03-01T00:00:00.000Z", "APAC", 4],
                        ["2024-03-01T00:00:00.000Z", "EMEA", 5]])")
            << int(K::Datetime) << 3 << QStringList { u"EMEA"_s, u"APAC"_s } << QList<int> { 3, 2 }
            << QList<int> { 3, 3 } << u"Jan 2024"_s
            << QStringList { u"Date"_s, u"Region"_s, u"Revenue"_s };
        QTest::newRow("several measures")
            << lineItem(u"datetime"_s, 3, false, 2) << rows(R"([["2024-01-01T00:00:00.000Z", 1, 10],
                                                     ["2024-02-01T00:00:00.000Z", 2, 20]])")
            << int(K::Datetime) << 3 << QStringList { u"Revenue"_s, u"Units"_s }
            << QList<int> { 2, 2 } << QList<int> { 2, 2 } << u"Jan 2024"_s
            << QStringList { u"Date"_s, u"Revenue"_s, u"Units"_s };
        QTest::newRow("legend and two measures")
            << lineItem(u"datetime"_s, 1, true, 2)
            << rows(R"([["2024-01-01T00:00:00.000Z", "EMEA", 1, 2]])") << int(K::Datetime) << 1
            << QStringList { u"EMEA · Revenue"_s, u"EMEA · Units"_s } << QList<int> { 1, 1 }
            << QList<int> { 1, 1 } << u"2024"_s
            << QStringList { u"Date"_s, u"Region"_s, u"Revenue"_s, u"Units"_s };
        QTest::newRow("missing values")
            << lineItem(u"datetime"_s, 3, false, 1) << rows(R"([["2024-01-01T00:00:00.000Z", 1],
                                                   ["2024-02-01T00:00:00.000Z", null],
                                                   ["2024-03-01T00:00:00.000Z", "n/a"],
                                                   [null, 7],
                                                   ["2024-04-01T00:00:00.000Z", "4.5"]])")
            << int(K::Datetime) << 3 << one << QList<int> { 2 } << QList<int> { 4 } << u"Jan 2024"_s
            << dateRevenue;
        QTest::newRow("empty data")
            << lineItem(u"datetime"_s, 3, false, 1) << QJsonArray() << int(K::Datetime) << 3
            << QStringList() << QList<int>() << QList<int>() << QString() << dateRevenue;
        QTest::newRow("category x")
            << lineItem(u"hierarchy"_s, 0, false, 1)
            << rows(R"([["Books", 3], ["Games", 4], ["", 1]])") << int(K::Category) << 0 << one
            << QList<int> { 3 } << QList<int> { 3 } << u"Books"_s << dateRevenue;
        QTest::newRow("numeric x")
            << lineItem(u"numeric"_s, 0, false, 1) << rows(R"([[10, 3], [2.5, 4]])")
            << int(K::Numeric) << 0 << one << QList<int> { 2 } << QList<int> { 2 } << u"2.5"_s
            << dateRevenue;
        QTest::newRow("no x-axis")
            << lineItem(QString(), 0, false, 1) << rows(R"([[42]])") << int(K::Category) << 0 << one
            << QList<int> { 1 } << QList<int> { 1 } << u"Test chart"_s << one;
    }
    void mapping()
    {
        QFETCH(QJsonObject, item);
        QFETCH(QJsonArray, rows);
        QFETCH(int, xKind);
        QFETCH(int, level);
        QFETCH(QStringList, names);
        QFETCH(QList<int>, finite);
        QFETCH(QList<int>, points);
        QFETCH(QString, firstX);
        QFETCH(QStringList, headers);

        const auto result = ChartData::fromItem(item, rows);
        const auto *error = result ? nullptr : &result.error();
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const ChartData &d = *result;
        QCOMPARE(int(d.xKind), xKind);
        QCOMPARE(d.level, level);
        QCOMPARE(d.title, u"Test chart"_s);
        QCOMPARE(d.headers, headers);
        QCOMPARE(d.rows, rows);
        QStringList gotNames;
        for (const ChartSeries &s : d.series) {
            gotNames << s.name;
            for (int i = 1; i < s.points.size(); ++i)
                QVERIFY2(s.points.at(i - 1).x() <= s.points.at(i).x(), "sorted by x");
        }
        QCOMPARE(gotNames, names);
        for (int i = 0; i < d.series.size(); ++i) {
            const QList<QPointF> &p = d.series.at(i).points;
            QCOMPARE(int(p.size()), points.at(i));
            QCOMPARE(int(std::count_if(p.cbegin(), p.cend(),
                         [](const QPointF &pt) { return std::isfinite(pt.y()); })),
                finite.at(i));
        }
        if (!d.series.isEmpty())
            QCOMPARE(d.xText(d.series.first().points.first().x()), firstX);
        QCOMPARE(d.isEmpty(), names.isEmpty());
    }

    void legendGapIsNaN()
    {
        const auto d = ChartData::fromItem(lineItem(u"datetime"_s, 3, true, 1),
            rows(R"([["2024-01-01T00:00:00.000Z", "A", 1], ["2024-02-01T00:00:00.000Z", "B", 2],
                     ["2024-03-01T00:00:00.000Z", "A", 3]])"))
                           .value();
        QCOMPARE(d.series.size(), 2);
        QVERIFY(std::isnan(d.series.at(0).points.at(1).y())); // A has no February
        QCOMPARE(d.series.at(0).points.at(2).y(), 3.0);
        QVERIFY(std::isnan(d.series.at(1).points.at(0).y()));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("code");
        using C = ChartError::Code;
        const QByteArray rowsOk = R"({"rows": [["2024-01-01T00:00:00.000Z", 1]]})";
        const QByteArray good = QJsonDocument(lineItem(u"datetime"_s, 3, false, 1)).toJson();
        QTest::newRow("not JSON") << QByteArray("{nope") << rowsOk << int(C::Malformed);
        QTest::newRow("JSON array") << QByteArray("[1,2]") << rowsOk << int(C::Malformed);
        QTest::newRow("no type") << QByteArray(R"({"slots": []})") << rowsOk << int(C::Malformed);
        QTest::newRow("bar chart")
            << QByteArray(R"({"type": "bar-chart", "slots": []})") << rowsOk << int(C::Unsupported);
        QTest::newRow("donut") << QByteArray(R"({"type": "donut-chart"})") << rowsOk
                               << int(C::Unsupported);
        QTest::newRow("slots not a list")
            << QByteArray(R"({"type": "line-chart", "slots": 3})") << rowsOk << int(C::Malformed);
        QTest::newRow("no measure")
            << QByteArray(R"({"type": "line-chart", "slots": [{"name": "x-axis", "content": []}]})")
            << rowsOk << int(C::Malformed);
        QTest::newRow("no snapshot") << good << QByteArray() << int(C::NoSnapshot);
        QTest::newRow("snapshot not JSON") << good << QByteArray("garbage") << int(C::BadSnapshot);
        QTest::newRow("snapshot without rows")
            << good << QByteArray(R"({"x": 1})") << int(C::BadSnapshot);
        QTest::newRow("row too short")
            << good << QByteArray(R"({"rows": [["2024-01-01"]]})") << int(C::BadSnapshot);
        QTest::newRow("row not a list")
            << good << QByteArray(R"({"rows": [7]})") << int(C::BadSnapshot);
    }
    void errors()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, data);
        QFETCH(int, code);
        const auto result = ChartData::fromAsset(value, data);
        const auto *error = result ? nullptr : &result.error();
        QVERIFY(error);
        QCOMPARE(int(error->code), code);
        QVERIFY(!error->message.isEmpty());
    }

    void bareDataAnswerIsASnapshot()
    {
        const QByteArray item = QJsonDocument(lineItem(u"datetime"_s, 3, false, 1)).toJson();
        const auto result
            = ChartData::fromAsset(item, R"({"data": [["2024-01-01T00:00:00.000Z", 1]]})");
        QVERIFY(result.has_value());
    }

    void realItemTitlesAndFormat()
    {
        QFile file(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR")
            + u"/tests/app/analyst/data/monthly-revenue-item.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject item = QJsonDocument::fromJson(file.readAll()).object();
        const auto result
            = ChartData::fromItem(item, rows(R"([["2024-01-01T00:00:00.000Z", "EMEA", 1234.5],
                     ["2024-01-01T00:00:00.000Z", "APAC", 99]])"));
        const ChartData &d = *result;
        QCOMPARE(d.title, u"Monthly revenue by region in 2024"_s);
        QCOMPARE(d.xTitle, u"Date"_s);
        QCOMPARE(d.yTitle, u"Revenue"_s);
        QCOMPARE(d.format.currency, u"$"_s);
        QCOMPARE(d.format.decimals, 2);
        QCOMPARE(d.format.format(1234.5), u"$1,234.50"_s);
        QCOMPARE(d.series.size(), 2);
    }

    void valueFormat_data()
    {
        QTest::addColumn<QJsonObject>("measure");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("full");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("tick");
        const auto m
            = [](const char *json) { return QJsonDocument::fromJson(QByteArray(json)).object(); };
        QTest::newRow("currency ,.2f") << m(R"({"format": ",.2f", "currency": "$"})") << 1234567.891
                                       << u"$1,234,567.89"_s << 500000.0 << u"$1.2M"_s;
        QTest::newRow("subtype currency") << m(R"({"subtype": "currency"})") << 350000.0
                                          << u"$350,000"_s << 50000.0 << u"$350K"_s;
        QTest::newRow("euro small")
            << m(R"({"currency": "€"})") << 12.346 << u"€12.35"_s << 2.0 << u"€12"_s;
        QTest::newRow("no separators .0f")
            << m(R"({"format": ".0f"})") << 12345.6 << u"12346"_s << 1000.0 << u"12346"_s;
        QTest::newRow("percent") << m(R"({"format": ".1%"})") << 0.256 << u"25.6%"_s << 0.05
                                 << u"26%"_s;
        QTest::newRow("count is never money")
            << m(R"({"aggregationFunc": "count", "currency": "$"})") << 1500.0 << u"1,500"_s
            << 500.0 << u"1,500"_s;
        QTest::newRow("negative") << m(R"({"currency": "$"})") << -2500.0 << u"-$2,500"_s << 500.0
                                  << u"-$2,500"_s;
    }
    void valueFormat()
    {
        QFETCH(QJsonObject, measure);
        QFETCH(double, value);
        QFETCH(QString, full);
        QFETCH(double, step);
        QFETCH(QString, tick);
        const ValueFormat f = ValueFormat::fromMeasure(measure);
        QCOMPARE(f.format(value), full);
        QCOMPARE(f.tick(value, step), tick);
    }

    void niceTicks_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<QList<double>>("ticks");
        QTest::newRow("revenue from zero")
            << 120000.0 << 480000.0 << QList<double> { 0, 100000, 200000, 300000, 400000, 500000 };
        QTest::newRow("narrow band keeps its floor")
            << 95.0 << 105.0 << QList<double> { 94, 96, 98, 100, 102, 104, 106 };
        QTest::newRow("one value") << 5.0 << 5.0 << QList<double> { 0, 1, 2, 3, 4, 5 };
        QTest::newRow("negative and positive")
            << -3.0 << 7.0 << QList<double> { -4, -2, 0, 2, 4, 6, 8 };
    }
    void niceTicks()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(QList<double>, ticks);
        QCOMPARE(AxisTicks::nice(low, high, 6).ticks, ticks);
    }

    void periodLabels()
    {
        const QDateTime at(QDate(2024, 3, 4), QTime(0, 0), Qt::UTC);
        QCOMPARE(AxisTicks::periodLabel(at, 1), u"2024"_s);
        QCOMPARE(AxisTicks::periodLabel(at, 2), u"Q1 2024"_s);
        QCOMPARE(AxisTicks::periodLabel(at, 3), u"Mar 2024"_s);
        QCOMPARE(AxisTicks::periodLabel(at, 4), u"4 Mar 2024"_s);
        QCOMPARE(AxisTicks::periodTick(at, 3, false), u"Mar"_s);
        QCOMPARE(AxisTicks::labelStride(12, 40, 800), 1);
        QCOMPARE(AxisTicks::labelStride(120, 40, 800), 12);
    }
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
