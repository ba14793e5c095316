// CsvReader: RFC 4180 edge cases, separators, line endings, bad rows and block boundaries.

#include "app/datasets/csvreader.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Reads everything: "OK" rows as fields joined by '|', bad rows as "BAD@line:problem".
QStringList readAll(const QByteArray &csv, qsizetype blockSize, QStringList *header = nullptr,
    char *separator = nullptr)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, blockSize);
    QStringList out;
    if (!reader.readHeader())
        return { u"NOHEADER"_s };
    if (header)
        *header = reader.header();
    if (separator)
        *separator = reader.separator();
    for (;;) {
        const CsvReader::Status s = reader.next();
        if (s == CsvReader::Status::End)
            break;
        if (s == CsvReader::Status::BadRow) {
            out.append(u"BAD@" + QString::number(reader.line())
                + (reader.problem() == CsvReader::Problem::UnterminatedQuote ? u":quote"_s
                                                                             : u":count"_s));
        } else {
            out.append(reader.fields().join(u'|'));
        }
    }
    return out;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void records_data();
    void records();
    void separator_data();
    void separator();
    void lineNumbersAfterMultilineField();
    void emptyInput();
    void bytesRead();
};

void TestCsvReader::records_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("rows");

    const QStringList ab = { u"a"_s, u"b"_s };
    QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n3,4\n") << ab
                              << QStringList { u"1|2"_s, u"3|4"_s };
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab
                          << QStringList { u"1|2"_s, u"3|4"_s };
    QTest::newRow("CR only") << QByteArray("a,b\r1,2\r3,4\r") << ab
                             << QStringList { u"1|2"_s, u"3|4"_s };
    QTest::newRow("no final newline")
        << QByteArray("a,b\n1,2\n3,4") << ab << QStringList { u"1|2"_s, u"3|4"_s };
    QTest::newRow("trailing empty lines")
        << QByteArray("a,b\n1,2\n\n\r\n") << ab << QStringList { u"1|2"_s };
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                       "a,b\n1,2\n")
                         << ab << QStringList { u"1|2"_s };
    QTest::newRow("quoted separator")
        << QByteArray("a,b\n\"x,y\",2\n") << ab << QStringList { u"x,y|2"_s };
    QTest::newRow("escaped quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << ab
                                    << QStringList { u"say \"hi\"|\""_s };
    QTest::newRow("LF in quotes") << QByteArray("a,b\n\"line1\nline2\",2\n") << ab
                                  << QStringList { u"line1\nline2|2"_s };
    QTest::newRow("CRLF in quotes")
        << QByteArray("a,b\r\n\"l1\r\nl2\",2\r\n") << ab << QStringList { u"l1\r\nl2|2"_s };
    QTest::newRow("CR in quotes") << QByteArray("a,b\r\"l1\rl2\",2\r") << ab
                                  << QStringList { u"l1\rl2|2"_s };
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n1,,3\n\"\",x,\n")
                                  << QStringList { u"a"_s, u"b"_s, u"c"_s }
                                  << QStringList { u"||"_s, u"1||3"_s, u"|x|"_s };
    QTest::newRow("spaces kept") << QByteArray("a,b\n  x , y\n") << ab
                                 << QStringList { u"  x | y"_s };
    QTest::newRow("quoted header")
        << QByteArray("\"a\",\"b\"\n1,2\n") << ab << QStringList { u"1|2"_s };
    QTest::newRow("UTF-8") << QByteArray("a,b\nZürich,東京\n") << ab
                           << QStringList { u"Zürich|東京"_s };
    QTest::newRow("ragged short") << QByteArray("a,b\n1,2\n3\n5,6\n") << ab
                                  << QStringList { u"1|2"_s, u"BAD@3:count"_s, u"5|6"_s };
    QTest::newRow("ragged long") << QByteArray("a,b\n1,2,3\n") << ab
                                 << QStringList { u"BAD@2:count"_s };
    QTest::newRow("ragged after multiline") << QByteArray("a,b\n\"x\ny\",1\n1,2,3\n") << ab
                                            << QStringList { u"x\ny|1"_s, u"BAD@4:count"_s };
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,2\n3,\"open\n4,5\n") << ab
                                        << QStringList { u"1|2"_s, u"BAD@3:quote"_s };
    QTest::newRow("quote inside unquoted field")
        << QByteArray("a,b\n5\"2,x\n") << ab << QStringList { u"5\"2|x"_s };
    QTest::newRow("header only") << QByteArray("a,b\n") << ab << QStringList {};
}

void TestCsvReader::records()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, header);
    QFETCH(QStringList, rows);
    // Every block size, down to one byte, so each record is split at every possible place
    // (mid-field, mid-quote escape, between CR and LF, mid-UTF-8 sequence, inside the BOM).
    for (const qsizetype block : { qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(5),
             qsizetype(7), qsizetype(64 * 1024) }) {
        QStringList gotHeader;
        const QStringList got = readAll(csv, block, &gotHeader);
        QCOMPARE(gotHeader, header);
        QCOMPARE(got, rows);
    }
}

void TestCsvReader::separator_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<char>("separator");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("comma") << QByteArray("a,b\n1,2\n") << ',' << QStringList { u"1|2"_s };
    QTest::newRow("semicolon") << QByteArray("a;b\n1,5;2\n") << ';' << QStringList { u"1,5|2"_s };
    QTest::newRow("tab") << QByteArray("a\tb\n1 2\t3\n") << '\t' << QStringList { u"1 2|3"_s };
    QTest::newRow("comma wins over semicolon")
        << QByteArray("a;x,b\n1,2\n") << ',' << QStringList { u"1|2"_s };
    QTest::newRow("comma quoted in header")
        << QByteArray("\"a,x\";b\n1;2\n") << ';' << QStringList { u"1|2"_s };
    QTest::newRow("single column")
        << QByteArray("a\n1\n2\n") << ',' << QStringList { u"1"_s, u"2"_s };
    // Found by fuzz_csv: a line break inside quotes before the header's comma. The separator was
    // chosen from the first block only, so a small block gave ';' and a large one ','. With ','
    // the header is `a;"x` (a quote inside an unquoted field is kept) and `y",b` has two fields.
    QTest::newRow("quoted line break in the header")
        << QByteArray("a;\"x\ny\",b\n1;2\n") << ',' << QStringList { u"BAD@2:count"_s, u"1;2"_s };
}

void TestCsvReader::separator()
{
    QFETCH(QByteArray, csv);
    QFETCH(char, separator);
    QFETCH(QStringList, rows);
    for (const qsizetype block : { qsizetype(1), qsizetype(4096) }) {
        char detected = 0;
        QCOMPARE(readAll(csv, block, nullptr, &detected), rows);
        QCOMPARE(detected, separator);
    }
}

void TestCsvReader::lineNumbersAfterMultilineField()
{
    QBuffer buffer;
    buffer.setData("a,b\r\n\"1\r\n2\r\n3\",x\r\ny,z\r\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, 3);
    QVERIFY(reader.readHeader());
    QCOMPARE(reader.line(), 1);
    QCOMPARE(reader.next(), CsvReader::Status::Row);
    QCOMPARE(reader.line(), 2);
    QCOMPARE(reader.next(), CsvReader::Status::Row);
    QCOMPARE(reader.line(), 5);
    QCOMPARE(reader.next(), CsvReader::Status::End);
}

void TestCsvReader::emptyInput()
{
    QCOMPARE(readAll(QByteArray(), 16), QStringList { u"NOHEADER"_s });
    QCOMPARE(readAll(QByteArray("\n\r\n"), 16), QStringList { u"NOHEADER"_s });
    QCOMPARE(readAll(QByteArray("\xEF\xBB\xBF"), 16), QStringList { u"NOHEADER"_s });
}

void TestCsvReader::bytesRead()
{
    QByteArray csv = "a,b\n";
    for (int i = 0; i < 1000; ++i)
        csv += QByteArray::number(i) + ",x\n";
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, 100);
    QVERIFY(reader.readHeader());
    QVERIFY(reader.bytesRead() <= 200);
    int rows = 0;
    while (reader.next() == CsvReader::Status::Row)
        ++rows;
    QCOMPARE(rows, 1000);
    QCOMPARE(reader.bytesRead(), csv.size());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
