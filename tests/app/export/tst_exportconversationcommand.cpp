// `chartroom-cli export-conversation`: ExportConversationCommand run in-process against a
// temporary store (it is wired into chartroom-cli's main separately).

#include "capturedoutput.h"
#include "exportconversationcommand.h"
#include "exportfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {
using Run = CapturedRun;

Run run(Repository &repository, const QStringList &arguments, ChartImageRenderer renderer = {})
{
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    Run r;
    {
        const Output output(out, err);
        r.exitCode
            = ExportConversationCommand(repository, output, std::move(renderer)).run(arguments);
    }
    r.out = readBack(out);
    r.err = readBack(err);
    return r;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestExportConversationCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writes_data();
    void writes();
    void usageErrors_data();
    void usageErrors();
    void failures_data();
    void failures();

private:
    std::unique_ptr<ExportFixture> m_fixture;
    QTemporaryDir m_dir;
};

void TestExportConversationCommand::initTestCase()
{
    m_fixture = std::make_unique<ExportFixture>();
    QVERIFY(m_fixture->conversationId > 0);
    // To look at the exported files: CHARTROOM_EXPORT_KEEP=1 keeps them.
    if (qEnvironmentVariableIsSet("CHARTROOM_EXPORT_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("exports kept in %s", qPrintable(m_dir.path()));
    }
}

void TestExportConversationCommand::writes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::addColumn<QByteArray>("contains");
    QTest::newRow("md") << QStringList { u"--format"_qs, u"md"_qs } << u"a.md"_qs
                        << QByteArray("# Revenue review Q2\n") << QByteArray("### Assistant · ");
    QTest::newRow("html") << QStringList { u"--format"_qs, u"html"_qs } << u"a.html"_qs
                          << QByteArray("<!DOCTYPE html>") << QByteArray("data:image/png;base64,");
    QTest::newRow("pdf") << QStringList { u"--format"_qs, u"pdf"_qs } << u"a.pdf"_qs
                         << QByteArray("%PDF-") << QByteArray("/Subtype /Image");
    QTest::newRow("json") << QStringList { u"--format"_qs, u"json"_qs } << u"a.json"_qs
                          << QByteArray("{") << QByteArray("\"chartroom-conversation\"");
    QTest::newRow("format from the extension")
        << QStringList() << u"b.html"_qs << QByteArray("<!DOCTYPE html>") << QByteArray("</html>");
    QTest::newRow("--format=json, any extension")
        << QStringList { u"--format=json"_qs } << u"b.txt"_qs << QByteArray("{")
        << QByteArray("\"messages\"");
    QTest::newRow("format beats the extension")
        << QStringList { u"--format"_qs, u"markdown"_qs } << u"c.html"_qs << QByteArray("# Revenue")
        << QByteArray("📈 *Line chart");
}

void TestExportConversationCommand::writes()
{
    QFETCH(QStringList, options);
    QFETCH(QString, file);
    QFETCH(QByteArray, startsWith);
    QFETCH(QByteArray, contains);
    const QString path = m_dir.filePath(file);
    QFile::remove(path);
    const Run r = run(*m_fixture->store.repository,
        QStringList { QString::number(m_fixture->conversationId), u"--out"_qs, path } + options,
        ExportFixture::fakeRenderer());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.startsWith(u"Exported conversation %1 as "_qs.arg(m_fixture->conversationId)),
        qPrintable(r.out));
    QVERIFY(r.out.contains(path));
    const QByteArray bytes = contents(path);
    QVERIFY(bytes.startsWith(startsWith));
    QVERIFY(bytes.contains(contains));
}

void TestExportConversationCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString out = m_dir.filePath(u"u.md"_qs);
    QTest::newRow("nothing") << QStringList() << u"no conversation id given."_qs;
    QTest::newRow("id is not a number")
        << QStringList { u"abc"_qs, u"--out"_qs, out } << u"\"abc\" is not a conversation id"_qs;
    QTest::newRow("id is not positive")
        << QStringList { u"0"_qs, u"--out"_qs, out } << u"\"0\" is not a conversation id"_qs;
    QTest::newRow("no --out") << QStringList { u"1"_qs, u"--format"_qs, u"md"_qs }
                              << u"--out FILE is required."_qs;
    QTest::newRow("--out without value")
        << QStringList { u"1"_qs, u"--out"_qs } << u"--out needs a file name."_qs;
    QTest::newRow("unknown format") << QStringList { u"1"_qs, u"--format"_qs, u"docx"_qs,
        u"--out"_qs, out } << u"unknown format \"docx\": use md, html, pdf or json."_qs;
    QTest::newRow("unknown extension") << QStringList { u"1"_qs, u"--out"_qs,
        m_dir.filePath(u"x.docx"_qs) } << u"cannot tell the format from \"x.docx\""_qs;
    QTest::newRow("unknown option") << QStringList { u"1"_qs, u"--width"_qs, u"3"_qs, u"--out"_qs,
        out } << u"unknown option \"--width\"."_qs;
    QTest::newRow("two ids") << QStringList { u"1"_qs, u"2"_qs, u"--out"_qs, out }
                             << u"unexpected argument \"2\"."_qs;
}

void TestExportConversationCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(*m_fixture->store.repository, arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.contains(ExportConversationCommand::usage()));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(u"u.md"_qs)));
}

void TestExportConversationCommand::failures_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("message");
    const QString missing = m_dir.filePath(u"missing/f.pdf"_qs);
    QTest::newRow("unknown conversation")
        << u"4242"_qs << m_dir.filePath(u"f.md"_qs)
        << u"chartroom-cli: Conversation 4242 does not exist.\n"_qs;
    QTest::newRow("missing folder") << QString() << missing
                                    << u"chartroom-cli: Cannot write " + missing + u": the folder "
            + m_dir.filePath(u"missing"_qs) + u" does not exist.\n";
}

void TestExportConversationCommand::failures()
{
    QFETCH(QString, id);
    QFETCH(QString, out);
    QFETCH(QString, message);
    if (id.isEmpty())
        id = QString::number(m_fixture->conversationId);
    const Run r = run(*m_fixture->store.repository, { id, u"--out"_qs, out });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, message);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestExportConversationCommand)
#include "tst_exportconversationcommand.moc"
