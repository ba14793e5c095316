// `chartroom-cli ask --backend workflow|looker` as a user runs it: the real binary against the
// loopback fakes of the workflow chat stream and of Looker, with the same --json output shape.

#include "tests/support/fakelookerserver.h"
#include "tests/support/fakeworkflowserver.h"
#include "tests/support/processrun.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliBackends : public QObject
{
    Q_OBJECT

private:
    using Run = ProcessRun;
    static Run run(const QStringList &arguments)
    {
        return runProcess(qEnvironmentVariable("CHARTROOM_CLI"), arguments);
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
        server.setToken(u"bearer-secret"_s);
        const QJsonObject definition { { u"nodes"_s,
            QJsonObject { { u"root"_s, QJsonObject { { u"type"_s, u"manual"_s } } } } } };
        server.setEvents({ S::thinking(u"Reading the request"_s), S::chunk(u"Planning "_s),
            S::chunk(u"the workflow."_s),
            S::node(QJsonObject { { u"id"_s, u"root"_s }, { u"type"_s, u"manual"_s } }),
            S::done(definition) });
        server.setHeartbeatEvery(1);
        server.setDropAfter({ 2 });
        server.setCutMidFrame(true);
        TempStore store;
        store.database.close();
        QStringList arguments { u"ask"_s, u"--backend"_s, u"workflow"_s, u"--url"_s,
            server.baseUrl().toString(), u"--token"_s, u"bearer-secret"_s, u"--data-dir"_s,
            store.dir.path(), u"Build me a workflow"_s };
        if (json)
            arguments.insert(1, u"--json"_s);
        const Run r = run(arguments);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("bearer-secret"));
        QCOMPARE(server.streamsServed(), 2);
        QCOMPARE(server.bodies().last()[u"lastEventIndex"_s].toInt(), 1);
        QVERIFY(!server.bodies().last().contains(u"message"_s));
        if (!json) {
            QVERIFY2(r.out.startsWith("Planning the workflow.\n[asset "), r.out.constData());
            QVERIFY(r.out.trimmed().endsWith(": workflow]"));
            return;
        }
        const QJsonObject result = lastLine(r.out);
        QCOMPARE(result[u"type"_s].toString(), u"result"_s);
        QCOMPARE(result[u"status"_s].toString(), u"complete"_s);
        QCOMPARE(
            result[u"assistant_message"_s][u"message"_s].toString(), u"Planning the workflow."_s);
        QCOMPARE(result[u"assets"_s].toArray().size(), 1);
        QCOMPARE(result[u"assets"_s][0][u"type"_s].toString(), u"workflow"_s);
        int chunks = 0;
        for (const QByteArray &line : r.out.trimmed().split('\n')) {
            const QJsonDocument event = QJsonDocument::fromJson(line);
            QVERIFY2(event.isObject(), line.constData());
            chunks += event[u"type"_s].toString() == u"chunk";
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
        server.setCredentials(u"client-1"_s, u"looker-secret"_s);
        const QJsonArray rows { QJsonObject { { u"quarter"_s, u"Q2"_s }, { u"revenue"_s, 100 } },
            QJsonObject { { u"quarter"_s, u"Q3"_s }, { u"revenue"_s, 112 } } };
        server.setChatScript({ FakeLookerServer::thought(u"Planning the query"_s),
            FakeLookerServer::data(u"revenue by quarter"_s, rows, u"revenue_by_quarter"_s),
            FakeLookerServer::chart(
                QJsonObject { { u"mark"_s, u"line"_s } }, u"revenue_by_quarter"_s),
            FakeLookerServer::text(u"Revenue grew 12% in Q3."_s),
            FakeLookerServer::followups({ u"Which region grew most?"_s }) });
        TempStore store;
        store.database.close();
        const Run r
            = run({ u"ask"_s, u"--backend"_s, u"looker"_s, u"--url"_s, server.baseUrl().toString(),
                u"--key"_s, u"client-1"_s, u"--token"_s, u"looker-secret"_s, u"--json"_s,
                u"--data-dir"_s, store.dir.path(), u"How did revenue do in Q3?"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("looker-secret"));
        const QJsonObject result = lastLine(r.out);
        QCOMPARE(result[u"status"_s].toString(), u"complete"_s);
        QCOMPARE(
            result[u"assistant_message"_s][u"message"_s].toString(), u"Revenue grew 12% in Q3."_s);
        QStringList types;
        for (const QJsonValue &asset : result[u"assets"_s].toArray())
            types << asset[u"type"_s].toString();
        QCOMPARE(types, (QStringList { u"looker-data"_s, u"looker-chart"_s, u"followups"_s }));
        QStringList progress;
        for (const QByteArray &line : r.out.trimmed().split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event[u"type"_s].toString() == u"progress")
                progress << event[u"message"_s].toString();
        }
        QVERIFY2(progress.contains(u"Planning the query"_s), qPrintable(progress.join(u" | ")));
        QCOMPARE(server.conversations().size(), 1);
        const QString remote = server.conversations().first()[u"id"_s].toString();
        QCOMPARE(result[u"conversation_id"_s].toString(), remote);
        // One messages call: the question and the five system messages, numbered by the server.
        QCOMPARE(
            server.requestsTo("POST", "/api/4.0/conversations/" + remote.toUtf8() + "/messages")
                .size(),
            1);
        QCOMPARE(server.messagesOf(remote).size(), 6);
        QCOMPARE(server.messagesOf(remote).first()[u"type"_s].toString(), u"user"_s);

        TempStore other;
        other.database.close();
        const Run synced = run({ u"sync"_s, u"--backend"_s, u"looker"_s, u"--url"_s,
            server.baseUrl().toString(), u"--key"_s, u"client-1"_s, u"--token"_s,
            u"looker-secret"_s, u"--json"_s, u"--data-dir"_s, other.dir.path() });
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        const QJsonObject report = lastLine(synced.out);
        QCOMPARE(report[u"status"_s].toString(), u"ok"_s);
        QCOMPARE(report[u"conversations"_s][u"added"_s].toInt(), 1);
        QCOMPARE(report[u"messages"_s][u"added"_s].toInt(), 2);
        QCOMPARE(report[u"assets"_s][u"added"_s].toInt(), 3);
        QCOMPARE(server.requestsTo("GET", "/api/4.0/conversations").size(), 0);
    }

    // `--looker-source` with no agent: the agent is found by name or created (POST /agents with
    // the SDK test's fields) and the conversation belongs to it; `--looker-agent` is used as is.
    void lookerAgent()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::text(u"Fine."_s) });
        TempStore store;
        store.database.close();
        const QStringList common { u"ask"_s, u"--backend"_s, u"looker"_s, u"--url"_s,
            server.baseUrl().toString(), u"--key"_s, u"looker-id"_s, u"--token"_s,
            u"looker-secret"_s, u"--data-dir"_s, store.dir.path() };
        Run r = run(
            common + QStringList { u"--looker-source"_s, u"thelook/orders"_s, u"Revenue?"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.agents().size(), 1);
        const QJsonObject agent = server.agents().first();
        QCOMPARE(agent[u"name"_s].toString(), u"Chartroom: thelook/orders"_s);
        QCOMPARE(agent[u"sources"_s].toArray(),
            (QJsonArray {
                QJsonObject { { u"model"_s, u"thelook"_s }, { u"explore"_s, u"orders"_s } } }));
        QCOMPARE(
            server.conversations().first()[u"agent_id"_s].toString(), agent[u"id"_s].toString());

        // A second run finds the agent by name instead of creating another.
        r = run(common + QStringList { u"--looker-source"_s, u"thelook/orders"_s, u"Again?"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.agents().size(), 1);
        QCOMPARE(
            server.conversations().last()[u"agent_id"_s].toString(), agent[u"id"_s].toString());

        const QString other = server.addAgent(u"Hand-made"_s, {});
        r = run(common + QStringList { u"--looker-agent"_s, other, u"Third?"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.conversations().last()[u"agent_id"_s].toString(), other);

        r = run(common + QStringList { u"--looker-source"_s, u"orders"_s, u"Bad?"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("MODEL/EXPLORE"));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown backend") << QStringList { u"--backend"_s, u"oracle"_s, u"q"_s };
        QTest::newRow("workflow without url")
            << QStringList { u"--backend"_s, u"workflow"_s, u"q"_s };
        QTest::newRow("local with url") << QStringList { u"--backend"_s, u"local"_s, u"--url"_s,
            u"http://127.0.0.1:1"_s, u"q"_s };
        QTest::newRow("socketio for looker") << QStringList { u"--backend"_s, u"looker"_s,
            u"--url"_s, u"http://127.0.0.1:1"_s, u"--transport"_s, u"socketio"_s, u"q"_s };
    }

    void usage()
    {
        QFETCH(QStringList, arguments);
        TempStore store;
        store.database.close();
        const Run r = run(QStringList { u"ask"_s, u"--data-dir"_s, store.dir.path() } + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliBackends)
#include "tst_clibackends.moc"
