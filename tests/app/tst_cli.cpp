// Runs the real chartroom-cli binary against a real store in a temporary folder.

#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

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
        auto c = repo.createConversation(u"Revenue by region"_qs);
        m_conversation = c->id;
        Message m;
        m.conversationId = c->id;
        m.text = u"Show monthly revenue as a line chart"_qs;
        QVERIFY(repo.addMessage(m));
        m.role = MessageRole::Assistant;
        m.text = u"Revenue peaked in **December**."_qs;
        Asset a;
        a.type = u"item"_qs;
        a.valueJson = R"({"type":"line-chart"})";
        m.assets << a;
        QVERIFY(repo.addMessage(m));
        QVERIFY(repo.createConversation(u"Empty one"_qs));
    }

    void listAsText()
    {
        const Run run = runCli({ u"--data-dir"_qs, m_store.dir.path(), u"history"_qs, u"list"_qs });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Revenue by region"_qs));
        QVERIFY(run.out.contains(u"Empty one"_qs));
        QVERIFY(run.out.indexOf(u"Empty one"_qs) < run.out.indexOf(u"Revenue by region"_qs));
    }

    void listAsJson()
    {
        const Run run = runCli(
            { u"history"_qs, u"list"_qs, u"--json"_qs, u"--data-dir"_qs, m_store.dir.path() });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list
            = QJsonDocument::fromJson(run.out.toUtf8())[u"conversations"_qs].toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1)[u"title"_qs].toString(), u"Revenue by region"_qs);
        QCOMPARE(list.at(1)[u"message_count"_qs].toInt(), 2);
    }

    void showAsJsonListsAssets()
    {
        const Run run = runCli({ u"--data-dir"_qs, m_store.dir.path(), u"--json"_qs, u"history"_qs,
            u"show"_qs, QString::number(m_conversation) });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o[u"title"_qs].toString(), u"Revenue by region"_qs);
        const QJsonArray messages = o[u"messages"_qs].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0)[u"role"_qs].toString(), u"user"_qs);
        QCOMPARE(messages.at(1)[u"message"_qs].toString(), u"Revenue peaked in **December**."_qs);
        const QJsonArray assets = messages.at(1)[u"assets"_qs].toArray();
        QCOMPARE(assets.size(), 1);
        QVERIFY(assets.at(0)[u"id"_qs].toInteger() > 0);
        QCOMPARE(assets.at(0)[u"value"_qs][u"type"_qs].toString(), u"line-chart"_qs);
    }

    void showAsText()
    {
        const Run run = runCli({ u"--data-dir"_qs, m_store.dir.path(), u"history"_qs, u"show"_qs,
            QString::number(m_conversation) });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(u"# Revenue by region"_qs));
        QVERIFY(run.out.contains(u"You · "_qs));
        QVERIFY(run.out.contains(u"[asset "_qs));
    }

    void searchFindsAStoredMessage()
    {
        const Run run = runCli(
            { u"--data-dir"_qs, m_store.dir.path(), u"history"_qs, u"search"_qs, u"monthly"_qs });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"[monthly]"_qs), qPrintable(run.out));
        const Run json = runCli({ u"--data-dir"_qs, m_store.dir.path(), u"history"_qs, u"search"_qs,
            u"decem*"_qs, u"--json"_qs });
        QCOMPARE(json.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(json.out.toUtf8())[u"hits"_qs].toArray();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0)[u"conversation_id"_qs].toInteger(), m_conversation);
    }

    void dataDirFromEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CHARTROOM_DATA_DIR"_qs, m_store.dir.path());
        const Run run = runCli({ u"history"_qs, u"list"_qs }, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Revenue by region"_qs));
    }

    void errorsAndExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrWords");
        QTest::newRow("no command") << QStringList {} << 2 << u"no command"_qs;
        QTest::newRow("unknown command") << QStringList { u"fly"_qs } << 2 << u"unknown command"_qs;
        QTest::newRow("unknown option")
            << QStringList { u"--frobnicate"_qs, u"history"_qs } << 2 << u"frobnicate"_qs;
        QTest::newRow("history without verb") << QStringList { u"history"_qs } << 2 << u"usage"_qs;
        QTest::newRow("show without id")
            << QStringList { u"history"_qs, u"show"_qs } << 2 << u"usage"_qs;
        QTest::newRow("show bad id") << QStringList { u"history"_qs, u"show"_qs, u"abc"_qs } << 2
                                     << u"not a conversation id"_qs;
        QTest::newRow("show missing id") << QStringList { u"history"_qs, u"show"_qs, u"9999"_qs }
                                         << 1 << u"no conversation 9999"_qs;
    }

    void errorsAndExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrWords);
        const Run run = runCli(QStringList { u"--data-dir"_qs, m_store.dir.path() } + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(stderrWords), qPrintable(run.err));
    }

    void unopenableStoreIsAFailure()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath(u"chartroom.sqlite"_qs));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(4096, 'z'));
        bad.close();
        const Run run = runCli({ u"--data-dir"_qs, dir.path(), u"history"_qs, u"list"_qs });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"damaged"_qs));
        QVERIFY(bad.open(QIODevice::ReadOnly));
        QCOMPARE(bad.readAll(), QByteArray(4096, 'z'));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
