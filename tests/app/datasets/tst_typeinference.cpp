// ValueParser (numbers, dates) and TypeInference (column types, levels, currency hints).

#include "app/datasets/typeinference.h"
#include "app/datasets/valueparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTypeInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void number_data();
    void number();
    void dateTime_data();
    void dateTime();
    void civilDays_data();
    void civilDays();
    void civilRoundTrip();
    void columns_data();
    void columns();
    void columnNames();
};

void TestTypeInference::number_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << u"42"_s << true << 42.0;
    QTest::newRow("zero") << u"0"_s << true << 0.0;
    QTest::newRow("negative") << u"-17"_s << true << -17.0;
    QTest::newRow("plus") << u"+3"_s << true << 3.0;
    QTest::newRow("decimal") << u"1234.56"_s << true << 1234.56;
    QTest::newRow("leading dot") << u".5"_s << true << 0.5;
    QTest::newRow("zero decimal") << u"0.25"_s << true << 0.25;
    QTest::newRow("exponent") << u"1.5e3"_s << true << 1500.0;
    QTest::newRow("negative exponent") << u"-2E-2"_s << true << -0.02;
    QTest::newRow("leading zero code") << u"007"_s << false << 0.0;
    QTest::newRow("empty") << u""_s << false << 0.0;
    QTest::newRow("sign only") << u"-"_s << false << 0.0;
    QTest::newRow("dot only") << u"."_s << false << 0.0;
    QTest::newRow("text") << u"abc"_s << false << 0.0;
    QTest::newRow("thousands comma") << u"1,000"_s << false << 0.0;
    QTest::newRow("two dots") << u"1.2.3"_s << false << 0.0;
    QTest::newRow("bare exponent") << u"1e"_s << false << 0.0;
    QTest::newRow("nan") << u"nan"_s << false << 0.0;
    QTest::newRow("inner space") << u"1 2"_s << false << 0.0;
    QTest::newRow("date") << u"2024-01-01"_s << false << 0.0;
}

void TestTypeInference::number()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    const auto n = ValueParser::number(text);
    QCOMPARE(n.has_value(), valid);
    if (valid)
        QCOMPARE(*n, value);
}

void TestTypeInference::dateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("level");
    QTest::newRow("date") << u"2024-03-01"_s << true << qint64(1709251200) << 5;
    QTest::newRow("epoch") << u"1970-01-01"_s << true << qint64(0) << 5;
    QTest::newRow("leap day") << u"2024-02-29"_s << true << qint64(1709164800) << 5;
    QTest::newRow("not a leap day") << u"2023-02-29"_s << false << qint64(0) << 0;
    QTest::newRow("month 13") << u"2024-13-01"_s << false << qint64(0) << 0;
    QTest::newRow("T minutes") << u"2024-03-01T10:30"_s << true << qint64(1709289000) << 7;
    QTest::newRow("T seconds Z") << u"2024-03-01T10:30:15Z"_s << true << qint64(1709289015) << 8;
    QTest::newRow("midnight Z") << u"2024-03-01T00:00:00Z"_s << true << qint64(1709251200) << 5;
    QTest::newRow("hour only") << u"2024-03-01T10:00:00"_s << true << qint64(1709287200) << 6;
    QTest::newRow("millis") << u"2024-03-01T00:00:00.000Z"_s << true << qint64(1709251200) << 5;
    QTest::newRow("offset +02:00")
        << u"2024-03-01T12:00:00+02:00"_s << true << qint64(1709287200) << 6;
    QTest::newRow("offset -0530") << u"2024-03-01T00:00:00-0530"_s << true
                                  << qint64(1709251200 + 19800) << 5;
    QTest::newRow("space separator") << u"2024-03-01 10:30:15"_s << true << qint64(1709289015) << 8;
    QTest::newRow("bad hour") << u"2024-03-01T24:00"_s << false << qint64(0) << 0;
    QTest::newRow("trailing text") << u"2024-03-01x"_s << false << qint64(0) << 0;
    QTest::newRow("slashes") << u"01/03/2024"_s << false << qint64(0) << 0;
    QTest::newRow("year only") << u"2024"_s << false << qint64(0) << 0;
    QTest::newRow("short") << u"2024-3-1"_s << false << qint64(0) << 0;
}

void TestTypeInference::dateTime()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, seconds);
    QFETCH(int, level);
    const auto dt = ValueParser::dateTime(text);
    QCOMPARE(dt.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(dt->seconds, seconds);
    QCOMPARE(dt->level, level);
}

void TestTypeInference::civilDays_data()
{
    // Day numbers worked by hand from 1970-01-01 = 0: 1900-01-01 is 70 * 365 + 17 leap days
    // (1904..1968) before; 2000-01-01 is 30 * 365 + 7 leap days (1972..1996) = 10957 after;
    // 2023-01-01 is 10957 + 23 * 365 + 6 leap days (2000..2020) = 19358, 2024-01-01 19358 + 365;
    // 2100-01-01 is 10957 + 100 * 365 + 25 leap days (2000..2096) = 47482. Year 0 is a leap
    // year (divisible by 400), and 0001-01-01 is 719162 days before 1970 (1969 * 365 + 477 leap
    // days, 492 - 19 + 4), as Python's date(1970, 1, 1).toordinal() - 1 says too.
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<qint64>("days");
    QTest::addColumn<int>("monthLength");
    QTest::newRow("epoch") << 1970 << 1 << 1 << qint64(0) << 31;
    QTest::newRow("day before the epoch") << 1969 << 12 << 31 << qint64(-1) << 31;
    QTest::newRow("1900-01-01") << 1900 << 1 << 1 << qint64(-25567) << 31;
    QTest::newRow("1900-02-28, no leap day") << 1900 << 2 << 28 << qint64(-25567 + 31 + 27) << 28;
    QTest::newRow("2000-01-01") << 2000 << 1 << 1 << qint64(10957) << 31;
    QTest::newRow("2000-02-29, leap day") << 2000 << 2 << 29 << qint64(10957 + 31 + 28) << 29;
    QTest::newRow("2000-03-01") << 2000 << 3 << 1 << qint64(10957 + 31 + 29) << 31;
    QTest::newRow("2024-02-29, leap day") << 2024 << 2 << 29 << qint64(19723 + 31 + 28) << 29;
    QTest::newRow("2023-04-30") << 2023 << 4 << 30 << qint64(19358 + 31 + 28 + 31 + 29) << 30;
    QTest::newRow("2100-02-28, no leap day") << 2100 << 2 << 28 << qint64(47482 + 31 + 27) << 28;
    QTest::newRow("2100-03-01") << 2100 << 3 << 1 << qint64(47482 + 31 + 28) << 31;
    QTest::newRow("0001-01-01") << 1 << 1 << 1 << qint64(-719162) << 31;
    QTest::newRow("0000-12-31") << 0 << 12 << 31 << qint64(-719163) << 31;
    QTest::newRow("0000-02-29, year 0 leap day")
        << 0 << 2 << 29 << qint64(-719163 - 365 + 31 + 28) << 29;
}

void TestTypeInference::civilDays()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(qint64, days);
    QFETCH(int, monthLength);
    QCOMPARE(ValueParser::daysFromCivil(year, month, day), days);
    int y = 0, m = 0, d = 0;
    ValueParser::civilFromDays(days, &y, &m, &d);
    QCOMPARE(y, year);
    QCOMPARE(m, month);
    QCOMPARE(d, day);
    QCOMPARE(ValueParser::daysInMonth(year, month), monthLength);
}

void TestTypeInference::civilRoundTrip()
{
    // From year 32 on: QDate has no year 0.
    for (qint64 day = -719000; day < 800000; day += 37) {
        int y = 0, m = 0, d = 0;
        ValueParser::civilFromDays(day, &y, &m, &d);
        QCOMPARE(ValueParser::daysFromCivil(y, m, d), day);
        const QDate date = QDate(1970, 1, 1).addDays(day);
        QCOMPARE(y, date.year());
        QCOMPARE(m, date.month());
        QCOMPARE(d, date.day());
    }
}

void TestTypeInference::columns_data()
{
    QTest::addColumn<QStringList>("values"); // one column
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("level");
    QTest::newRow("integers") << QStringList { u"1"_s, u"2"_s, u"-3"_s } << u"numeric"_s << 5;
    QTest::newRow("numbers with nulls and spaces")
        << QStringList { u" 1.5 "_s, u""_s, u"  "_s, u"2e3"_s } << u"numeric"_s << 5;
    QTest::newRow("one text spoils numbers")
        << QStringList { u"1"_s, u"2"_s, u"n/a"_s } << u"hierarchy"_s << 5;
    QTest::newRow("codes with leading zeros")
        << QStringList { u"0123"_s, u"0456"_s } << u"hierarchy"_s << 5;
    QTest::newRow("dates") << QStringList { u"2024-01-01"_s, u""_s, u"2024-12-31"_s }
                           << u"datetime"_s << 5;
    QTest::newRow("date-times with seconds")
        << QStringList { u"2024-01-01"_s, u"2024-01-01T10:00:05Z"_s } << u"datetime"_s << 8;
    QTest::newRow("date-times with minutes")
        << QStringList { u"2024-01-01 10:30:00"_s, u"2024-01-02T00:00Z"_s } << u"datetime"_s << 7;
    QTest::newRow("one bad date") << QStringList { u"2024-01-01"_s, u"2024-02-30"_s }
                                  << u"hierarchy"_s << 5;
    QTest::newRow("all empty") << QStringList { u""_s, u""_s } << u"hierarchy"_s << 5;
    QTest::newRow("text") << QStringList { u"EMEA"_s, u"APAC"_s } << u"hierarchy"_s << 5;
}

void TestTypeInference::columns()
{
    QFETCH(QStringList, values);
    QFETCH(QString, type);
    QFETCH(int, level);
    TypeInference inference({ u"Value"_s });
    for (const QString &v : values)
        inference.addRow({ v });
    const QList<ColumnSchema> columns = inference.columns();
    QCOMPARE(columns.size(), 1);
    QCOMPARE(columnTypeName(columns.first().type), type);
    QCOMPARE(columns.first().lowestLevel, level);
    QCOMPARE(inference.rowCount(), values.size());
}

void TestTypeInference::columnNames()
{
    QCOMPARE(TypeInference::columnNames({ u" Region "_s, u""_s, u"region"_s, u"Region"_s }),
        (QStringList { u"Region"_s, u"Column 2"_s, u"region (2)"_s, u"Region (3)"_s }));
    QVERIFY(TypeInference::looksLikeCurrency(u"Total Revenue"_s));
    QVERIFY(TypeInference::looksLikeCurrency(u"unit_price"_s));
    QVERIFY(!TypeInference::looksLikeCurrency(u"Units"_s));

    TypeInference inference({ u"Revenue"_s, u"Units"_s, u"Cost"_s });
    inference.addRow({ u"1.5"_s, u"2"_s, u"x"_s });
    const auto c = inference.columns();
    QVERIFY(c.at(0).currency);
    QVERIFY(!c.at(1).currency);
    QVERIFY(!c.at(2).currency); // text, however it is named
}

QTEST_GUILESS_MAIN(TestTypeInference)
#include "tst_typeinference.moc"
