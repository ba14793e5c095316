// Time labels of the transcript and the conversation list (TimeFormat).
#include "app/core/timeformat.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimeFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timeFormat_data();
    void timeFormat();
};

void TestTimeFormat::timeFormat_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("list");
    const QDateTime now(QDate(2025, 3, 5), QTime(16, 0));
    QTest::newRow("today") << QDateTime(QDate(2025, 3, 5), QTime(14, 5)) << u"14:05"_s
                           << u"14:05"_s;
    QTest::newRow("this week") << QDateTime(QDate(2025, 3, 3), QTime(9, 30)) << u"Mon 3 Mar 09:30"_s
                               << u"Mon"_s;
    QTest::newRow("this year") << QDateTime(QDate(2025, 1, 20), QTime(8, 0))
                               << u"Mon 20 Jan 08:00"_s << u"20 Jan"_s;
    QTest::newRow("last year") << QDateTime(QDate(2024, 12, 31), QTime(23, 59))
                               << u"31 Dec 2024 23:59"_s << u"31 Dec 2024"_s;
    QTest::newRow("invalid") << QDateTime() << QString() << QString();
}

void TestTimeFormat::timeFormat()
{
    QFETCH(QDateTime, at);
    QFETCH(QString, message);
    QFETCH(QString, list);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDateTime now(QDate(2025, 3, 5), QTime(16, 0));
    QCOMPARE(TimeFormat::messageTime(at, now), message);
    QCOMPARE(TimeFormat::listTime(at, now), list);
}

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
