// `chartroom-cli export-conversation`: ExportConversationCommand run in-process against a
// temporary store (it is wired into chartroom-cli's main separately).

#include "app/cli/exportconversationcommand.h"
#include "tests/app/export/exportfixture.h"
#include "tests/support/capturedoutput.h"
#include "tests/support/commandrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
using Run = CapturedRun;

Run run(Repository &repository, const QStringList &arguments, ChartImageRenderer renderer = {})
{
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    Run r;
    {
        const Output output(out, err);
        ExportConversationCommand command(repository,
            CommandLine(ExportConversationCommand::options(), arguments), output,
            std::move(renderer));
        r.exitCode = runCommand(command);
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
    QTest::newRow("md") << QStringList { u"--format"_s, u"md"_s } << u"a.md"_s
                        << QByteArray("# Revenue review Q2\n") << QByteArray("### Assistant · ");
    QTest::newRow("html") << QStringList { u"--format"_s, u"html"_s } << u"a.html"_s
                          << QByteArray("<!DOCTYPE html>") << QByteArray("data:image/png;base64,");
    QTest::newRow("pdf") << QStringList { u"--format"_s, u"pdf"_s } << u"a.pdf"_s
                         << QByteArray("%PDF-") << QByteArray("/Subtype /Image");
    QTest::newRow("json") << QStringList { u"--format"_s, u"json"_s } << u"a.json"_s
                          << QByteArray("{") << QByteArray("\"chartroom-conversation\"");
    QTest::newRow("format from the extension")
        << QStringList() << u"b.html"_s << QByteArray("<!DOCTYPE html>") << QByteArray("</html>");
    QTest::newRow("--format=json, any extension")
        << QStringList { u"--format=json"_s } << u"b.txt"_s << QByteArray("{")
        << QByteArray("\"messages\"");
    QTest::newRow("format beats the extension")
        << QStringList { u"--format"_s, u"markdown"_s } << u"c.html"_s << QByteArray("# Revenue")
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
        QStringList { QString::number(m_fixture->conversationId), u"--out"_s, path } + options,
        ExportFixture::fakeRenderer());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.startsWith(u"Exported conversation %1 as "_s.arg(m_fixture->conversationId)),
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
    const QString out = m_dir.filePath(u"u.md"_s);
    QTest::newRow("nothing") << QStringList() << u"no conversation id given."_s;
    QTest::newRow("id is not a number")
        << QStringList { u"abc"_s, u"--out"_s, out } << u"\"abc\" is not a conversation id"_s;
    QTest::newRow("id is not positive")
        << QStringList { u"0"_s, u"--out"_s, out } << u"\"0\" is not a conversation id"_s;
    QTest::newRow("no --out") << QStringList { u"1"_s, u"--format"_s, u"md"_s }
                              << u"--out FILE is required."_s;
    QTest::newRow("--out without value")
        << QStringList { u"1"_s, u"--out"_s } << u"--out needs a file name."_s;
    QTest::newRow("unknown format") << QStringList { u"1"_s, u"--format"_s, u"docx"_s, u"--out"_s,
        out } << u"unknown format \"docx\": use md, html, pdf or json."_s;
    QTest::newRow("unknown extension") << QStringList { u"1"_s, u"--out"_s,
        m_dir.filePath(u"x.docx"_s) } << u"cannot tell the format from \"x.docx\""_s;
    QTest::newRow("unknown option") << QStringList { u"1"_s, u"--width"_s, u"3"_s, u"--out"_s, out }
                                    << u"unknown option \"--width\"."_s;
    QTest::newRow("two ids") << QStringList { u"1"_s, u"2"_s, u"--out"_s, out }
                             << u"unexpected argument \"2\"."_s;
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
    QVERIFY(!QFile::exists(m_dir.filePath(u"u.md"_s)));
}

void TestExportConversationCommand::failures_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("message");
    const QString missing = m_dir.filePath(u"missing/f.pdf"_s);
    QTest::newRow("unknown conversation")
        << u"4242"_s << m_dir.filePath(u"f.md"_s)
        << u"chartroom-cli: Conversation 4242 does not exist.\n"_s;
    QTest::newRow("missing folder") << QString() << missing
                                    << u"chartroom-cli: Cannot write " + missing + u": the folder "
            + m_dir.filePath(u"missing"_s) + u" does not exist.\n";
}

void TestExportConversationCommand::failures()
{
    QFETCH(QString, id);
    QFETCH(QString, out);
    QFETCH(QString, message);
    if (id.isEmpty())
        id = QString::number(m_fixture->conversationId);
    const Run r = run(*m_fixture->store.repository, { id, u"--out"_s, out });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, message);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestExportConversationCommand)
#include "tst_exportconversationcommand.moc"
