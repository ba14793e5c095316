// Runs the real chartroom-cli binary against a real store in a temporary folder.

#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("CHARTROOM_CLI"), arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    TempStore m_store;
    qint64 m_conversation = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("CHARTROOM_CLI")), "CHARTROOM_CLI not set");
        QVERIFY2(m_store.error.isEmpty(), qPrintable(m_store.error));
        Repository &repo = *m_store.repository;
        auto c = repo.createConversation(u"Revenue by region"_s);
        m_conversation = c->id;
        Message m;
        m.conversationId = c->id;
        m.text = u"Show monthly revenue as a line chart"_s;
        QVERIFY(repo.addMessage(m));
        m.role = MessageRole::Assistant;
        m.text = u"Revenue peaked in **December**."_s;
        Asset a;
        a.type = u"item"_s;
        a.valueJson = R"({"type":"line-chart"})";
        m.assets << a;
        QVERIFY(repo.addMessage(m));
        QVERIFY(repo.createConversation(u"Empty one"_s));
    }

    void listAsText()
    {
        const Run run = runCli({ u"--data-dir"_s, m_store.dir.path(), u"history"_s, u"list"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Revenue by region"_s));
        QVERIFY(run.out.contains(u"Empty one"_s));
        QVERIFY(run.out.indexOf(u"Empty one"_s) < run.out.indexOf(u"Revenue by region"_s));
    }

    void listAsJson()
    {
        const Run run
            = runCli({ u"history"_s, u"list"_s, u"--json"_s, u"--data-dir"_s, m_store.dir.path() });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list
            = QJsonDocument::fromJson(run.out.toUtf8())[u"conversations"_s].toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1)[u"title"_s].toString(), u"Revenue by region"_s);
        QCOMPARE(list.at(1)[u"message_count"_s].toInt(), 2);
    }

    void showAsJsonListsAssets()
    {
        const Run run = runCli({ u"--data-dir"_s, m_store.dir.path(), u"--json"_s, u"history"_s,
            u"show"_s, QString::number(m_conversation) });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o[u"title"_s].toString(), u"Revenue by region"_s);
        const QJsonArray messages = o[u"messages"_s].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0)[u"role"_s].toString(), u"user"_s);
        QCOMPARE(messages.at(1)[u"message"_s].toString(), u"Revenue peaked in **December**."_s);
        const QJsonArray assets = messages.at(1)[u"assets"_s].toArray();
        QCOMPARE(assets.size(), 1);
        QVERIFY(assets.at(0)[u"id"_s].toInteger() > 0);
        QCOMPARE(assets.at(0)[u"value"_s][u"type"_s].toString(), u"line-chart"_s);
    }

    void showAsText()
    {
        const Run run = runCli({ u"--data-dir"_s, m_store.dir.path(), u"history"_s, u"show"_s,
            QString::number(m_conversation) });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(u"# Revenue by region"_s));
        QVERIFY(run.out.contains(u"You · "_s));
        QVERIFY(run.out.contains(u"[asset "_s));
    }

    void searchFindsAStoredMessage()
    {
        const Run run = runCli(
            { u"--data-dir"_s, m_store.dir.path(), u"history"_s, u"search"_s, u"monthly"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"[monthly]"_s), qPrintable(run.out));
        const Run json = runCli({ u"--data-dir"_s, m_store.dir.path(), u"history"_s, u"search"_s,
            u"decem*"_s, u"--json"_s });
        QCOMPARE(json.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(json.out.toUtf8())[u"hits"_s].toArray();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0)[u"conversation_id"_s].toInteger(), m_conversation);
    }

    void dataDirFromEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CHARTROOM_DATA_DIR"_s, m_store.dir.path());
        const Run run = runCli({ u"history"_s, u"list"_s }, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Revenue by region"_s));
    }

    void errorsAndExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrWords");
        QTest::newRow("no command") << QStringList {} << 2 << u"no command"_s;
        QTest::newRow("unknown command") << QStringList { u"fly"_s } << 2 << u"unknown command"_s;
        QTest::newRow("unknown option")
            << QStringList { u"--frobnicate"_s, u"history"_s } << 2 << u"frobnicate"_s;
        QTest::newRow("history without verb") << QStringList { u"history"_s } << 2 << u"usage"_s;
        QTest::newRow("show without id")
            << QStringList { u"history"_s, u"show"_s } << 2 << u"usage"_s;
        QTest::newRow("show bad id")
            << QStringList { u"history"_s, u"show"_s, u"abc"_s } << 2 << u"not a conversation id"_s;
        QTest::newRow("show missing id")
            << QStringList { u"history"_s, u"show"_s, u"9999"_s } << 1 << u"no conversation 9999"_s;
    }

    void errorsAndExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrWords);
        const Run run = runCli(QStringList { u"--data-dir"_s, m_store.dir.path() } + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(stderrWords), qPrintable(run.err));
    }

    void unopenableStoreIsAFailure()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath(u"chartroom.sqlite"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(4096, 'z'));
        bad.close();
        const Run run = runCli({ u"--data-dir"_s, dir.path(), u"history"_s, u"list"_s });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"damaged"_s));
        QVERIFY(bad.open(QIODevice::ReadOnly));
        QCOMPARE(bad.readAll(), QByteArray(4096, 'z'));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
