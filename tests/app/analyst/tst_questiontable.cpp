// The analyst over real imported data (the bundled Sales sample and a generated "Fleet" dataset
// with other column names): each question's interpretation and its number, the number computed
// here by a plain SQL query over the dataset's table, never by the analyst's code (refusals,
// round trips, follow-ups and suggestions: tst_questionfollowups).
#include "app/analyst/interpretation.h"
#include "app/analyst/numberformat.h"
#include "tests/app/analyst/questiontablefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_QuestionTable : public QuestionTableFixture
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
};

void tst_QuestionTable::answers_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("interpretation");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("query"); // the expected number; {T} is the table
    QTest::addColumn<bool>("currency");
    QTest::addColumn<QString>("also"); // more text the answer must hold

    const auto row = [](const QString &q, const QString &line, const QString &dataset,
                         const QString &query, bool currency, const QString &also = {}) {
        QTest::newRow(qPrintable(q)) << q << line << dataset << query << currency << also;
    };

    // The issue's own examples.
    row(u"units sold in June 2022"_s, u"Sales · Units · sum · June 2022"_s, u"Sales"_s,
        u"SELECT SUM(c3) FROM {T} WHERE "_s + range(u"2022-06-01"_s, u"2022-07-01"_s), false);
    row(u"cost in Q3 2023"_s, u"Sales · Cost · sum · Q3 2023"_s, u"Sales"_s,
        u"SELECT SUM(c5) FROM {T} WHERE "_s + range(u"2023-07-01"_s, u"2023-10-01"_s), true);
    row(u"Which product categories grew fastest last quarter?"_s,
        u"Sales · Revenue · sum · by Product · growth from Q3 2024 to last quarter (Q4 2024) · top 1"_s,
        u"Sales"_s,
        u"SELECT MAX(g) FROM (SELECT (SUM(CASE WHEN "_s + range(u"2024-10-01"_s, u"2025-01-01"_s)
            + u" THEN c4 END) - SUM(CASE WHEN "_s + range(u"2024-07-01"_s, u"2024-10-01"_s)
            + u" THEN c4 END)) AS g FROM {T} GROUP BY c2)"_s,
        true, u"grew fastest"_s);

    // Sales: every measure over periods of each kind, with and without a category filter.
    struct Measure
    {
        QString word, label, column;
        bool currency;
    };
    const QList<Measure> salesMeasures = { { u"revenue"_s, u"Revenue"_s, u"c4"_s, true },
        { u"turnover"_s, u"Revenue"_s, u"c4"_s, true }, { u"cost"_s, u"Cost"_s, u"c5"_s, true },
        { u"units"_s, u"Units"_s, u"c3"_s, false }, { u"quantity"_s, u"Units"_s, u"c3"_s, false } };
    struct Period
    {
        QString words, label, from, to;
    };
    const QList<Period> salesPeriods = { { u"in 2023"_s, u"2023"_s, u"2023-01-01"_s,
                                             u"2024-01-01"_s },
        { u"in November 2024"_s, u"November 2024"_s, u"2024-11-01"_s, u"2024-12-01"_s },
        { u"in Q1 2022"_s, u"Q1 2022"_s, u"2022-01-01"_s, u"2022-04-01"_s },
        { u"on 15 March 2024"_s, u"15 March 2024"_s, u"2024-03-15"_s, u"2024-03-16"_s },
        { u"from 2023 to 2024"_s, u"2023 – 2024"_s, u"2023-01-01"_s, u"2025-01-01"_s },
        { u"last year"_s, u"last year (2024)"_s, u"2024-01-01"_s, u"2025-01-01"_s },
        { u"last month"_s, u"last month (December 2024)"_s, u"2024-12-01"_s, u"2025-01-01"_s } };
    struct Value
    {
        QString words, token, where;
    };
    const QList<Value> salesValues = { { QString(), QString(), QString() },
        { u"for EMEA"_s, u"Region = EMEA"_s, u"c1 = 'EMEA'"_s },
        { u"for monitors"_s, u"Product = Monitor"_s, u"c2 = 'Monitor'"_s },
        { u"for keyboards in APAC"_s, u"Region = APAC · Product = Keyboard"_s,
            u"c1 = 'APAC' AND c2 = 'Keyboard'"_s } };
    for (const Measure &m : salesMeasures) {
        for (const Period &p : salesPeriods) {
            for (const Value &v : salesValues) {
                if (m.word == u"quantity" && !v.words.isEmpty())
                    continue;
                const QString q = u"total "_s + m.word
                    + (v.words.isEmpty() ? QString() : u' ' + v.words) + u' ' + p.words;
                const QString line = u"Sales · "_s + m.label + u" · sum"_s
                    + (v.token.isEmpty() ? QString() : u" · "_s + v.token) + u" · "_s + p.label;
                QString where = range(p.from, p.to);
                if (!v.where.isEmpty())
                    where += u" AND "_s + v.where;
                row(q, line, u"Sales"_s,
                    u"SELECT SUM("_s + m.column + u") FROM {T} WHERE "_s + where, m.currency);
            }
        }
    }
    // Derived measures, averages, counts and rankings on Sales.
    row(u"profit in 2024"_s, u"Sales · Profit · 2024"_s, u"Sales"_s,
        u"SELECT SUM(c4) - SUM(c5) FROM {T} WHERE "_s + range(u"2024-01-01"_s, u"2025-01-01"_s),
        true);
    row(u"average revenue per quarter"_s, u"Sales · Revenue · sum · per quarter"_s, u"Sales"_s,
        u"SELECT AVG(s) FROM (SELECT SUM(c4) AS s FROM {T} GROUP BY strftime('%Y', c0, "
        u"'unixepoch'), "
        u"(CAST(strftime('%m', c0, 'unixepoch') AS INTEGER) - 1) / 3)"_s,
        true);
    row(u"average revenue per month for LATAM in 2023"_s,
        u"Sales · Revenue · sum · per month · Region = LATAM · 2023"_s, u"Sales"_s,
        u"SELECT AVG(s) FROM (SELECT SUM(c4) AS s FROM {T} WHERE c1 = 'LATAM' AND "_s
            + range(u"2023-01-01"_s, u"2024-01-01"_s)
            + u" GROUP BY strftime('%Y-%m', c0, 'unixepoch'))"_s,
        true);
    row(u"which region had the highest revenue in 2023"_s,
        u"Sales · Revenue · sum · by Region · 2023 · top 1"_s, u"Sales"_s,
        u"SELECT MAX(s) FROM (SELECT SUM(c4) AS s FROM {T} WHERE "_s
            + range(u"2023-01-01"_s, u"2024-01-01"_s) + u" GROUP BY c1)"_s,
        true, u"**Americas** has the highest revenue"_s);
    row(u"which product sold the fewest units"_s, u"Sales · Units · sum · by Product · bottom 1"_s,
        u"Sales"_s, u"SELECT MIN(s) FROM (SELECT SUM(c3) AS s FROM {T} GROUP BY c2)"_s, false,
        u"has the lowest units"_s);
    row(u"top 3 products by revenue in 2024"_s,
        u"Sales · Revenue · sum · by Product · 2024 · top 3"_s, u"Sales"_s,
        u"SELECT s FROM (SELECT SUM(c4) AS s FROM {T} WHERE "_s
            + range(u"2024-01-01"_s, u"2025-01-01"_s)
            + u" GROUP BY c2) ORDER BY s DESC LIMIT 1 OFFSET 2"_s,
        true, u"Top 3 of 5"_s);
    row(u"revenue 2023 vs 2024"_s, u"Sales · Revenue · sum · 2023 vs 2024"_s, u"Sales"_s,
        u"SELECT SUM(c4) FROM {T} WHERE "_s + range(u"2023-01-01"_s, u"2024-01-01"_s), true);
    row(u"share of revenue for Americas"_s, u"Sales · Share of revenue · Region = Americas"_s,
        u"Sales"_s, u"SELECT 1"_s, false, u"100.0%"_s);

    // Fleet: column names the analyst was never tuned on.
    const QList<Measure> fleetMeasures = { { u"trips"_s, u"Trips"_s, u"c3"_s, false },
        { u"fare"_s, u"Fare"_s, u"c4"_s, false }, { u"fuel"_s, u"Fuel"_s, u"c5"_s, false } };
    const QList<Period> fleetPeriods
        = { { u"in 2022"_s, u"2022"_s, u"2022-01-01"_s, u"2023-01-01"_s },
              { u"in March 2022"_s, u"March 2022"_s, u"2022-03-01"_s, u"2022-04-01"_s },
              { u"in Q2 2021"_s, u"Q2 2021"_s, u"2021-04-01"_s, u"2021-07-01"_s },
              { u"last quarter"_s, u"last quarter (Q2 2023)"_s, u"2023-04-01"_s, u"2023-07-01"_s },
              { u"between 2021 and 2022"_s, u"2021 – 2022"_s, u"2021-01-01"_s, u"2023-01-01"_s },
              { u"year to date"_s, u"year to date (1 January 2023 – 30 June 2023)"_s,
                  u"2023-01-01"_s, u"2023-07-01"_s } };
    const QList<Value> fleetValues = { { QString(), QString(), QString() },
        { u"for Harbour"_s, u"Depot = Harbour"_s, u"c1 = 'Harbour'"_s },
        { u"for trams"_s, u"Vehicle = Tram"_s, u"c2 = 'Tram'"_s },
        { u"for Ferry at North"_s, u"Depot = North · Vehicle = Ferry"_s,
            u"c1 = 'North' AND c2 = 'Ferry'"_s } };
    for (const Measure &m : fleetMeasures) {
        for (const Period &p : fleetPeriods) {
            for (const Value &v : fleetValues) {
                const QString q
                    = m.word + (v.words.isEmpty() ? QString() : u' ' + v.words) + u' ' + p.words;
                const QString line = u"Fleet · "_s + m.label + u" · sum"_s
                    + (v.token.isEmpty() ? QString() : u" · "_s + v.token) + u" · "_s + p.label;
                QString where = range(p.from, p.to);
                if (!v.where.isEmpty())
                    where += u" AND "_s + v.where;
                row(q, line, u"Fleet"_s,
                    u"SELECT SUM("_s + m.column + u") FROM {T} WHERE "_s + where, false);
            }
        }
    }
    row(u"average fuel per week for Bus"_s, u"Fleet · Fuel · sum · per week · Vehicle = Bus"_s,
        u"Fleet"_s,
        u"SELECT AVG(s) FROM (SELECT SUM(c5) AS s FROM {T} WHERE c2 = 'Bus' GROUP BY "
        u"strftime('%Y-%m-%d', c0, 'unixepoch', 'weekday 0', '-6 days'))"_s,
        false);
    row(u"which depot made the most trips in 2022"_s,
        u"Fleet · Trips · sum · by Depot · 2022 · top 1"_s, u"Fleet"_s,
        u"SELECT MAX(s) FROM (SELECT SUM(c3) AS s FROM {T} WHERE "_s
            + range(u"2022-01-01"_s, u"2023-01-01"_s) + u" GROUP BY c1)"_s,
        false, u"**Harbour**"_s);
    row(u"maximum fare"_s, u"Fleet · Fare · max"_s, u"Fleet"_s, u"SELECT MAX(c4) FROM {T}"_s,
        false);
}

void tst_QuestionTable::answers()
{
    QFETCH(QString, question);
    QFETCH(QString, interpretation);
    QFETCH(QString, dataset);
    QFETCH(QString, query);
    QFETCH(bool, currency);
    QFETCH(QString, also);
    const AgentReply reply = ask(question);
    QVERIFY2(!reply.error, qPrintable(reply.text));
    QVERIFY2(reply.interpretation, qPrintable(reply.text));
    QCOMPARE(reply.interpretation->value(u"text"_s).toString(), interpretation);
    const QString number = NumberFormat::number(sql(dataset, query), currency);
    if (query != u"SELECT 1")
        QVERIFY2(reply.text.contains(number), qPrintable(reply.text + u"\nexpected: "_s + number));
    QVERIFY2(reply.text.contains(also), qPrintable(reply.text + u"\nexpected: "_s + also));
    QVERIFY(reply.text.endsWith(u"*Read as: "_s + interpretation + u'*'));
}

QTEST_GUILESS_MAIN(tst_QuestionTable)
#include "tst_questiontable.moc"
