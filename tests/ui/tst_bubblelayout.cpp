// The pure parts of the transcript's look: bubble geometry and time labels.
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
    void timeFormat_data();
    void timeFormat();
};

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
