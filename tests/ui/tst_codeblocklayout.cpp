// The geometry of a code block's "Copy" button (CodeBlockLayout), worked out by hand: the button
// is the label plus 6 px left and right and 1 px above and below, 4 px inside the box's top-right
// corner; the code's first line leaves 8 + button + 4 px at its right.
#include "ui/codeblocklayout.h"

#include <QTest>

class TestCodeBlockLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buttonRects();
    void hitTesting_data();
    void hitTesting();
    void firstLineLeavesRoom();
};

void TestCodeBlockLayout::buttonRects()
{
    // Label 30x12: button 42x14. Box 1 from x 10, 300 wide: the button's left 10 + 300 - 4 - 42
    // = 264, its top 20 + 4 = 24. Box 2 (0, 100, 120x26): left 120 - 4 - 42 = 74, top 104.
    const CodeBlockLayout layout({ QRect(10, 20, 300, 40), QRect(0, 100, 120, 26) }, QSize(30, 12));
    QCOMPARE(layout.count(), 2);
    QCOMPARE(layout.buttonRect(0), QRect(264, 24, 42, 14));
    QCOMPARE(layout.buttonRect(1), QRect(74, 104, 42, 14));
    QCOMPARE(layout.boxRect(1), QRect(0, 100, 120, 26));
    QCOMPARE(layout.buttonRect(2), QRect());
}

void TestCodeBlockLayout::hitTesting_data()
{
    // The boxes of buttonRects(): button 0 spans x 264..305, y 24..37; button 1 x 74..115,
    // y 104..117.
    QTest::addColumn<QPoint>("point");
    QTest::addColumn<int>("expected");
    QTest::newRow("button 0, top-left pixel") << QPoint(264, 24) << 0;
    QTest::newRow("button 0, bottom-right pixel") << QPoint(305, 37) << 0;
    QTest::newRow("button 0, centre") << QPoint(285, 31) << 0;
    QTest::newRow("left of button 0") << QPoint(263, 30) << -1;
    QTest::newRow("right of button 0, in the inset") << QPoint(306, 30) << -1;
    QTest::newRow("above button 0, in the inset") << QPoint(285, 23) << -1;
    QTest::newRow("below button 0") << QPoint(285, 38) << -1;
    QTest::newRow("box 0's code") << QPoint(40, 45) << -1;
    QTest::newRow("button 1") << QPoint(80, 110) << 1;
    QTest::newRow("box 1 left of its button") << QPoint(73, 110) << -1;
    QTest::newRow("between the boxes") << QPoint(80, 80) << -1;
}

void TestCodeBlockLayout::hitTesting()
{
    QFETCH(QPoint, point);
    QFETCH(int, expected);
    const CodeBlockLayout layout({ QRect(10, 20, 300, 40), QRect(0, 100, 120, 26) }, QSize(30, 12));
    QCOMPARE(layout.buttonAt(point), expected);
}

void TestCodeBlockLayout::firstLineLeavesRoom()
{
    // 8 (padding) + 42 (button) + 4 (inset) = 54; with other metrics 3 + (20 + 2) + 5 = 30.
    QCOMPARE(CodeBlockLayout::firstLineRightMargin(QSize(30, 12), {}), 54);
    QCOMPARE(CodeBlockLayout::buttonSize(QSize(30, 12), {}), QSize(42, 14));
    CodeBlockLayout::Metrics metrics;
    metrics.paddingX = 3;
    metrics.inset = 5;
    metrics.buttonPaddingX = 1;
    QCOMPARE(CodeBlockLayout::firstLineRightMargin(QSize(20, 12), metrics), 30);
}

QTEST_GUILESS_MAIN(TestCodeBlockLayout)
#include "tst_codeblocklayout.moc"
