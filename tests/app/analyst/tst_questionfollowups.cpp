// The analyst over real imported data (as tst_questiontable): what it refuses and names, questions
// written from random intents that parse back to them, follow-ups that change one part of the
// previous question, and the suggested questions answered with numbers from plain SQL.
#include "app/analyst/helpanswer.h"
#include "app/analyst/interpretation.h"
#include "app/analyst/numberformat.h"
#include "tests/app/analyst/questiontablefixture.h"
#include "ui/emptystatewidget.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_QuestionFollowUps : public QuestionTableFixture
{
    Q_OBJECT

private Q_SLOTS:
    void refusals_data();
    void refusals();
    void roundTrip();
    void followUps();
    void suggestions();
};

void tst_QuestionFollowUps::refusals_data()
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

void tst_QuestionFollowUps::refusals()
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

void tst_QuestionFollowUps::roundTrip()
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

void tst_QuestionFollowUps::followUps()
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

void tst_QuestionFollowUps::suggestions()
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

QTEST_GUILESS_MAIN(tst_QuestionFollowUps)
#include "tst_questionfollowups.moc"
