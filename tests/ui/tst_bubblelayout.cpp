// The pure parts of the transcript's look: bubble geometry and hit-testing, asset summaries
// and time labels.
#include "assetsummary.h"
#include "bubblelayout.h"
#include "timeformat.h"

#include <QLocale>
#include <QTest>

class TestBubbleLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bubbleLayout_data();
    void bubbleLayout();
    void sectionsAndCards();
    void hitTesting_data();
    void hitTesting();
    void footerUnderTheBubble();
    void assetSummary_data();
    void assetSummary();
    void lookerDataNote();
    void timeFormat_data();
    void timeFormat();
};

void TestBubbleLayout::sectionsAndCards()
{
    // View 800: text at most 545. Text 300x60, two cards, an error and a Retry link.
    BubbleLayout::Content c;
    c.header = QSize(80, 16);
    c.text = QSize(300, 60);
    c.cards = { QSize(400, 56), QSize(900, 56) };
    c.status = QSize(200, 32);
    c.action = QSize(70, 22);
    const BubbleLayout l(800, BubbleLayout::Side::Left, c);
    QCOMPARE(l.cardCount(), 2);
    // The widest content (the second card, clamped) sets the bubble's width.
    QCOMPARE(l.bubbleRect(), QRect(18, 27, 573, 10 + 60 + 8 + 56 + 6 + 56 + 8 + 32 + 8 + 22 + 10));
    QCOMPARE(l.textRect(), QRect(32, 37, 545, 60));
    QCOMPARE(l.cardRect(0), QRect(32, 105, 400, 56));
    QCOMPARE(l.cardRect(1), QRect(32, 167, 545, 56));
    QCOMPARE(l.statusRect(), QRect(32, 231, 545, 32));
    QCOMPARE(l.actionRect(), QRect(32, 271, 70, 22));
    QCOMPARE(l.actionRect().bottom() + 1 + 10, l.bubbleRect().bottom() + 1);
    QVERIFY(l.footerRect().isEmpty());
    QCOMPARE(l.sizeHint().height(), l.bubbleRect().bottom() + 1 + 7);
    QCOMPARE(l.cardRect(5), QRect()); // out of range: nothing

    // Cards without text start at the top of the bubble.
    BubbleLayout::Content cardOnly;
    cardOnly.cards = { QSize(400, 56) };
    const BubbleLayout o(800, BubbleLayout::Side::Left, cardOnly);
    QCOMPARE(o.cardRect(0).top(), o.bubbleRect().top() + 10);
    QCOMPARE(o.bubbleRect().height(), 76);
}

void TestBubbleLayout::hitTesting_data()
{
    QTest::addColumn<QPoint>("point");
    QTest::addColumn<int>("part");
    QTest::addColumn<int>("card");
    // Text (32,37 545x20), card (32,65 400x56), status (32,129 545x16), action (32,153 70x22),
    // bubble (18,27 573x158), footer under it at y 190.
    QTest::newRow("header") << QPoint(30, 10) << int(BubbleLayout::Part::Header) << -1;
    QTest::newRow("text") << QPoint(100, 45) << int(BubbleLayout::Part::Text) << -1;
    QTest::newRow("card") << QPoint(100, 80) << int(BubbleLayout::Part::Card) << 0;
    QTest::newRow("beside the card") << QPoint(500, 80) << int(BubbleLayout::Part::Bubble) << -1;
    QTest::newRow("status") << QPoint(100, 135) << int(BubbleLayout::Part::Status) << -1;
    QTest::newRow("action centre") << QPoint(67, 164) << int(BubbleLayout::Part::Action) << -1;
    QTest::newRow("action corner") << QPoint(32, 153) << int(BubbleLayout::Part::Action) << -1;
    QTest::newRow("action slop") << QPoint(104, 178) << int(BubbleLayout::Part::Action) << -1;
    QTest::newRow("past the slop") << QPoint(107, 164) << int(BubbleLayout::Part::Bubble) << -1;
    QTest::newRow("bubble padding") << QPoint(20, 30) << int(BubbleLayout::Part::Bubble) << -1;
    QTest::newRow("footer") << QPoint(40, 195) << int(BubbleLayout::Part::Footer) << -1;
    QTest::newRow("outside") << QPoint(700, 80) << int(BubbleLayout::Part::None) << -1;
    QTest::newRow("margin") << QPoint(5, 80) << int(BubbleLayout::Part::None) << -1;
}

void TestBubbleLayout::hitTesting()
{
    QFETCH(QPoint, point);
    QFETCH(int, part);
    QFETCH(int, card);
    BubbleLayout::Content c;
    c.header = QSize(80, 16);
    c.text = QSize(545, 20);
    c.cards = { QSize(400, 56) };
    c.status = QSize(300, 16);
    c.action = QSize(70, 22);
    c.footer = QSize(150, 14);
    const BubbleLayout l(800, BubbleLayout::Side::Left, c);
    QCOMPARE(l.actionRect(), QRect(32, 153, 70, 22));
    QCOMPARE(l.footerRect(), QRect(20, 190, 150, 14));
    int hitCard = -1;
    QCOMPARE(int(l.partAt(point, &hitCard)), part);
    QCOMPARE(hitCard, card);
}

void TestBubbleLayout::footerUnderTheBubble()
{
    BubbleLayout::Content c;
    c.header = QSize(80, 16);
    c.text = QSize(100, 20);
    c.footer = QSize(160, 14);
    const BubbleLayout left(800, BubbleLayout::Side::Left, c);
    QCOMPARE(left.footerRect().top(), left.bubbleRect().bottom() + 1 + 5);
    QCOMPARE(left.footerRect().left(), left.bubbleRect().left() + 2);
    QCOMPARE(left.sizeHint().height(), left.footerRect().bottom() + 1 + 7);
    const BubbleLayout right(800, BubbleLayout::Side::Right, c);
    QCOMPARE(right.footerRect().right(), right.bubbleRect().right());
    // No action: nothing is an action, even where one would be.
    QVERIFY(left.actionRect().isEmpty());
    QVERIFY(left.partAt(left.statusRect().topLeft()) != BubbleLayout::Part::Action);
}

void TestBubbleLayout::assetSummary_data()
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

void TestBubbleLayout::lookerDataNote()
{
    const AssetSummary summary = AssetSummary::fromJson(u"looker-data"_qs,
        R"({"result":{"name":"r","schema":{"fields":[{"name":"a"},{"name":"b"}]},"data":[{},{}]}})");
    QCOMPARE(summary.note(), u"2 row(s) of a, b · in the conversation's JSON export"_qs);
    // Other items say they are not drawn here, not that a later version will draw them.
    QVERIFY(AssetSummary::fromJson(u"item"_qs, R"({"type":"bar-chart"})")
                .note()
                .startsWith(u"Not drawn here"_qs));
}

void TestBubbleLayout::assetSummary()
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

void TestBubbleLayout::bubbleLayout_data()
{
    QTest::addColumn<int>("viewWidth");
    QTest::addColumn<bool>("user");
    QTest::addColumn<QSize>("text");
    QTest::addColumn<QSize>("status");
    QTest::addColumn<QRect>("bubble");
    QTest::addColumn<int>("height");

    // Defaults: margin 18, row spacing 7, padding 14x10, header gap 4, section gap 8.
    // View 800: usable 764, bubble at most 573, text at most 545.
    QTest::newRow("short user message, right")
        << 800 << true << QSize(100, 20) << QSize() << QRect(654, 27, 128, 40) << 74;
    QTest::newRow("short assistant message, left")
        << 800 << false << QSize(100, 20) << QSize() << QRect(18, 27, 128, 40) << 74;
    QTest::newRow("long text clamps to 75%")
        << 800 << false << QSize(2000, 200) << QSize() << QRect(18, 27, 573, 220) << 254;
    QTest::newRow("text and status")
        << 800 << false << QSize(300, 60) << QSize(120, 16) << QRect(18, 27, 328, 104) << 138;
    QTest::newRow("error only, no text")
        << 800 << false << QSize() << QSize(400, 32) << QRect(18, 27, 428, 52) << 86;
    QTest::newRow("tiny bubble keeps min width")
        << 800 << true << QSize(4, 20) << QSize() << QRect(734, 27, 48, 40) << 74;
    QTest::newRow("narrow view") << 200 << true << QSize(500, 40) << QSize()
                                 << QRect(59, 27, 123, 60) << 94;
    QTest::newRow("zero width view")
        << 0 << false << QSize(50, 20) << QSize() << QRect(18, 27, 48, 40) << 74;
}

void TestBubbleLayout::bubbleLayout()
{
    QFETCH(int, viewWidth);
    QFETCH(bool, user);
    QFETCH(QSize, text);
    QFETCH(QSize, status);
    QFETCH(QRect, bubble);
    QFETCH(int, height);
    const QSize header(80, 16);
    const BubbleLayout layout(viewWidth,
        user ? BubbleLayout::Side::Right : BubbleLayout::Side::Left, header, text, status);
    QCOMPARE(layout.bubbleRect(), bubble);
    QCOMPARE(layout.sizeHint().height(), height);
    QVERIFY(layout.bubbleRect().contains(layout.textRect()) || text.isEmpty());
    QVERIFY(layout.textRect().width() <= BubbleLayout::maxTextWidth(viewWidth));
    QCOMPARE(layout.headerRect().bottom() + 1 + 4, layout.bubbleRect().top());
    if (user)
        QCOMPARE(layout.headerRect().right(), layout.bubbleRect().right());
    else
        QVERIFY(layout.headerRect().left() >= layout.bubbleRect().left());
    if (!status.isEmpty())
        QVERIFY(layout.statusRect().bottom() < layout.bubbleRect().bottom());
}

void TestBubbleLayout::timeFormat_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("list");
    const QDateTime now(QDate(2025, 3, 5), QTime(16, 0));
    QTest::newRow("today") << QDateTime(QDate(2025, 3, 5), QTime(14, 5)) << u"14:05"_qs
                           << u"14:05"_qs;
    QTest::newRow("this week") << QDateTime(QDate(2025, 3, 3), QTime(9, 30))
                               << u"Mon 3 Mar 09:30"_qs << u"Mon"_qs;
    QTest::newRow("this year") << QDateTime(QDate(2025, 1, 20), QTime(8, 0))
                               << u"Mon 20 Jan 08:00"_qs << u"20 Jan"_qs;
    QTest::newRow("last year") << QDateTime(QDate(2024, 12, 31), QTime(23, 59))
                               << u"31 Dec 2024 23:59"_qs << u"31 Dec 2024"_qs;
    QTest::newRow("invalid") << QDateTime() << QString() << QString();
}

void TestBubbleLayout::timeFormat()
{
    QFETCH(QDateTime, at);
    QFETCH(QString, message);
    QFETCH(QString, list);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDateTime now(QDate(2025, 3, 5), QTime(16, 0));
    QCOMPARE(TimeFormat::messageTime(at, now), message);
    QCOMPARE(TimeFormat::listTime(at, now), list);
}

QTEST_GUILESS_MAIN(TestBubbleLayout)
#include "tst_bubblelayout.moc"
