// IsoTime::utcMsecs: hand-worked instants (computed apart, with Python's datetime), the forms it
// refuses, and agreement with Qt's own ISO parser for the forms it reads directly and for those
// it hands to Qt.
#include "app/charts/isotime.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

class TestIsoTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handWorked_data();
    void handWorked();
    void invalid_data();
    void invalid();
    void agreesWithQt_data();
    void agreesWithQt();
    void agreesWithQtOverManyDays();
};

void TestIsoTime::handWorked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs");
    // (datetime.fromisoformat(text).replace(tzinfo=utc) - epoch) // timedelta(milliseconds=1)
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << qint64(0);
    QTest::newRow("just before the epoch") << u"1969-12-31T23:59:59.999Z"_s << qint64(-1);
    QTest::newRow("leap day") << u"2024-02-29T12:34:56.789Z"_s << qint64(1709210096789);
    QTest::newRow("1800") << u"1800-01-01T00:00:00.000Z"_s << qint64(-5364662400000);
    QTest::newRow("year 1") << u"0001-01-01T00:00:00.000Z"_s << qint64(-62135596800000);
    QTest::newRow("year 9999") << u"9999-12-31T23:59:59.000Z"_s << qint64(253402300799000);
    QTest::newRow("an offset (Qt's path)")
        << u"2024-02-29T14:34:56.789+02:00"_s << qint64(1709210096789);
}

void TestIsoTime::handWorked()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    const std::optional<qint64> read = IsoTime::utcMsecs(text);
    QVERIFY(read.has_value());
    QCOMPARE(*read, msecs);
}

void TestIsoTime::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("not a date") << u"(empty)"_s;
    QTest::newRow("29 February 2023") << u"2023-02-29T00:00:00Z"_s;
    QTest::newRow("month 13") << u"2024-13-01T00:00:00.000Z"_s;
    QTest::newRow("day 0") << u"2024-01-00T00:00:00.000Z"_s;
    QTest::newRow("minute 60") << u"2024-01-01T10:60:00Z"_s;
    QTest::newRow("a letter in the year") << u"2O24-01-01T00:00:00Z"_s;
    QTest::newRow("Arabic-Indic digits") << u"٢٠٢٤-01-01T00:00:00Z"_s;
}

void TestIsoTime::invalid()
{
    QFETCH(QString, text);
    QVERIFY(!QDateTime::fromString(text, Qt::ISODateWithMs).isValid()); // Qt agrees
    QCOMPARE(IsoTime::utcMsecs(text), std::nullopt);
}

void TestIsoTime::agreesWithQt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no zone: local time") << u"2024-03-31T02:30:00"_s;
    QTest::newRow("two fraction digits") << u"2024-05-06T07:08:09.12Z"_s;
    QTest::newRow("six fraction digits") << u"2024-05-06T07:08:09.123456Z"_s;
    QTest::newRow("24:00") << u"2024-05-06T24:00:00Z"_s;
    QTest::newRow("a leap second") << u"2016-12-31T23:59:60Z"_s;
    QTest::newRow("a negative offset") << u"2024-05-06T01:00:00.000-05:30"_s;
    QTest::newRow("a date alone") << u"2024-05-06"_s;
    QTest::newRow("a space for T") << u"2024-05-06 07:08:09Z"_s;
    QTest::newRow("year 0") << u"0000-01-01T00:00:00Z"_s;
}

void TestIsoTime::agreesWithQt()
{
    QFETCH(QString, text);
    const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    const std::optional<qint64> read = IsoTime::utcMsecs(text);
    QCOMPARE(read.has_value(), qt.isValid());
    if (read)
        QCOMPARE(*read, qt.toMSecsSinceEpoch());
}

// Every 7th day from 1600 to 2400 at a time of day that moves with it, both directly read forms:
// the same instants as Qt's parser.
void TestIsoTime::agreesWithQtOverManyDays()
{
    const QDate first(1600, 1, 1);
    int compared = 0;
    for (qint64 day = 0; first.addDays(day).year() < 2400; day += 7) {
        const QDate date = first.addDays(day);
        const QTime time = QTime::fromMSecsSinceStartOfDay(int(day * 7919 % 86400000));
        const QString base = date.toString(u"yyyy-MM-dd"_s) + u'T' + time.toString(u"HH:mm:ss"_s);
        const QStringList texts { base + u'Z', base + u'.' + time.toString(u"zzz"_s) + u'Z' };
        for (const QString &text : texts) {
            const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
            QVERIFY2(qt.isValid(), qPrintable(text));
            const std::optional<qint64> read = IsoTime::utcMsecs(text);
            QVERIFY2(read.has_value(), qPrintable(text));
            QCOMPARE(*read, qt.toMSecsSinceEpoch());
            ++compared;
        }
    }
    QCOMPARE(compared, 2 * 41742); // 292,194 days (1600-01-01 to 2400-01-01) / 7, rounded up, twice
}

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
