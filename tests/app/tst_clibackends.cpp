// `chartroom-cli ask --backend workflow|looker` as a user runs it: the real binary against the
// loopback fakes of the workflow chat stream and of Looker, with the same --json output shape.

#include "fakelookerserver.h"
#include "fakeworkflowserver.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestCliBackends : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(qEnvironmentVariable("CHARTROOM_CLI"), arguments);
        Run r;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            return r;
        }
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        r.out = process.readAllStandardOutput();
        r.err = process.readAllStandardError();
        return r;
    }

    static QJsonObject lastLine(const QByteArray &out)
    {
        return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    }

private Q_SLOTS:
    void workflow()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setToken(u"bearer-secret"_qs);
        server.setEvents({ FakeWorkflowServer::chunk(u"Planning "_qs),
            FakeWorkflowServer::chunk(u"the workflow."_qs),
            FakeWorkflowServer::node(
                QJsonObject { { u"id"_qs, u"root"_qs }, { u"type"_qs, u"manual"_qs } }),
            FakeWorkflowServer::done(QJsonObject { { u"nodes"_qs,
                QJsonObject {
                    { u"root"_qs, QJsonObject { { u"type"_qs, u"manual"_qs } } } } } }) });
        server.setDropAfter({ 2 }); // the first stream is cut: the CLI reconnects and resumes
        TempStore store;
        store.database.close();
        const Run r = run({ u"ask"_qs, u"--backend"_qs, u"workflow"_qs, u"--url"_qs,
            server.baseUrl().toString(), u"--token"_qs, u"bearer-secret"_qs, u"--json"_qs,
            u"--data-dir"_qs, store.dir.path(), u"Build me a workflow"_qs });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("bearer-secret"));
        const QJsonObject result = lastLine(r.out);
        QCOMPARE(result[u"type"_qs].toString(), u"result"_qs);
        QCOMPARE(result[u"assistant_message"_qs][u"message"_qs].toString(),
            u"Planning the workflow."_qs);
        QCOMPARE(result[u"assets"_qs].toArray().size(), 1);
        QCOMPARE(result[u"assets"_qs][0][u"type"_qs].toString(), u"workflow"_qs);
        QVERIFY(server.streamsServed() >= 2);
        for (const QByteArray &line : r.out.trimmed().split('\n'))
            QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    }

    void looker()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setCredentials(u"client-1"_qs, u"looker-secret"_qs);
        server.setChatScript({ FakeLookerServer::text(u"Revenue grew 12% in Q3."_qs) });
        TempStore store;
        store.database.close();
        const Run r = run(
            { u"ask"_qs, u"--backend"_qs, u"looker"_qs, u"--url"_qs, server.baseUrl().toString(),
                u"--key"_qs, u"client-1"_qs, u"--token"_qs, u"looker-secret"_qs, u"--json"_qs,
                u"--data-dir"_qs, store.dir.path(), u"How did revenue do in Q3?"_qs });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("looker-secret"));
        const QJsonObject result = lastLine(r.out);
        QCOMPARE(result[u"assistant_message"_qs][u"message"_qs].toString(),
            u"Revenue grew 12% in Q3."_qs);
        QCOMPARE(server.conversations().size(), 1);
        QCOMPARE(result[u"conversation_id"_qs].toString(),
            server.conversations().first()[u"id"_qs].toVariant().toString());
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown backend") << QStringList { u"--backend"_qs, u"oracle"_qs, u"q"_qs };
        QTest::newRow("workflow without url")
            << QStringList { u"--backend"_qs, u"workflow"_qs, u"q"_qs };
        QTest::newRow("local with url") << QStringList { u"--backend"_qs, u"local"_qs, u"--url"_qs,
            u"http://127.0.0.1:1"_qs, u"q"_qs };
        QTest::newRow("socketio for looker") << QStringList { u"--backend"_qs, u"looker"_qs,
            u"--url"_qs, u"http://127.0.0.1:1"_qs, u"--transport"_qs, u"socketio"_qs, u"q"_qs };
    }

    void usage()
    {
        QFETCH(QStringList, arguments);
        TempStore store;
        store.database.close();
        const Run r
            = run(QStringList { u"ask"_qs, u"--data-dir"_qs, store.dir.path() } + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliBackends)
#include "tst_clibackends.moc"
