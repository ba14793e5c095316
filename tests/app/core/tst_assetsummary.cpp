// What an asset's card says about it (AssetSummary), read from its stored definition.
#include "app/core/assetsummary.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAssetSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void assetSummary_data();
    void assetSummary();
    void lookerDataNote();
};

void TestAssetSummary::assetSummary_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("headline");
    QTest::newRow("line chart with title")
        << u"item"_s
        << QByteArray(R"({"type":"line-chart","options":{"title":{"en":"Monthly revenue"}}})")
        << int(AssetSummary::Kind::Line) << u"Line chart · Monthly revenue"_s;
    QTest::newRow("title in another locale only")
        << u"item"_s << QByteArray(R"({"type":"bar-chart","options":{"title":{"fr":"Ventes"}}})")
        << int(AssetSummary::Kind::Bar) << u"Bar chart · Ventes"_s;
    QTest::newRow("no title") << u"item"_s << QByteArray(R"({"type":"donut-chart"})")
                              << int(AssetSummary::Kind::Pie) << u"Donut chart"_s;
    QTest::newRow("unknown type spelled out")
        << u"item"_s << QByteArray(R"({"type":"sankey-diagram","options":{"title":"Flows"}})")
        << int(AssetSummary::Kind::Other) << u"Sankey diagram · Flows"_s;
    QTest::newRow("title not an object")
        << u"item"_s << QByteArray(R"({"type":"line-chart","options":{"title":[1,2]}})")
        << int(AssetSummary::Kind::Line) << u"Line chart"_s;
    QTest::newRow("options not an object")
        << u"item"_s << QByteArray(R"({"type":"line-chart","options":7})")
        << int(AssetSummary::Kind::Line) << u"Line chart"_s;
    QTest::newRow("truncated json")
        << u"item"_s << QByteArray(R"({"type":"line-ch)") << int(AssetSummary::Kind::Unreadable)
        << u"Unreadable chart definition"_s;
    QTest::newRow("empty") << u"item"_s << QByteArray() << int(AssetSummary::Kind::Unreadable)
                           << u"Unreadable chart definition"_s;
    QTest::newRow("array") << u"item"_s << QByteArray("[1,2]")
                           << int(AssetSummary::Kind::Unreadable)
                           << u"Unreadable chart definition"_s;
    QTest::newRow("type not a string")
        << u"item"_s << QByteArray(R"({"type":42})") << int(AssetSummary::Kind::Unreadable)
        << u"Unreadable chart definition"_s;
    QTest::newRow("another kind of asset")
        << u"workflow"_s << QByteArray(R"({"name":{"en":"Weekly report"}})")
        << int(AssetSummary::Kind::Other) << u"Workflow · Weekly report"_s;
    QTest::newRow("looker query result")
        << u"looker-data"_s
        << QByteArray(R"({"query":{},"result":{"name":"monthly_sales","schema":{"fields":[
               {"name":"orders.month"},{"name":"orders.total"}]},"data":[{},{},{}]}})")
        << int(AssetSummary::Kind::Table) << u"Query result · monthly_sales"_s;
}

void TestAssetSummary::lookerDataNote()
{
    const AssetSummary summary = AssetSummary::fromJson(u"looker-data"_s,
        R"({"result":{"name":"r","schema":{"fields":[{"name":"a"},{"name":"b"}]},"data":[{},{}]}})");
    QCOMPARE(summary.note(), u"2 row(s) of a, b · in the conversation's JSON export"_s);
    // Other items say they are not drawn here, not that a later version will draw them.
    QVERIFY(AssetSummary::fromJson(u"item"_s, R"({"type":"bar-chart"})")
                .note()
                .startsWith(u"Not drawn here"_s));
}

void TestAssetSummary::assetSummary()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    QFETCH(QString, headline);
    const QVariantMap asset { { u"id"_s, 1 }, { u"type"_s, type }, { u"valueJson"_s, json } };
    const AssetSummary summary = AssetSummary::fromAsset(asset);
    QCOMPARE(int(summary.kind()), kind);
    QCOMPARE(summary.headline(), headline);
    QVERIFY(!summary.note().isEmpty());
    QCOMPARE(summary.isReadable(), kind != int(AssetSummary::Kind::Unreadable));
}

QTEST_GUILESS_MAIN(TestAssetSummary)
#include "tst_assetsummary.moc"
