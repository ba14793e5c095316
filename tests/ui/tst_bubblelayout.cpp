// The pure parts of the transcript's look: bubble geometry and hit-testing (asset summaries and
// time labels: tests/app/core).
#include "ui/bubblelayout.h"

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
    void showAllUnderTheText();
};

void TestBubbleLayout::showAllUnderTheText()
{
    // Header 16 at y 7, bubble from 27; text 300x60 at 37; the link a section gap below it,
    // then the card another section gap below: 10 + 60 + 8 + 16 + 8 + 56 + 10 = 168 high.
    BubbleLayout::Content c;
    c.header = QSize(80, 16);
    c.text = QSize(300, 60);
    c.showAll = QSize(120, 16);
    c.cards = { QSize(400, 56) };
    const BubbleLayout l(800, BubbleLayout::Side::Left, c);
    QCOMPARE(l.textRect(), QRect(32, 37, 400, 60));
    QCOMPARE(l.showAllRect(), QRect(32, 105, 120, 16));
    QCOMPARE(l.cardRect(0), QRect(32, 129, 400, 56));
    QCOMPARE(l.bubbleRect(), QRect(18, 27, 428, 168));
    QCOMPARE(l.partAt(QPoint(90, 112)), BubbleLayout::Part::ShowAll);
    QCOMPARE(l.partAt(QPoint(155, 123)), BubbleLayout::Part::ShowAll); // within the slop
    QCOMPARE(l.partAt(QPoint(90, 60)), BubbleLayout::Part::Text);
    // No link: nothing is one, and the card follows the text directly.
    c.showAll = QSize();
    const BubbleLayout plain(800, BubbleLayout::Side::Left, c);
    QVERIFY(plain.showAllRect().isEmpty());
    QCOMPARE(plain.cardRect(0).top(), 37 + 60 + 8);
    QVERIFY(plain.partAt(QPoint(90, 112)) != BubbleLayout::Part::ShowAll);
}

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

QTEST_GUILESS_MAIN(TestBubbleLayout)
#include "tst_bubblelayout.moc"
