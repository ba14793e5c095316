// The analyst over real imported data (the bundled Sales sample and a generated "Fleet" dataset
// with other column names): each question's interpretation and its number, the number computed
// here by a plain SQL query over the dataset's table, never by the analyst's code.
#include "app/analyst/analystagent.h"
#include "app/analyst/helpanswer.h"
#include "app/analyst/interpretation.h"
#include "app/analyst/numberformat.h"
#include "app/analyst/questionparser.h"
#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "ui/emptystatewidget.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_QuestionTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answers_data();
    void answers();
    void refusals_data();
    void refusals();
    void roundTrip();
    void followUps();
    void suggestions();

private:
    DataFacts facts(const DatasetSchema &s) const;
    double sql(const QString &dataset, const QString &query) const;
    AgentReply ask(const QString &question, const std::optional<Intent> &previous = {});
    DatasetSchema schema(const QString &name) const;

    QTemporaryDir m_dir;
    DatasetStore m_store;
    QList<DatasetSchema> m_datasets;
};

namespace {

// Fleet: Day, Depot, Vehicle, Trips, Fare, Fuel from 2021-01-01 to 2023-06-30.
QByteArray fleetCsv()
{
    QByteArray csv = "Day,Depot,Vehicle,Trips,Fare,Fuel\n";
    const QStringList depots = { u"North"_s, u"South"_s, u"Harbour"_s };
    const QStringList vehicles = { u"Bus"_s, u"Tram"_s, u"Ferry"_s };
    int n = 0;
    for (QDate d(2021, 1, 1); d <= QDate(2023, 6, 30); d = d.addDays(1)) {
        for (int i = 0; i < depots.size(); ++i) {
            for (int j = 0; j < vehicles.size(); ++j) {
                ++n;
                const int trips = 10 + (n * 7 + d.month() * 3) % 40 + i * 5;
                const double fare = trips * (1.5 + j) + (n % 11) * 0.25;
                const double fuel = trips * (0.8 + 0.3 * j) + (n % 5);
                csv += d.toString(Qt::ISODate).toUtf8() + ',' + depots.at(i).toUtf8() + ','
                    + vehicles.at(j).toUtf8() + ',' + QByteArray::number(trips) + ','
                    + QByteArray::number(fare, 'f', 2) + ',' + QByteArray::number(fuel, 'f', 2)
                    + '\n';
            }
        }
    }
    return csv;
}

QString range(const QString &from, const QString &to)
{
    return u"c0 >= unixepoch('"_s + from + u"') AND c0 < unixepoch('"_s + to + u"')"_s;
}

} // namespace

void tst_QuestionTable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!m_store.open(m_dir.path()));
    QVERIFY(!m_store.ensureSampleDataset());
    QByteArray csv = fleetCsv();
    QBuffer buffer(&csv);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QVERIFY(m_store.import(buffer, u"Fleet"_s));
    const auto all = m_store.datasets();
    QVERIFY(all);
    m_datasets = *all;
    QCOMPARE(m_datasets.size(), 2);
}

DatasetSchema tst_QuestionTable::schema(const QString &name) const
{
    for (const DatasetSchema &d : m_datasets) {
        if (d.name == name)
            return d;
    }
    return {};
}

double tst_QuestionTable::sql(const QString &dataset, const QString &query) const
{
    const QString table = *m_store.tableName(schema(dataset).id);
    QSqlQuery q(m_store.connection());
    const QString text = QString(query).replace(u"{T}"_s, table);
    if (!q.exec(text) || !q.next())
        qFatal("SQL failed: %s", qPrintable(text));
    return q.value(0).toDouble();
}

AgentReply tst_QuestionTable::ask(const QString &question, const std::optional<Intent> &previous)
{
    const QueryEngine engine(m_store);
    AnalystAgent agent(m_datasets, [&engine](const DataQuery &query) {
        auto rows = engine.run(query);
        return rows ? std::variant<QList<QJsonArray>, QString>(*rows)
                    : std::variant<QList<QJsonArray>, QString>(rows.error().message);
    });
    return agent.generate(question, Agent::Analyst, {}, previous);
}

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

void tst_QuestionTable::refusals_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("names"); // what the answer must name, '|' separated
    QTest::newRow("unknown value") << u"monthly units for Gadgets"_s
                                   << u"\"Gadgets\"|Dock, Headset, Keyboard, Laptop, Monitor"_s;
    QTest::newRow("unknown column") << u"revenue by supplier"_s << u"column named \"supplier\""_s;
    QTest::newRow("own old suggestion")
        << u"Compare average order value by sales channel"_s << u"\"sales channel\"|\"order\""_s;
    QTest::newRow("before the data")
        << u"revenue in 2019"_s << u"2019|1 January 2022 to 31 December 2024"_s;
    QTest::newRow("after the data")
        << u"cost in March 2026"_s << u"March 2026|1 January 2022 to 31 December 2024"_s;
    QTest::newRow("off topic") << u"what is the weather tomorrow"_s
                               << u"\"weather\"|\"tomorrow\""_s;
    QTest::newRow("off topic, capitalised") << u"How tall is the Eiffel tower?"_s << u"Eiffel"_s;
    QTest::newRow("unknown value, fleet") << u"fare for Airport"_s << u"\"Airport\"|Harbour"_s;
    QTest::newRow("unknown column, fleet") << u"trips by driver"_s << u"\"driver\""_s;
}

void tst_QuestionTable::refusals()
{
    QFETCH(QString, question);
    QFETCH(QString, names);
    const AgentReply reply = ask(question);
    QVERIFY(!reply.item);
    QVERIFY(!reply.interpretation);
    QVERIFY(!reply.text.contains(u"Read as"_s));
    QVERIFY2(
        !reply.text.contains(u'$'), qPrintable(reply.text)); // no number answering another question
    for (const QString &name : names.split(u'|'))
        QVERIFY2(reply.text.contains(name), qPrintable(reply.text + u"\nmissing: "_s + name));
}

DataFacts tst_QuestionTable::facts(const DatasetSchema &s) const
{
    DataFacts facts;
    const QString table = *m_store.tableName(s.id);
    for (int i = 0; i < s.columns.size(); ++i) {
        QSqlQuery q(m_store.connection());
        const QString c = u"c"_s + QString::number(i);
        if (s.columns.at(i).type == ColumnType::Datetime) {
            q.exec(u"SELECT date(MIN("_s + c + u"), 'unixepoch'), date(MAX("_s + c
                + u"), 'unixepoch') FROM "_s + table);
            if (q.next()) {
                facts.first = QDate::fromString(q.value(0).toString(), Qt::ISODate);
                facts.last = QDate::fromString(q.value(1).toString(), Qt::ISODate);
            }
        } else if (s.columns.at(i).type == ColumnType::Hierarchy) {
            q.exec(u"SELECT DISTINCT "_s + c + u" FROM "_s + table + u" ORDER BY 1"_s);
            while (q.next())
                facts.values[s.columns.at(i).id].append(q.value(0).toString());
        }
    }
    return facts;
}

void tst_QuestionTable::roundTrip()
{
    for (const QString &name : { u"Sales"_s, u"Fleet"_s }) {
        const DatasetSchema s = schema(name);
        const DataFacts facts = this->facts(s);
        QList<const ColumnSchema *> numeric;
        QList<const ColumnSchema *> categories;
        for (const ColumnSchema &c : s.columns) {
            if (c.type == ColumnType::Numeric)
                numeric.append(&c);
            if (c.type == ColumnType::Hierarchy)
                categories.append(&c);
        }
        const QuestionParser parser(s, facts);
        QRandomGenerator random(11);
        for (int i = 0; i < 200; ++i) {
            Intent intent;
            intent.datasetId = s.id;
            intent.dateColumnId = s.columns.at(0).id;
            const ColumnSchema *m = numeric.at(random.bounded(int(numeric.size())));
            const Aggregation aggs[]
                = { Aggregation::Sum, Aggregation::Average, Aggregation::Min, Aggregation::Max };
            intent.measures = { { m->id, aggs[random.bounded(4)], m->name } };
            intent.level = random.bounded(6);
            if (random.bounded(2))
                intent.splitColumnId = categories.at(random.bounded(int(categories.size())))->id;
            for (const ColumnSchema *c : categories) {
                if (c->id != intent.splitColumnId && random.bounded(3) == 0) {
                    const QStringList values = facts.values.value(c->id);
                    intent.filters.append({ c->id, values.at(random.bounded(int(values.size()))) });
                }
            }
            const int year = facts.last.year() - random.bounded(2);
            const int kind = random.bounded(4);
            if (kind == 1)
                intent.period = { QDate(year, 1, 1), QDate(year + 1, 1, 1), QString::number(year) };
            else if (kind == 2)
                intent.period
                    = { QDate(year, 4, 1), QDate(year, 7, 1), u"Q2 "_s + QString::number(year) };
            else if (kind == 3)
                intent.period
                    = { QDate(year, 6, 1), QDate(year, 7, 1), u"June "_s + QString::number(year) };
            const QString question = Interpretation::question(intent, s);
            const Intent back = parser.parse(question);
            QVERIFY2(back.isValid(), qPrintable(question + u": "_s + back.missing));
            QCOMPARE(Interpretation::line(back, s), Interpretation::line(intent, s));
        }
    }
}

void tst_QuestionTable::followUps()
{
    const AgentReply first = ask(u"revenue by region in 2024"_s);
    QVERIFY(first.interpretation);
    const Intent previous = Interpretation::fromJson(*first.interpretation);
    const AgentReply laptops = ask(u"and only for laptops?"_s, previous);
    QVERIFY(laptops.interpretation);
    QCOMPARE(laptops.interpretation->value(u"text"_s).toString(),
        u"Sales · Revenue · sum · by Region · Product = Laptop · 2024"_s);
    const double emea = sql(u"Sales"_s,
        u"SELECT SUM(c4) FROM {T} WHERE c1 = 'EMEA' AND c2 = 'Laptop' AND "_s
            + range(u"2024-01-01"_s, u"2025-01-01"_s));
    QVERIFY2(laptops.text.contains(u"| EMEA | "_s + NumberFormat::number(emea, true) + u" |"_s),
        qPrintable(laptops.text));
    const AgentReply byProduct
        = ask(u"now by product"_s, Interpretation::fromJson(*laptops.interpretation));
    QCOMPARE(byProduct.interpretation->value(u"text"_s).toString(),
        u"Sales · Revenue · sum · by Product · 2024"_s);
    // A question naming another dataset's columns leaves the conversation's dataset, and says so.
    const AgentReply fleet = ask(u"trips by depot"_s, previous);
    QCOMPARE(
        fleet.interpretation->value(u"text"_s).toString(), u"Fleet · Trips · sum · by Depot"_s);
    QVERIFY(fleet.progress.join(u'\n').contains(u"not of Sales"_s));
}

void tst_QuestionTable::suggestions()
{
    const DatasetSchema sales = schema(u"Sales"_s);
    const QStringList prompts = EmptyStateWidget::examplePrompts();
    QCOMPARE(prompts, HelpAnswer::examples(sales, facts(sales)));
    for (const QString &name : { u"Sales"_s, u"Fleet"_s }) {
        const DatasetSchema s = schema(name);
        const QStringList examples = HelpAnswer::examples(s, facts(s));
        QCOMPARE(examples.size(), 3);
        for (const QString &example : examples) {
            const AgentReply reply = ask(example);
            QVERIFY2(
                !reply.error && reply.interpretation, qPrintable(example + u": "_s + reply.text));
            QVERIFY(reply.interpretation->value(u"text"_s).toString().startsWith(name));
        }
        QVERIFY(ask(examples.at(0)).item); // the trend is a chart
    }
    // The first-launch suggestions, answered with numbers from SQL.
    const AgentReply trend = ask(prompts.at(0));
    QVERIFY(trend.item);
    QCOMPARE(
        trend.interpretation->value(u"text"_s).toString(), u"Sales · Revenue · sum · by month"_s);
    const AgentReply ranking = ask(prompts.at(1));
    QCOMPARE(ranking.interpretation->value(u"text"_s).toString(),
        u"Sales · Revenue · sum · by Region · last year (2024) · top 1"_s);
    const double best = sql(u"Sales"_s,
        u"SELECT MAX(s) FROM (SELECT SUM(c4) AS s FROM {T} WHERE "_s
            + range(u"2024-01-01"_s, u"2025-01-01"_s) + u" GROUP BY c1)"_s);
    QVERIFY2(ranking.text.contains(u"**Americas** has the highest revenue last year (2024) ("_s
                 + NumberFormat::number(best, true) + u')'),
        qPrintable(ranking.text));
    const AgentReply number = ask(prompts.at(2));
    QCOMPARE(number.interpretation->value(u"text"_s).toString(),
        u"Sales · Units · sum · Product = Dock · 2024"_s);
    const double units = sql(u"Sales"_s,
        u"SELECT SUM(c3) FROM {T} WHERE c2 = 'Dock' AND "_s
            + range(u"2024-01-01"_s, u"2025-01-01"_s));
    QCOMPARE(
        number.text.section(u"\n"_s, 0, 0), u"**Units**: "_s + NumberFormat::number(units) + u'.');
}

QTEST_GUILESS_MAIN(tst_QuestionTable)
#include "tst_questiontable.moc"
