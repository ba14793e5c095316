// `chartroom-cli import`: ImportCommand run in-process against a temporary data folder.

#include "app/cli/importcommand.h"
#include "app/datasets/datasetstore.h"
#include "tests/support/capturedoutput.h"
#include "tests/support/commandrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
using Run = CapturedRun;

Run run(const QString &dataDir, const QStringList &arguments)
{
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    Run r;
    {
        const Output output(out, err);
        ImportCommand command(dataDir, CommandLine(ImportCommand::options(), arguments), output);
        r.exitCode = runCommand(command);
    }
    r.out = readBack(out);
    r.err = readBack(err);
    return r;
}
} // namespace

class TestImportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importsAsText();
    void importsAsJson();
    void failures_data();
    void failures();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestImportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestImportCommand::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

void TestImportCommand::importsAsText()
{
    const QString file
        = write(u"orders.csv"_s, "Day,Shop,Amount\n2024-01-01,A,3.5\n2024-01-02,B,4\n");
    const QString data = m_dir.filePath(u"data-text"_s);
    const Run r = run(data, { file });
    QCOMPARE(r.exitCode, int(ExitOk));
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.contains(u"Imported \"orders\": 2 rows, 3 columns"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"datetime (day)"_s));
    QVERIFY(r.out.contains(u"numeric (currency)"_s));
    QVERIFY(r.out.contains(u"hierarchy"_s));

    DatasetStore store;
    QVERIFY(!store.open(data));
    const auto list = store.datasets();
    QCOMPARE(list->size(), 1);
    QVERIFY(r.out.contains(u"id: " + list->first().id));
}

void TestImportCommand::importsAsJson()
{
    const QString file = write(u"x.csv"_s, "a,b\n1,x\n2,y\n");
    const Run r
        = run(m_dir.filePath(u"data-json"_s), { file, u"--name"_s, u"Named"_s, u"--json"_s });
    QCOMPARE(r.exitCode, int(ExitOk));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"name"_s).toString(), u"Named"_s);
    QCOMPARE(o.value(u"rows"_s).toInt(), 2);
    QVERIFY(!o.value(u"id"_s).toString().isEmpty());
    const QJsonArray columns = o.value(u"columns"_s).toArray();
    QCOMPARE(columns.size(), 2);
    QCOMPARE(columns.at(0).toObject().value(u"type"_s).toString(), u"numeric"_s);
    QCOMPARE(columns.at(1).toObject().value(u"type"_s).toString(), u"hierarchy"_s);
}

void TestImportCommand::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorContains");
    const QString bad = write(u"bad.csv"_s, "a,b\n1,2\n3\n4,5,6\n");
    const QString empty = write(u"empty.csv"_s, "");
    QTest::newRow("no file") << QStringList {} << int(ExitUsage) << u"usage:"_s;
    QTest::newRow("unknown option") << QStringList { bad, u"--fast"_s } << int(ExitUsage)
                                    << u"Unexpected argument \"--fast\""_s;
    QTest::newRow("two files") << QStringList { bad, empty } << int(ExitUsage)
                               << u"Unexpected argument"_s;
    QTest::newRow("name without value")
        << QStringList { bad, u"--name"_s } << int(ExitUsage) << u"--name needs a value"_s;
    QTest::newRow("missing file") << QStringList { m_dir.filePath(u"nope.csv"_s) }
                                  << int(ExitFailure) << u"does not exist"_s;
    QTest::newRow("a folder") << QStringList { m_dir.path() } << int(ExitFailure)
                              << u"Cannot read"_s;
    QTest::newRow("bad rows") << QStringList { bad } << int(ExitFailure)
                              << u"2 bad rows: line 3 has 1 fields instead of 2; line 4 has 3"_s;
    QTest::newRow("empty file") << QStringList { empty } << int(ExitFailure) << u"empty"_s;
}

void TestImportCommand::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, errorContains);
    const QString data = m_dir.filePath(u"data-fail"_s);
    const Run r = run(data, arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(errorContains), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    DatasetStore store;
    if (QFile::exists(data)) {
        QVERIFY(!store.open(data));
        QCOMPARE(store.datasets()->size(), 0);
    }
}

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
