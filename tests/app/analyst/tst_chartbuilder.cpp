#include "app/analyst/chartbuilder.h"
#include "tests/app/analyst/faketable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ChartBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slots_data();
    void slots();
    void filters();
    void derivedIsItsOwnSeries();
    void exampleItemIsSaved();

private:
    static QJsonObject slot(const QJsonObject &item, const QString &name);
    static Intent monthlyRevenue();
    const FakeTable m_table = FakeTable::sales();
};

QJsonObject tst_ChartBuilder::slot(const QJsonObject &item, const QString &name)
{
    for (const QJsonValue &s : item.value(u"slots"_s).toArray()) {
        if (s.toObject().value(u"name"_s).toString() == name)
            return s.toObject();
    }
    return {};
}

Intent tst_ChartBuilder::monthlyRevenue()
{
    const DatasetSchema schema = FakeTable::sales().schema();
    Intent intent;
    intent.datasetId = schema.id;
    intent.dateColumnId = schema.columns.at(0).id;
    intent.level = 3;
    intent.measures = { { schema.columns.at(3).id, Aggregation::Sum, u"Revenue"_s } };
    intent.wantsChart = true;
    return intent;
}

void tst_ChartBuilder::slots_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("measureColumn");
    QTest::addColumn<Aggregation>("aggregation");
    QTest::addColumn<int>("splitColumn"); // -1: none
    QTest::addColumn<int>("expectedLevel");
    QTest::addColumn<QString>("aggregationFunc");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("currency");
    QTest::addColumn<QString>("title");

    QTest::newRow("monthly revenue") << 3 << 3 << Aggregation::Sum << -1 << 3 << u"sum"_s
                                     << u",.2f"_s << true << u"Monthly revenue"_s;
    QTest::newRow("no level defaults to month") << 0 << 3 << Aggregation::Sum << -1 << 3 << u"sum"_s
                                                << u",.2f"_s << true << u"Monthly revenue"_s;
    QTest::newRow("weekly units by region") << 4 << 5 << Aggregation::Sum << 1 << 4 << u"sum"_s
                                            << u",.0f"_s << false << u"Weekly units by region"_s;
    QTest::newRow("quarterly average cost by product")
        << 2 << 4 << Aggregation::Average << 2 << 2 << u"average"_s << u",.2f"_s << true
        << u"Quarterly average cost by product"_s;
    QTest::newRow("daily max units") << 5 << 5 << Aggregation::Max << -1 << 5 << u"max"_s
                                     << u",.0f"_s << false << u"Daily maximum units"_s;
    QTest::newRow("yearly count") << 1 << 3 << Aggregation::Count << -1 << 1 << u"count"_s
                                  << u",.0f"_s << false << u"Yearly count of revenue"_s;
}

void tst_ChartBuilder::slots()
{
    QFETCH(int, level);
    QFETCH(int, measureColumn);
    QFETCH(Aggregation, aggregation);
    QFETCH(int, splitColumn);
    QFETCH(int, expectedLevel);
    QFETCH(QString, aggregationFunc);
    QFETCH(QString, format);
    QFETCH(bool, currency);
    QFETCH(QString, title);

    const DatasetSchema &schema = m_table.schema();
    Intent intent = monthlyRevenue();
    intent.level = level;
    const ColumnSchema &measure = schema.columns.at(measureColumn);
    intent.measures = { { measure.id, aggregation, measure.name } };
    if (splitColumn >= 0)
        intent.splitColumnId = schema.columns.at(splitColumn).id;

    const QJsonObject item = ChartBuilder(schema).build(intent);
    QCOMPARE(item.value(u"type"_s).toString(), u"line-chart"_s);
    QCOMPARE(
        item.value(u"options"_s).toObject().value(u"title"_s).toObject().value(u"en"_s).toString(),
        title);
    QCOMPARE(item.value(u"slots"_s).toArray().size(), splitColumn >= 0 ? 3 : 2);

    const QJsonArray x = slot(item, u"x-axis"_s).value(u"content"_s).toArray();
    QCOMPARE(x.size(), 1);
    QCOMPARE(x.at(0)[u"datasetId"_s].toString(), schema.id);
    QCOMPARE(x.at(0)[u"columnId"_s].toString(), schema.columns.at(0).id);
    QCOMPARE(x.at(0)[u"type"_s].toString(), u"datetime"_s);
    QCOMPARE(x.at(0)[u"level"_s].toInt(), expectedLevel);
    QCOMPARE(x.at(0)[u"lowestLevel"_s].toInt(), 5);
    QCOMPARE(x.at(0)[u"label"_s][u"en"_s].toString(), u"Date"_s);

    const QJsonArray m = slot(item, u"measure"_s).value(u"content"_s).toArray();
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.at(0)[u"columnId"_s].toString(), measure.id);
    QCOMPARE(m.at(0)[u"type"_s].toString(), u"numeric"_s);
    QCOMPARE(m.at(0)[u"aggregationFunc"_s].toString(), aggregationFunc);
    QCOMPARE(m.at(0)[u"label"_s][u"en"_s].toString(), measure.name);
    QCOMPARE(m.at(0)[u"format"_s].toString(), format);
    QCOMPARE(m.at(0)[u"currency"_s].toString(), currency ? u"$"_s : QString());
    QCOMPARE(m.at(0)[u"subtype"_s].toString(), currency ? u"currency"_s : QString());

    const QJsonArray legend = slot(item, u"legend"_s).value(u"content"_s).toArray();
    QCOMPARE(legend.size(), splitColumn >= 0 ? 1 : 0);
    if (splitColumn >= 0) {
        QCOMPARE(legend.at(0)[u"columnId"_s].toString(), schema.columns.at(splitColumn).id);
        QCOMPARE(legend.at(0)[u"type"_s].toString(), u"hierarchy"_s);
        QCOMPARE(legend.at(0)[u"label"_s][u"en"_s].toString(), schema.columns.at(splitColumn).name);
    }
    QCOMPARE(item.value(u"options"_s)[u"display"_s][u"legend"_s].toBool(), splitColumn >= 0);
}

void tst_ChartBuilder::filters()
{
    const DatasetSchema &schema = m_table.schema();
    Intent intent = monthlyRevenue();
    intent.filters = { { schema.columns.at(1).id, u"EMEA"_s } };
    intent.period = { QDate(2024, 1, 1), QDate(2025, 1, 1), u"2024"_s };
    const QJsonObject item = ChartBuilder(schema).build(intent);
    QCOMPARE(ChartBuilder(schema).title(intent), u"Monthly revenue for EMEA in 2024"_s);

    const QJsonArray groups = item.value(u"filters"_s).toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[u"condition"_s].toString(), u"and"_s);
    const QJsonArray filters = groups.at(0)[u"filters"_s].toArray();
    QCOMPARE(filters.size(), 3);
    QCOMPARE(filters.at(0)[u"expression"_s].toString(), u"? in ?"_s);
    QCOMPARE(filters.at(0)[u"parameters"_s][0][u"columnId"_s].toString(), schema.columns.at(1).id);
    QCOMPARE(filters.at(0)[u"parameters"_s][1].toArray(), QJsonArray { u"EMEA"_s });
    QCOMPARE(filters.at(1)[u"expression"_s].toString(), u"? >= ?"_s);
    QCOMPARE(filters.at(1)[u"parameters"_s][0][u"columnId"_s].toString(), schema.columns.at(0).id);
    QCOMPARE(filters.at(1)[u"parameters"_s][0][u"level"_s].toInt(), 5);
    QCOMPARE(filters.at(1)[u"parameters"_s][1].toString(), u"2024-01-01T00:00:00.000Z"_s);
    QCOMPARE(filters.at(2)[u"expression"_s].toString(), u"? < ?"_s);
    QCOMPARE(filters.at(2)[u"parameters"_s][1].toString(), u"2025-01-01T00:00:00.000Z"_s);

    QCOMPARE(ChartBuilder(schema).build(monthlyRevenue()).value(u"filters"_s).toArray().size(), 0);
}

void tst_ChartBuilder::derivedIsItsOwnSeries()
{
    const DatasetSchema &schema = m_table.schema();
    Intent intent = monthlyRevenue();
    intent.derived = DerivedMeasure::Margin;
    intent.measures.append({ schema.columns.at(4).id, Aggregation::Sum, u"Cost"_s });
    const QJsonObject item = ChartBuilder(schema).build(intent);
    const QJsonArray m = slot(item, u"measure"_s).value(u"content"_s).toArray();
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.at(0)[u"label"_s][u"en"_s].toString(), u"Margin"_s);
    QCOMPARE(m.at(0)[u"format"_s].toString(), u".1%"_s);
    const QString revenue = u"SUM({"_s + schema.id + u':' + schema.columns.at(3).id + u"})"_s;
    const QString cost = u"SUM({"_s + schema.id + u':' + schema.columns.at(4).id + u"})"_s;
    QCOMPARE(m.at(0)[u"formula"_s].toString(),
        QString(u"("_s + revenue + u" - "_s + cost + u") / "_s + revenue));
    QCOMPARE(ChartBuilder(schema).title(intent), u"Monthly margin"_s);

    // The operands, for the answer's text.
    const QJsonArray operands = slot(ChartBuilder(schema).buildOperands(intent), u"measure"_s)
                                    .value(u"content"_s)
                                    .toArray();
    QCOMPARE(operands.size(), 2);
    QCOMPARE(operands.at(0)[u"label"_s][u"en"_s].toString(), u"Revenue"_s);
    QCOMPARE(operands.at(1)[u"label"_s][u"en"_s].toString(), u"Cost"_s);
    QVERIFY(!operands.at(0).toObject().contains(u"formula"_s));
}

// The saved example is what an npm-based test validates against Luzmo's line-chart JSON
// Schema. Regenerate with CHARTROOM_UPDATE_TEST_DATA=1.
void tst_ChartBuilder::exampleItemIsSaved()
{
    const QString path = qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR")
        + u"/tests/app/analyst/data/monthly-revenue-item.json"_s;
    const DatasetSchema &schema = m_table.schema();
    Intent intent = monthlyRevenue();
    intent.splitColumnId = schema.columns.at(1).id;
    intent.period = { QDate(2024, 1, 1), QDate(2025, 1, 1), u"2024"_s };
    const QJsonObject item = ChartBuilder(schema).build(intent);
    QFile file(path);
    if (qEnvironmentVariableIsSet("CHARTROOM_UPDATE_TEST_DATA")) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(item).toJson(QJsonDocument::Indented));
        file.close();
    }
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), item);
}

QTEST_GUILESS_MAIN(tst_ChartBuilder)
#include "tst_chartbuilder.moc"
