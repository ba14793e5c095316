// What an asset's card says about it (AssetSummary), read from its stored definition.
#include "assetsummary.h"

#include <QTest>

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
        << u"item"_qs
        << QByteArray(R"({"type":"line-chart","options":{"title":{"en":"Monthly revenue"}}})")
        << int(AssetSummary::Kind::Line) << u"Line chart · Monthly revenue"_qs;
    QTest::newRow("title in another locale only")
        << u"item"_qs << QByteArray(R"({"type":"bar-chart","options":{"title":{"fr":"Ventes"}}})")
        << int(AssetSummary::Kind::Bar) << u"Bar chart · Ventes"_qs;
    QTest::newRow("no title") << u"item"_qs << QByteArray(R"({"type":"donut-chart"})")
                              << int(AssetSummary::Kind::Pie) << u"Donut chart"_qs;
    QTest::newRow("unknown type spelled out")
        << u"item"_qs << QByteArray(R"({"type":"sankey-diagram","options":{"title":"Flows"}})")
        << int(AssetSummary::Kind::Other) << u"Sankey diagram · Flows"_qs;
    QTest::newRow("title not an object")
        << u"item"_qs << QByteArray(R"({"type":"line-chart","options":{"title":[1,2]}})")
        << int(AssetSummary::Kind::Line) << u"Line chart"_qs;
    QTest::newRow("options not an object")
        << u"item"_qs << QByteArray(R"({"type":"line-chart","options":7})")
        << int(AssetSummary::Kind::Line) << u"Line chart"_qs;
    QTest::newRow("truncated json")
        << u"item"_qs << QByteArray(R"({"type":"line-ch)") << int(AssetSummary::Kind::Unreadable)
        << u"Unreadable chart definition"_qs;
    QTest::newRow("empty") << u"item"_qs << QByteArray() << int(AssetSummary::Kind::Unreadable)
                           << u"Unreadable chart definition"_qs;
    QTest::newRow("array") << u"item"_qs << QByteArray("[1,2]")
                           << int(AssetSummary::Kind::Unreadable)
                           << u"Unreadable chart definition"_qs;
    QTest::newRow("type not a string")
        << u"item"_qs << QByteArray(R"({"type":42})") << int(AssetSummary::Kind::Unreadable)
        << u"Unreadable chart definition"_qs;
    QTest::newRow("another kind of asset")
        << u"workflow"_qs << QByteArray(R"({"name":{"en":"Weekly report"}})")
        << int(AssetSummary::Kind::Other) << u"Workflow · Weekly report"_qs;
    QTest::newRow("looker query result")
        << u"looker-data"_qs
        << QByteArray(R"({"query":{},"result":{"name":"monthly_sales","schema":{"fields":[
               {"name":"orders.month"},{"name":"orders.total"}]},"data":[{},{},{}]}})")
        << int(AssetSummary::Kind::Table) << u"Query result · monthly_sales"_qs;
}

void TestAssetSummary::lookerDataNote()
{
    const AssetSummary summary = AssetSummary::fromJson(u"looker-data"_qs,
        R"({"result":{"name":"r","schema":{"fields":[{"name":"a"},{"name":"b"}]},"data":[{},{}]}})");
    QCOMPARE(summary.note(), u"2 row(s) of a, b · in the conversation's JSON export"_qs);
    // Other items say they are not drawn here, not that a later version will draw them.
    QVERIFY(AssetSummary::fromJson(u"item"_qs, R"({"type":"bar-chart"})")
                .note()
                .startsWith(u"Not drawn here"_qs));
}

void TestAssetSummary::assetSummary()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    QFETCH(QString, headline);
    const QVariantMap asset { { u"id"_qs, 1 }, { u"type"_qs, type }, { u"valueJson"_qs, json } };
    const AssetSummary summary = AssetSummary::fromAsset(asset);
    QCOMPARE(int(summary.kind()), kind);
    QCOMPARE(summary.headline(), headline);
    QVERIFY(!summary.note().isEmpty());
    QCOMPARE(summary.isReadable(), kind != int(AssetSummary::Kind::Unreadable));
}

QTEST_GUILESS_MAIN(TestAssetSummary)
#include "tst_assetsummary.moc"
