#include "app/analyst/analystagent.h"
#include "app/analyst/chartbuilder.h"
#include "app/analyst/numberformat.h"
#include "tests/app/analyst/faketable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

class tst_AnalystAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemGenerateMonthlyRevenue();
    void analystCompareMarginByRegion();
    void analystAverageRevenuePerQuarterForEmea();
    void analystWeeklyUnitsByRegionIn2024();
    void analystSingleNumber();
    void unmappableQuestion_data();
    void unmappableQuestion();
    void queryErrorIsReported();
    void suggestReturnsDistinctCharts();
    void describeKnownSeries();
    void describeKnownSeriesByGroup();

private:
    // Sum (or average) of a column over the sales rows that pass `keep`.
    double total(int column, const std::function<bool(const QVariantList &)> &keep,
        bool average = false) const;

    const FakeTable m_sales = FakeTable::sales();
    const FakeTable m_known = FakeTable::known();
};

double tst_AnalystAgent::total(
    int column, const std::function<bool(const QVariantList &)> &keep, bool average) const
{
    double sum = 0;
    int count = 0;
    for (const QVariantList &row : m_sales.rows()) {
        if (keep(row)) {
            sum += row.at(column).toDouble();
            ++count;
        }
    }
    return average ? sum / count : sum;
}

void tst_AnalystAgent::itemGenerateMonthlyRevenue()
{
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply = agent.generate(u"Show monthly revenue as a line chart"_s, Agent::Item);
    QVERIFY(!reply.error);
    QVERIFY(reply.item);
    QCOMPARE(reply.item->value(u"type"_s).toString(), u"line-chart"_s);

    // The best month, computed directly from the rows.
    QDate best;
    double bestValue = -1;
    for (QDate month(2023, 11, 1); month <= QDate(2024, 6, 1); month = month.addMonths(1)) {
        const double v = total(3, [&](const QVariantList &r) {
            return FakeTable::periodStart(r.at(0).toDate(), 3) == month;
        });
        if (v > bestValue) {
            bestValue = v;
            best = month;
        }
    }
    const QString expected = u"Revenue peaked in "_s + NumberFormat::period(best, 3) + u" at "_s
        + NumberFormat::number(bestValue, true);
    QVERIFY2(reply.text.startsWith(expected), qPrintable(reply.text + u" / "_s + expected));
    QVERIFY(reply.progress.contains(u"Reading dataset Sales"_s));
    QVERIFY(reply.progress.contains(u"Querying revenue by month"_s));
}

void tst_AnalystAgent::analystCompareMarginByRegion()
{
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply = agent.generate(u"compare margin by region"_s, Agent::Analyst);
    QVERIFY(!reply.error);
    QVERIFY(!reply.item); // no time axis: a table, no chart
    QVERIFY2(
        reply.text.contains(u"| Region | Revenue | Cost | Margin |"_s), qPrintable(reply.text));
    for (const QString &region : { u"EMEA"_s, u"APAC"_s, u"Americas"_s }) {
        const auto inRegion = [&](const QVariantList &r) { return r.at(1).toString() == region; };
        const double revenue = total(3, inRegion);
        const double cost = total(4, inRegion);
        const QString row = u"| "_s + region + u" | "_s + NumberFormat::number(revenue, true)
            + u" | "_s + NumberFormat::number(cost, true) + u" | "_s
            + NumberFormat::ratio((revenue - cost) / revenue) + u" |"_s;
        QVERIFY2(reply.text.contains(row), qPrintable(reply.text + u"\nmissing: "_s + row));
    }
}

void tst_AnalystAgent::analystAverageRevenuePerQuarterForEmea()
{
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply
        = agent.generate(u"average revenue per quarter for EMEA"_s, Agent::Analyst);
    QVERIFY(!reply.error);
    QVERIFY(!reply.item); // one number: the average of the quarterly totals, not of the rows
    QMap<QDate, double> quarters;
    for (const QVariantList &r : m_sales.rows()) {
        if (r.at(1).toString() == u"EMEA")
            quarters[FakeTable::periodStart(r.at(0).toDate(), 2)] += r.at(3).toDouble();
    }
    double sum = 0;
    for (double v : std::as_const(quarters))
        sum += v;
    const QString expected = u"**Average quarterly revenue**: "_s
        + NumberFormat::number(sum / double(quarters.size()), true) + u" (the average of "_s
        + QString::number(quarters.size()) + u" quarter totals"_s;
    QVERIFY2(
        reply.text.startsWith(expected), qPrintable(reply.text + u"\nexpected: "_s + expected));
    QVERIFY2(
        reply.text.endsWith(u"*Read as: Sales · Revenue · sum · per quarter · Region = EMEA*"_s),
        qPrintable(reply.text));
}

void tst_AnalystAgent::analystWeeklyUnitsByRegionIn2024()
{
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply = agent.generate(u"weekly units by region in 2024"_s, Agent::Analyst);
    QVERIFY(!reply.error);
    QVERIFY(reply.item);
    for (const QString &region : { u"EMEA"_s, u"APAC"_s, u"Americas"_s }) {
        const double units = total(5, [&](const QVariantList &r) {
            return r.at(1).toString() == region && r.at(0).toDate().year() == 2024;
        });
        QVERIFY2(reply.text.contains(u"Total: "_s + NumberFormat::number(units)),
            qPrintable(reply.text));
    }
    QVERIFY(reply.text.contains(u"Highest total units: **Americas**"_s));
}

void tst_AnalystAgent::analystSingleNumber()
{
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply
        = agent.generate(u"What was the total revenue in 2024?"_s, Agent::Analyst);
    const double revenue
        = total(3, [](const QVariantList &r) { return r.at(0).toDate().year() == 2024; });
    QCOMPARE(reply.text,
        u"**Revenue**: "_s + NumberFormat::number(revenue, true)
            + u".\n\n*Read as: Sales · Revenue · sum · 2024*"_s);
    QVERIFY(reply.interpretation);
    QCOMPARE(reply.interpretation->value(u"text"_s).toString(), u"Sales · Revenue · sum · 2024"_s);
}

void tst_AnalystAgent::unmappableQuestion_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<bool>("item");
    QTest::newRow("weather, item") << u"what is the weather tomorrow"_s << true;
    QTest::newRow("weather, analyst") << u"what is the weather tomorrow"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_AnalystAgent::unmappableQuestion()
{
    QFETCH(QString, question);
    QFETCH(bool, item);
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply = agent.generate(question, item ? Agent::Item : Agent::Analyst);
    QVERIFY(!reply.item);
    QVERIFY(!reply.error);
    for (const QString &column :
        { u"Date"_s, u"Region"_s, u"Product"_s, u"Revenue"_s, u"Cost"_s, u"Units"_s })
        QVERIFY2(reply.text.contains(column), qPrintable(reply.text));
    QCOMPARE(reply.text.count(u"\n- \""_s), 3);
}

void tst_AnalystAgent::queryErrorIsReported()
{
    AnalystAgent agent(
        { m_sales.schema() }, [](const DataQuery &q) -> Expected<QList<QJsonArray>, QString> {
            if (q.measures.size() == 1 && q.measures.first().columnId.isEmpty())
                return QList<QJsonArray> {}; // the category values
            return u"disk on fire"_s;
        });
    const AgentReply reply = agent.generate(u"monthly revenue"_s, Agent::Item);
    QVERIFY(reply.error);
    QVERIFY(reply.error->contains(u"disk on fire"_s));
    QVERIFY(!reply.item);
}

void tst_AnalystAgent::suggestReturnsDistinctCharts()
{
    AnalystAgent agent({ m_sales.schema() }, m_sales.runner());
    const AgentReply reply = agent.suggest(QString());
    QVERIFY(!reply.error);
    QVERIFY(reply.suggestions.size() >= 3);
    QVERIFY(reply.suggestions.size() <= 5);
    QSet<QByteArray> distinct;
    for (const QJsonObject &item : reply.suggestions) {
        QCOMPARE(item.value(u"type"_s).toString(), u"line-chart"_s);
        distinct.insert(
            QJsonDocument(item.value(u"slots"_s).toArray()).toJson(QJsonDocument::Compact));
        // Each suggestion can be described, i.e. its query runs.
        QVERIFY(!agent.describe(item).error);
    }
    QCOMPARE(distinct.size(), reply.suggestions.size());
    QVERIFY(reply.text.contains(u"Monthly revenue"_s));

    const AgentReply own = agent.suggest(u"weekly cost by product"_s);
    QCOMPARE(own.suggestions.first().value(u"options"_s)[u"title"_s][u"en"_s].toString(),
        u"Weekly cost by product"_s);
}

void tst_AnalystAgent::describeKnownSeries()
{
    const DatasetSchema &schema = m_known.schema();
    Intent intent;
    intent.datasetId = schema.id;
    intent.dateColumnId = schema.columns.at(0).id;
    intent.level = 3;
    intent.measures = { { schema.columns.at(2).id, Aggregation::Sum, u"Value"_s } };
    intent.filters = { { schema.columns.at(1).id, u"A"_s } };
    AnalystAgent agent({ m_sales.schema(), schema }, m_known.runner());
    const AgentReply reply = agent.describe(ChartBuilder(schema).build(intent));
    QVERIFY(!reply.error);
    QCOMPARE(reply.text,
        u"**Monthly value for A**\n\n**Value** rose from 10 in January 2024 to 30 in June 2024 "
        u"(+200.0%). "
        u"Highest: 40 in April 2024; lowest: 5 in May 2024. Total: 120 (average 20 per month)."_s);
    QVERIFY(reply.progress.contains(u"Describing the result"_s));
}

void tst_AnalystAgent::describeKnownSeriesByGroup()
{
    const DatasetSchema &schema = m_known.schema();
    Intent intent;
    intent.datasetId = schema.id;
    intent.dateColumnId = schema.columns.at(0).id;
    intent.level = 2;
    intent.measures = { { schema.columns.at(2).id, Aggregation::Sum, u"Value"_s } };
    intent.splitColumnId = schema.columns.at(1).id;
    AnalystAgent agent({ schema }, m_known.runner());
    const AgentReply reply = agent.describe(ChartBuilder(schema).build(intent));
    QVERIFY(!reply.error);
    QVERIFY2(reply.text.contains(u"Highest total value: **B** (450); lowest: **A** (120)."_s),
        qPrintable(reply.text));
    QVERIFY2(reply.text.contains(
                 u"- **B**: value fell from 270 in Q1 2024 to 180 in Q2 2024 (-33.3%)."_s),
        qPrintable(reply.text));
    QVERIFY2(
        reply.text.contains(u"- **A**: value rose from 45 in Q1 2024 to 75 in Q2 2024 (+66.7%)."_s),
        qPrintable(reply.text));
}

QTEST_GUILESS_MAIN(tst_AnalystAgent)
#include "tst_analystagent.moc"
