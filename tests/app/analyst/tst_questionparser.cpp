#include "app/analyst/questionparser.h"
#include "app/analyst/textmatch.h"
#include "tests/app/analyst/faketable.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(DerivedMeasure)

class tst_QuestionParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void distance_data();
    void distance();

private:
    static QString describeMeasures(const DatasetSchema &schema, const Intent &intent);
    static QString describeFilters(const DatasetSchema &schema, const Intent &intent);
};

QString tst_QuestionParser::describeMeasures(const DatasetSchema &schema, const Intent &intent)
{
    static const char *const names[] = { "sum", "average", "count", "distinctcount", "min", "max" };
    QStringList out;
    for (const MeasureSpec &m : intent.measures) {
        const ColumnSchema *c = schema.column(m.columnId);
        out.append((c ? c->name : u"*"_s) + u':' + QLatin1StringView(names[int(m.aggregation)]));
    }
    return out.join(u',');
}

QString tst_QuestionParser::describeFilters(const DatasetSchema &schema, const Intent &intent)
{
    QStringList out;
    for (const CategoryFilter &f : intent.filters)
        out.append(schema.column(f.columnId)->name + u'=' + f.value);
    return out.join(u',');
}

void tst_QuestionParser::parse_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("measures");
    QTest::addColumn<DerivedMeasure>("derived");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("split");
    QTest::addColumn<QString>("filters");
    QTest::addColumn<int>("yearFrom");
    QTest::addColumn<int>("yearTo");
    QTest::addColumn<bool>("chart");

    const auto none = DerivedMeasure::None;
    QTest::newRow("monthly revenue line chart")
        << u"Show monthly revenue as a line chart"_s << true << u"Revenue:sum"_s << none << 3
        << QString() << QString() << 0 << 0 << true;
    QTest::newRow("weekly units by region in 2024")
        << u"weekly units by region in 2024"_s << true << u"Units:sum"_s << none << 4 << u"Region"_s
        << QString() << 2024 << 2024 << false;
    QTest::newRow("compare margin by region")
        << u"compare margin by region"_s << true << u"Revenue:sum,Cost:sum"_s
        << DerivedMeasure::Margin << 0 << u"Region"_s << QString() << 0 << 0 << false;
    QTest::newRow("average revenue per quarter for EMEA")
        << u"average revenue per quarter for EMEA"_s << true << u"Revenue:sum"_s << none << 0
        << QString() << u"Region=EMEA"_s << 0 << 0 << false;
    QTest::newRow("typos") << u"show me reveneu by prodcut"_s << true << u"Revenue:sum"_s << none
                           << 0 << u"Product"_s << QString() << 0 << 0 << false;
    QTest::newRow("sales trend (synonym, default month)")
        << u"sales trend"_s << true << u"Revenue:sum"_s << none << 3 << QString() << QString() << 0
        << 0 << true;
    QTest::newRow("unmappable") << u"what is the weather tomorrow"_s << false << QString() << none
                                << 0 << QString() << QString() << 0 << 0 << false;
    QTest::newRow("unmappable tower") << u"How tall is the Eiffel tower?"_s << false << QString()
                                      << none << 0 << QString() << QString() << 0 << 0 << false;
    QTest::newRow("turnover per market")
        << u"Turnover per market"_s << true << u"Revenue:sum"_s << none << 0 << u"Region"_s
        << QString() << 0 << 0 << false;
    QTest::newRow("quantity by item") << u"QUANTITY BY ITEM"_s << true << u"Units:sum"_s << none
                                      << 0 << u"Product"_s << QString() << 0 << 0 << false;
    QTest::newRow("expenses over time") << u"expenses over time"_s << true << u"Cost:sum"_s << none
                                        << 3 << QString() << QString() << 0 << 0 << true;
    QTest::newRow("max units per day") << u"max units per day"_s << true << u"Units:max"_s << none
                                       << 5 << QString() << QString() << 0 << 0 << false;
    QTest::newRow("lowest cost in apac")
        << u"lowest cost in apac"_s << true << u"Cost:min"_s << none << 0 << QString()
        << u"Region=APAC"_s << 0 << 0 << false;
    QTest::newRow("number of rows by region")
        << u"number of rows by region"_s << true << u"*:count"_s << none << 0 << u"Region"_s
        << QString() << 0 << 0 << false;
    QTest::newRow("profit by product in 2023")
        << u"profit by product in 2023"_s << true << u"Revenue:sum,Cost:sum"_s
        << DerivedMeasure::Profit << 0 << u"Product"_s << QString() << 2023 << 2023 << false;
    QTest::newRow("price per unit by region")
        << u"price per unit by region"_s << true << u"Revenue:sum,Units:sum"_s
        << DerivedMeasure::PricePerUnit << 0 << u"Region"_s << QString() << 0 << 0 << false;
    QTest::newRow("revenue per unit")
        << u"revenue per unit, monthly"_s << true << u"Revenue:sum,Units:sum"_s
        << DerivedMeasure::PricePerUnit << 3 << QString() << QString() << 0 << 0 << false;
    QTest::newRow("plural value, yearly")
        << u"yearly revenue for gadgets"_s << true << u"Revenue:sum"_s << none << 1 << QString()
        << u"Product=Gadget"_s << 0 << 0 << false;
    QTest::newRow("year range") << u"revenue and cost from 2023 to 2024"_s << true
                                << u"Revenue:sum,Cost:sum"_s << none << 0 << QString() << QString()
                                << 2023 << 2024 << false;
    QTest::newRow("most is not cost")
        << u"which region has the most revenue"_s << true << u"Revenue:sum"_s << none << 0
        << u"Region"_s << QString() << 0 << 0 << false;
    QTest::newRow("two filters, for each")
        << u"plot units for each product in EMEA"_s << true << u"Units:sum"_s << none << 3
        << u"Product"_s << u"Region=EMEA"_s << 0 << 0 << true;
    QTest::newRow("in the year") << u"total cost in the year 2024 by quarter"_s << true
                                 << u"Cost:sum"_s << none << 2 << QString() << QString() << 2024
                                 << 2024 << false;
}

void tst_QuestionParser::parse()
{
    QFETCH(QString, question);
    QFETCH(bool, valid);
    QFETCH(QString, measures);
    QFETCH(DerivedMeasure, derived);
    QFETCH(int, level);
    QFETCH(QString, split);
    QFETCH(QString, filters);
    QFETCH(int, yearFrom);
    QFETCH(int, yearTo);
    QFETCH(bool, chart);

    const FakeTable table = FakeTable::sales();
    const DatasetSchema &schema = table.schema();
    const QHash<QString, QStringList> values {
        { schema.columns.at(1).id, { u"EMEA"_s, u"APAC"_s, u"Americas"_s } },
        { schema.columns.at(2).id, { u"Widget"_s, u"Gadget"_s } },
    };
    const Intent intent = QuestionParser(schema, values).parse(question);

    QCOMPARE(intent.isValid(), valid);
    QCOMPARE(intent.missing.isEmpty(), valid);
    QCOMPARE(intent.datasetId, schema.id);
    QCOMPARE(describeMeasures(schema, intent), measures);
    QCOMPARE(intent.derived, derived);
    QCOMPARE(intent.level, level);
    const ColumnSchema *splitColumn = schema.column(intent.splitColumnId);
    QCOMPARE(splitColumn ? splitColumn->name : QString(), split);
    QCOMPARE(describeFilters(schema, intent), filters);
    QCOMPARE(intent.period.isValid() ? intent.period.from.year() : 0, yearFrom);
    QCOMPARE(intent.period.isValid() ? intent.period.to.addDays(-1).year() : 0, yearTo);
    QCOMPARE(intent.wantsChart, chart);
    QCOMPARE(intent.dateColumnId, schema.columns.at(0).id);
}

void tst_QuestionParser::distance_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("matches");

    QTest::newRow("transposition") << u"reveneu"_s << u"revenue"_s << true;
    QTest::newRow("plural") << u"regions"_s << u"region"_s << true;
    QTest::newRow("synonym") << u"volume"_s << u"units"_s << true;
    QTest::newRow("two edits, long word") << u"prodacts"_s << u"product"_s << true;
    QTest::newRow("two edits, short word") << u"cots"_s << u"cost"_s << true;
    QTest::newRow("too far") << u"cast"_s << u"units"_s << false;
    QTest::newRow("short word no typo") << u"cot"_s << u"cost"_s << false;
    QTest::newRow("keyword never fuzzy") << u"most"_s << u"cost"_s << false;
    QTest::newRow("different first letter") << u"host"_s << u"cost"_s << false;
}

void tst_QuestionParser::distance()
{
    QFETCH(QString, word);
    QFETCH(QString, target);
    QFETCH(bool, matches);
    QCOMPARE(TextMatch::matches(word, target), matches);
}

QTEST_GUILESS_MAIN(tst_QuestionParser)
#include "tst_questionparser.moc"
