// The sample dataset generator: deterministic bytes, the build's output and the embedded
// resource are the same, and the data has the promised shape.

#include "resources/sample/salesgenerator.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSampleGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministic();
    void executableWritesTheEmbeddedBytes();
    void shape();
};

void TestSampleGenerator::deterministic()
{
    const std::string a = SalesGenerator().csv();
    const std::string b = SalesGenerator().csv();
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
    QVERIFY(SalesGenerator(7).csv() != a); // the seed matters
    // Pinned: a change to the generator must be deliberate (update this line with it).
    QCOMPARE(QByteArray::fromStdString(a.substr(0, 80)),
        QByteArray("Date,Region,Product,Units,Revenue,Cost\n"
                   "2022-01-01,EMEA,Laptop,4,4398.06,3208.66\n"));
}

void TestSampleGenerator::executableWritesTheEmbeddedBytes()
{
    const QString generator = qEnvironmentVariable("CHARTROOM_GENSALES");
    if (generator.isEmpty())
        QSKIP("CHARTROOM_GENSALES is not set (run through ctest)");
    QTemporaryDir dir;
    const QString out = dir.filePath(u"sales.csv"_s);
    QCOMPARE(QProcess::execute(generator, { out }), 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QCOMPARE(bytes, QByteArray::fromStdString(SalesGenerator().csv()));

    QFile embedded(u":/sample/sales.csv"_s);
    QVERIFY(embedded.open(QIODevice::ReadOnly));
    QCOMPARE(embedded.readAll(), bytes);
}

void TestSampleGenerator::shape()
{
    const QList<QByteArray> lines = QByteArray::fromStdString(SalesGenerator().csv()).split('\n');
    QCOMPARE(lines.first(), QByteArray("Date,Region,Product,Units,Revenue,Cost"));
    QVERIFY(lines.last().isEmpty()); // LF-terminated
    QCOMPARE(lines.size() - 2, 1096 * 4 * 5);
    QSet<QByteArray> regions, products;
    QByteArray firstDate = "9999", lastDate;
    double weekday = 0, weekend = 0;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).split(',');
        QCOMPARE(f.size(), 6);
        firstDate = qMin(firstDate, f.at(0));
        lastDate = qMax(lastDate, f.at(0));
        regions.insert(f.at(1));
        products.insert(f.at(2));
        const double revenue = f.at(4).toDouble();
        const double cost = f.at(5).toDouble();
        QVERIFY(f.at(3).toInt() >= 0);
        QVERIFY(revenue >= cost || f.at(3).toInt() == 0); // a positive margin on every line
        const int dow = QDate::fromString(QString::fromLatin1(f.at(0)), Qt::ISODate).dayOfWeek();
        (dow >= 6 ? weekend : weekday) += revenue / (dow >= 6 ? 2 : 5);
    }
    QCOMPARE(firstDate, QByteArray("2022-01-01"));
    QCOMPARE(lastDate, QByteArray("2024-12-31"));
    QCOMPARE(regions,
        (QSet<QByteArray> {
            QByteArray("EMEA"), QByteArray("Americas"), QByteArray("APAC"), QByteArray("LATAM") }));
    QCOMPARE(products.size(), 5);
    QVERIFY(weekday > 1.3 * weekend); // quieter weekends (per day)
}

QTEST_GUILESS_MAIN(TestSampleGenerator)
#include "tst_samplegenerator.moc"
