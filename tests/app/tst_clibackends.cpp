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
    // Framed as B3OS frames it (data-only frames, heartbeats), cut halfway through the third
    // frame: the CLI reconnects with lastEventIndex 1 (frames 0 thinking and 1 chunk) and prints
    // each piece of text once, and the final workflow is kept.
    void workflow_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("json") << true;
        QTest::newRow("text") << false;
    }

    void workflow()
    {
        QFETCH(bool, json);
        using S = FakeWorkflowServer;
        S server;
        QVERIFY(server.listen());
        server.setToken(u"bearer-secret"_qs);
        const QJsonObject definition { { u"nodes"_qs,
            QJsonObject { { u"root"_qs, QJsonObject { { u"type"_qs, u"manual"_qs } } } } } };
        server.setEvents({ S::thinking(u"Reading the request"_qs), S::chunk(u"Planning "_qs),
            S::chunk(u"the workflow."_qs),
            S::node(QJsonObject { { u"id"_qs, u"root"_qs }, { u"type"_qs, u"manual"_qs } }),
            S::done(definition) });
        server.setHeartbeatEvery(1);
        server.setDropAfter({ 2 });
        server.setCutMidFrame(true);
        TempStore store;
        store.database.close();
        QStringList arguments { u"ask"_qs, u"--backend"_qs, u"workflow"_qs, u"--url"_qs,
            server.baseUrl().toString(), u"--token"_qs, u"bearer-secret"_qs, u"--data-dir"_qs,
            store.dir.path(), u"Build me a workflow"_qs };
        if (json)
            arguments.insert(1, u"--json"_qs);
        const Run r = run(arguments);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("bearer-secret"));
        QCOMPARE(server.streamsServed(), 2);
        QCOMPARE(server.bodies().last()[u"lastEventIndex"_qs].toInt(), 1);
        QVERIFY(!server.bodies().last().contains(u"message"_qs));
        if (!json) {
            QVERIFY2(r.out.startsWith("Planning the workflow.\n[asset "), r.out.constData());
            QVERIFY(r.out.trimmed().endsWith(": workflow]"));
            return;
        }
        const QJsonObject result = lastLine(r.out);
        QCOMPARE(result[u"type"_qs].toString(), u"result"_qs);
        QCOMPARE(result[u"status"_qs].toString(), u"complete"_qs);
        QCOMPARE(result[u"assistant_message"_qs][u"message"_qs].toString(),
            u"Planning the workflow."_qs);
        QCOMPARE(result[u"assets"_qs].toArray().size(), 1);
        QCOMPARE(result[u"assets"_qs][0][u"type"_qs].toString(), u"workflow"_qs);
        int chunks = 0;
        for (const QByteArray &line : r.out.trimmed().split('\n')) {
            const QJsonDocument event = QJsonDocument::fromJson(line);
            QVERIFY2(event.isObject(), line.constData());
            chunks += event[u"type"_qs].toString() == u"chunk";
        }
        QCOMPARE(chunks, 2); // each chunk once, although the stream was cut after the first
    }

    // Against the strict Looker fake (routes, bodies and errors as Looker's OpenAPI file): the
    // final text, the thoughts as progress, the data, chart and follow-up parts as assets, the
    // turn persisted with one messages call; then `sync --backend looker` into a fresh store
    // pulls that conversation with the same parts.
    void looker()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setCredentials(u"client-1"_qs, u"looker-secret"_qs);
        const QJsonArray rows { QJsonObject { { u"quarter"_qs, u"Q2"_qs }, { u"revenue"_qs, 100 } },
            QJsonObject { { u"quarter"_qs, u"Q3"_qs }, { u"revenue"_qs, 112 } } };
        server.setChatScript({ FakeLookerServer::thought(u"Planning the query"_qs),
            FakeLookerServer::data(u"revenue by quarter"_qs, rows, u"revenue_by_quarter"_qs),
            FakeLookerServer::chart(
                QJsonObject { { u"mark"_qs, u"line"_qs } }, u"revenue_by_quarter"_qs),
            FakeLookerServer::text(u"Revenue grew 12% in Q3."_qs),
            FakeLookerServer::followups({ u"Which region grew most?"_qs }) });
        TempStore store;
        store.database.close();
        const Run r = run(
            { u"ask"_qs, u"--backend"_qs, u"looker"_qs, u"--url"_qs, server.baseUrl().toString(),
                u"--key"_qs, u"client-1"_qs, u"--token"_qs, u"looker-secret"_qs, u"--json"_qs,
                u"--data-dir"_qs, store.dir.path(), u"How did revenue do in Q3?"_qs });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("looker-secret"));
        const QJsonObject result = lastLine(r.out);
        QCOMPARE(result[u"status"_qs].toString(), u"complete"_qs);
        QCOMPARE(result[u"assistant_message"_qs][u"message"_qs].toString(),
            u"Revenue grew 12% in Q3."_qs);
        QStringList types;
        for (const QJsonValue &asset : result[u"assets"_qs].toArray())
            types << asset[u"type"_qs].toString();
        QCOMPARE(types, (QStringList { u"looker-data"_qs, u"looker-chart"_qs, u"followups"_qs }));
        QStringList progress;
        for (const QByteArray &line : r.out.trimmed().split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event[u"type"_qs].toString() == u"progress")
                progress << event[u"message"_qs].toString();
        }
        QVERIFY2(progress.contains(u"Planning the query"_qs), qPrintable(progress.join(u" | ")));
        QCOMPARE(server.conversations().size(), 1);
        const QString remote = server.conversations().first()[u"id"_qs].toString();
        QCOMPARE(result[u"conversation_id"_qs].toString(), remote);
        // One messages call: the question and the five system messages, numbered by the server.
        QCOMPARE(
            server.requestsTo("POST", "/api/4.0/conversations/" + remote.toUtf8() + "/messages")
                .size(),
            1);
        QCOMPARE(server.messagesOf(remote).size(), 6);
        QCOMPARE(server.messagesOf(remote).first()[u"type"_qs].toString(), u"user"_qs);

        TempStore other;
        other.database.close();
        const Run synced = run({ u"sync"_qs, u"--backend"_qs, u"looker"_qs, u"--url"_qs,
            server.baseUrl().toString(), u"--key"_qs, u"client-1"_qs, u"--token"_qs,
            u"looker-secret"_qs, u"--json"_qs, u"--data-dir"_qs, other.dir.path() });
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        const QJsonObject report = lastLine(synced.out);
        QCOMPARE(report[u"status"_qs].toString(), u"ok"_qs);
        QCOMPARE(report[u"conversations"_qs][u"added"_qs].toInt(), 1);
        QCOMPARE(report[u"messages"_qs][u"added"_qs].toInt(), 2);
        QCOMPARE(report[u"assets"_qs][u"added"_qs].toInt(), 3);
        QCOMPARE(server.requestsTo("GET", "/api/4.0/conversations").size(), 0);
    }

    // `--looker-source` with no agent: the agent is found by name or created (POST /agents with
    // the SDK test's fields) and the conversation belongs to it; `--looker-agent` is used as is.
    void lookerAgent()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::text(u"Fine."_qs) });
        TempStore store;
        store.database.close();
        const QStringList common { u"ask"_qs, u"--backend"_qs, u"looker"_qs, u"--url"_qs,
            server.baseUrl().toString(), u"--key"_qs, u"looker-id"_qs, u"--token"_qs,
            u"looker-secret"_qs, u"--data-dir"_qs, store.dir.path() };
        Run r = run(
            common + QStringList { u"--looker-source"_qs, u"thelook/orders"_qs, u"Revenue?"_qs });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.agents().size(), 1);
        const QJsonObject agent = server.agents().first();
        QCOMPARE(agent[u"name"_qs].toString(), u"Chartroom: thelook/orders"_qs);
        QCOMPARE(agent[u"sources"_qs].toArray(),
            (QJsonArray {
                QJsonObject { { u"model"_qs, u"thelook"_qs }, { u"explore"_qs, u"orders"_qs } } }));
        QCOMPARE(
            server.conversations().first()[u"agent_id"_qs].toString(), agent[u"id"_qs].toString());

        // A second run finds the agent by name instead of creating another.
        r = run(common + QStringList { u"--looker-source"_qs, u"thelook/orders"_qs, u"Again?"_qs });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.agents().size(), 1);
        QCOMPARE(
            server.conversations().last()[u"agent_id"_qs].toString(), agent[u"id"_qs].toString());

        const QString other = server.addAgent(u"Hand-made"_qs, {});
        r = run(common + QStringList { u"--looker-agent"_qs, other, u"Third?"_qs });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.conversations().last()[u"agent_id"_qs].toString(), other);

        r = run(common + QStringList { u"--looker-source"_qs, u"orders"_qs, u"Bad?"_qs });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("MODEL/EXPLORE"));
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
