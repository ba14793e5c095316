// AggregationFormula and the engine's formula measures: what parses (and the error for what
// does not), values worked out by hand, and margin by month from the engine against the same
// figure from a plain SQL query over the dataset's table.

#include "app/datasets/aggregationformula.h"
#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "tests/support/csvfixture.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray csv = "Date,Region,Revenue,Cost\n"
                       "2024-01-03,EMEA,100,60\n"
                       "2024-01-20,APAC,50,45\n"
                       "2024-02-01,EMEA,200,150\n"
                       "2024-02-09,APAC,0,10\n"
                       "2024-03-15,EMEA,,5\n" // March: no revenue, so no margin
                       "2024-04-01,APAC,80,20\n";

std::optional<double> number(const QVariant &v)
{
    return v.isValid() && !v.isNull() ? std::optional<double>(v.toDouble()) : std::nullopt;
}
} // namespace

class TestAggregationFormula : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_store.open(m_dir.path()));
        const auto imported = importBytes(m_store, csv, u"small"_s);
        QVERIFY(imported.ok());
        m_id = imported->id;
    }

    void parse_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("terms"); // -1: refused
        QTest::addColumn<QString>("error"); // a part of the refusal
        QTest::newRow("one sum") << u"SUM({d:rev})"_s << 1 << QString();
        QTest::newRow("margin, repeated term")
            << u"(SUM({d:rev}) - SUM({d:cost})) / SUM({d:rev})"_s << 2 << QString();
        QTest::newRow("rows") << u"COUNTR()"_s << 1 << QString();
        QTest::newRow("lower case, spaces") << u" sum( {d:rev} ) * 2 "_s << 1 << QString();
        QTest::newRow("every function")
            << u"SUM({d:a})+AVG({d:a})+COUNT({d:a})+COUNTD({d:a})+MIN({d:a})+MAX({d:a})"_s << 6
            << QString();
        QTest::newRow("no reference") << u"SUM(rev)"_s << -1 << u"reference"_s;
        QTest::newRow("other dataset") << u"SUM({x:rev})"_s << -1 << u"another dataset"_s;
        QTest::newRow("no column") << u"SUM({d:})"_s << -1 << u"names no column"_s;
        QTest::newRow("unknown function") << u"MEDIAN({d:rev})"_s << -1 << u"MEDIAN"_s;
        QTest::newRow("open parenthesis") << u"(SUM({d:rev})"_s << -1 << u")"_s;
        QTest::newRow("dangling operator") << u"SUM({d:rev}) +"_s << -1 << u"ends"_s;
        QTest::newRow("empty") << QString() << -1 << u"ends"_s;
        QTest::newRow("trailing text") << u"SUM({d:rev}) rev"_s << -1 << u"unexpected"_s;
        QTest::newRow("deep nesting")
            << QString(u"("_s.repeated(100) + u"1"_s + u")"_s.repeated(100)) << -1 << u"deeply"_s;
    }

    void parse()
    {
        QFETCH(QString, expression);
        QFETCH(int, terms);
        QFETCH(QString, error);
        const auto parsed = AggregationFormula::parse(expression, u"d"_s);
        if (terms < 0) {
            QVERIFY(!parsed.has_value());
            QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
            return;
        }
        const QString *refusal = parsed ? nullptr : &parsed.error();
        QVERIFY2(!refusal, refusal ? qPrintable(*refusal) : "");
        QCOMPARE(parsed->terms().size(), terms);
    }

    void evaluate_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QVariantList>("termValues");
        QTest::addColumn<QVariant>("expected"); // null: no value
        const QString margin = u"(SUM({d:rev}) - SUM({d:cost})) / SUM({d:rev})"_s;
        QTest::newRow("margin") << margin << QVariantList { 200.0, 150.0 } << QVariant(0.25);
        QTest::newRow("margin, no revenue") << margin << QVariantList { 0.0, 10.0 } << QVariant();
        QTest::newRow("margin, null revenue")
            << margin << QVariantList { QVariant(), 5.0 } << QVariant();
        QTest::newRow("precedence") << u"1 + 2 * 3 - 4 / 2"_s << QVariantList {} << QVariant(5.0);
        QTest::newRow("parentheses") << u"(1 + 2) * 3"_s << QVariantList {} << QVariant(9.0);
        QTest::newRow("unary minus")
            << u"-SUM({d:a}) * -2"_s << QVariantList { 3.0 } << QVariant(6.0);
        QTest::newRow("decimals") << u"SUM({d:a}) * 0.5"_s << QVariantList { 3.0 } << QVariant(1.5);
        QTest::newRow("divide by zero") << u"1 / 0"_s << QVariantList {} << QVariant();
    }

    void evaluate()
    {
        QFETCH(QString, expression);
        QFETCH(QVariantList, termValues);
        QFETCH(QVariant, expected);
        const auto parsed = AggregationFormula::parse(expression, u"d"_s);
        QVERIFY(parsed.has_value());
        QList<std::optional<double>> values;
        for (const QVariant &v : termValues)
            values.append(number(v));
        const std::optional<double> actual = parsed->evaluate(values);
        QCOMPARE(actual.has_value(), !expected.isNull());
        if (actual)
            QCOMPARE(*actual, expected.toDouble());
    }

    // Each single aggregate, written as an expression, reads back as that one term.
    void termExpressionReadsBack_data()
    {
        QTest::addColumn<QString>("columnId");
        QTest::addColumn<int>("aggregation");
        QTest::addColumn<QString>("expression"); // written by hand
        QTest::newRow("sum") << u"rev"_s << int(Aggregation::Sum) << u"SUM({d:rev})"_s;
        QTest::newRow("average") << u"rev"_s << int(Aggregation::Average) << u"AVG({d:rev})"_s;
        QTest::newRow("count") << u"rev"_s << int(Aggregation::Count) << u"COUNT({d:rev})"_s;
        QTest::newRow("distinct") << u"rev"_s << int(Aggregation::DistinctCount)
                                  << u"COUNTD({d:rev})"_s;
        QTest::newRow("min") << u"rev"_s << int(Aggregation::Min) << u"MIN({d:rev})"_s;
        QTest::newRow("max") << u"rev"_s << int(Aggregation::Max) << u"MAX({d:rev})"_s;
        QTest::newRow("rows") << QString() << int(Aggregation::Count) << u"COUNTR()"_s;
    }

    void termExpressionReadsBack()
    {
        QFETCH(QString, columnId);
        QFETCH(int, aggregation);
        QFETCH(QString, expression);
        QueryMeasure measure;
        measure.columnId = columnId;
        measure.aggregation = Aggregation(aggregation);
        QCOMPARE(AggregationFormula::termExpression(u"d"_s, measure), expression);
        const auto parsed = AggregationFormula::parse(expression, u"d"_s);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->terms(), QList<QueryMeasure> { measure });
    }

    // Margin by month, from the engine and from plain SQL over the dataset's table.
    void marginByMonthMatchesSql()
    {
        DataQuery q = marginQuery();
        const auto rows = QueryEngine(m_store).run(q);
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().toString()));

        QSqlQuery sql(m_store.connection());
        QVERIFY(sql.exec(u"SELECT strftime('%Y-%m', "_s + column(u"Date"_s)
            + u", 'unixepoch'), (SUM(" + column(u"Revenue"_s) + u") - SUM(" + column(u"Cost"_s)
            + u")) / NULLIF(SUM(" + column(u"Revenue"_s) + u"), 0) FROM " + *m_store.tableName(m_id)
            + u" GROUP BY 1 ORDER BY 1"));
        int r = 0;
        for (; sql.next(); ++r) {
            QVERIFY(r < rows->size());
            const QJsonArray row = rows->at(r);
            QVERIFY2(row.at(0).toString().startsWith(sql.value(0).toString()),
                qPrintable(row.at(0).toString()));
            QCOMPARE(row.at(1).isNull(), sql.value(1).isNull());
            if (!sql.value(1).isNull())
                QCOMPARE(row.at(1).toDouble(), sql.value(1).toDouble());
        }
        QCOMPARE(r, 4);
        QCOMPARE(rows->size(), 4);
        QVERIFY(rows->at(2).at(1).isNull()); // March: revenue is null
    }

    // Ordered on the formula, then limited: the two best months by margin (hand-worked:
    // April 0.75, January 0.3, February 0.2, March none).
    void orderOnFormulaThenLimit()
    {
        DataQuery q = marginQuery();
        q.order = { QuerySort { 1, true } };
        q.limit = 2;
        const auto rows = QueryEngine(m_store).run(q);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        QVERIFY(rows->at(0).at(0).toString().startsWith(u"2024-04"_s));
        QCOMPARE(rows->at(0).at(1).toDouble(), 0.75);
        QVERIFY(rows->at(1).at(0).toString().startsWith(u"2024-01"_s));
        QCOMPARE(rows->at(1).at(1).toDouble(), 0.3);
    }

    void unknownColumnIsNamed()
    {
        DataQuery q = marginQuery();
        q.measures.first().formula = u"SUM({"_s + m_id + u":nope})";
        const auto rows = QueryEngine(m_store).run(q);
        QVERIFY(!rows.ok());
        QVERIFY2(rows.error().message.contains(u"nope"_s), qPrintable(rows.error().message));
    }

private:
    QString column(const QString &name) const
    {
        const auto schema = m_store.dataset(m_id);
        for (int i = 0; i < schema->columns.size(); ++i) {
            if (schema->columns.at(i).name == name)
                return DatasetStore::columnSqlName(i);
        }
        return {};
    }

    DataQuery marginQuery() const
    {
        const QString rev
            = u"SUM({"_s + m_id + u':' + DatasetStore::columnId(m_id, u"Revenue"_s) + u"})";
        const QString cost
            = u"SUM({"_s + m_id + u':' + DatasetStore::columnId(m_id, u"Cost"_s) + u"})";
        DataQuery q;
        q.datasetId = m_id;
        q.dimensions = { QueryDimension { DatasetStore::columnId(m_id, u"Date"_s), 3 } };
        QueryMeasure margin;
        margin.formula = u"("_s + rev + u" - " + cost + u") / " + rev;
        q.measures = { margin };
        return q;
    }

    QTemporaryDir m_dir;
    DatasetStore m_store;
    QString m_id;
};

QTEST_GUILESS_MAIN(TestAggregationFormula)
#include "tst_aggregationformula.moc"
