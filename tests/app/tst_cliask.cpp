// `chartroom-cli ask` as a user runs it: the real binary, a real store, a loopback server.

#include "tests/support/fakehttpserver.h"
#include "tests/support/processrun.h"
#include "tests/support/tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliAsk : public QObject
{
    Q_OBJECT

private:
    using Run = ProcessRun;
    // Runs the CLI while this process keeps serving the fake server.
    static Run run(const QStringList &arguments,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        return runProcess(qEnvironmentVariable("CHARTROOM_CLI"), arguments, env);
    }

    static QByteArray recordedStream()
    {
        QFile f(
            qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    // With no --url the built-in analyst answers, and the result line carries how it read the
    // question; the number is checked against plain SQL over the imported sample.
    void localAnswerCarriesItsInterpretation()
    {
        TempStore store;
        store.database.close();
        const Run r = run({ u"ask"_s, u"--json"_s, u"--data-dir"_s, store.dir.path(),
            u"units sold in June 2022"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject result
            = QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
        QJsonObject interpretation;
        for (const QJsonValue &asset : result[u"assets"_s].toArray()) {
            if (asset[u"type"_s].toString() == u"interpretation")
                interpretation = asset[u"value"_s].toObject();
        }
        QCOMPARE(interpretation[u"text"_s].toString(), u"Sales · Units · sum · June 2022"_s);
        QCOMPARE(interpretation[u"tokens"_s].toArray().size(), 4);

        double expected = -1;
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"datasets"_s);
            db.setDatabaseName(store.dir.filePath(u"datasets.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT table_name FROM datasets WHERE name = 'Sales'"_s) && q.next());
            const QString table = q.value(0).toString();
            QVERIFY(q.exec(u"SELECT SUM(c3) FROM "_s + table
                        + u" WHERE c0 >= strftime('%s', '2022-06-01') AND c0 < strftime('%s', "
                          u"'2022-07-01')")
                && q.next());
            expected = q.value(0).toDouble();
        }
        QSqlDatabase::removeDatabase(u"datasets"_s);
        QVERIFY(expected > 0);
        const QString text = result[u"assistant_message"_s][u"message"_s].toString();
        const QString number = QLocale(QLocale::English).toString(qint64(expected));
        QVERIFY2(text.startsWith(u"**Units**: "_s + number + u'.'), qPrintable(text));
    }

    void jsonLinesThenResult()
    {
        TempStore store;
        store.database.close();
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray stream = recordedStream();
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(stream, 200), 2);
        });
        const Run r
            = run({ u"ask"_s, u"--json"_s, u"--url"_s, QString::fromLatin1(server.baseUrl()),
                u"--key"_s, u"k"_s, u"--token"_s, u"secret-token-123"_s, u"--agent"_s, u"item"_s,
                u"--data-dir"_s, store.dir.path(), u"Show monthly revenue as a line chart."_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 19); // 17 events + [DONE] + result
        QStringList types;
        for (const QByteArray &line : lines) {
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            QVERIFY2(doc.isObject(), line.constData());
            types << doc[u"type"_s].toString();
        }
        QCOMPARE(types.first(), u"start"_s);
        QCOMPARE(types.at(types.size() - 2), u"[DONE]"_s);
        QCOMPARE(types.count(u"text_delta"_s), 5);
        QCOMPARE(QJsonDocument::fromJson(lines.at(4))[u"delta"_s].toString(), u"Here is the "_s);
        const QJsonObject result = QJsonDocument::fromJson(lines.last()).object();
        QCOMPARE(result[u"type"_s].toString(), u"result"_s);
        QCOMPARE(
            result[u"conversation_id"_s].toString(), u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
        QCOMPARE(result[u"user_message"_s][u"message"_s].toString(),
            u"Show monthly revenue as a line chart."_s);
        QVERIFY(result[u"assistant_message"_s][u"message"_s].toString().startsWith(
            u"Here is the monthly revenue for 2025.\n\nRevenue peaked"_s));
        QCOMPARE(result[u"assets"_s].toArray().size(), 1);
        QCOMPARE(result[u"assets"_s][0][u"value"_s][u"type"_s].toString(), u"line-chart"_s);
        // The token is never echoed.
        QVERIFY(!r.out.contains("secret-token-123"));
        QVERIFY(!r.err.contains("secret-token-123"));

        // Stored like in the GUI, and a follow-up continues the remote conversation.
        const qint64 local = result[u"local_conversation_id"_s].toInteger();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CHARTROOM_KEY"_s, u"k"_s);
        env.insert(u"CHARTROOM_TOKEN"_s, u"t-from-env"_s);
        const Run followUp = run(
            { u"ask"_s, u"--url"_s, QString::fromLatin1(server.baseUrl()), u"--conversation"_s,
                QString::number(local), u"--data-dir"_s, store.dir.path(), u"And by region?"_s },
            env);
        QCOMPARE(followUp.exitCode, 0);
        QVERIFY(followUp.out.startsWith("Here is the monthly revenue for 2025."));
        // The second aiprompt (the first answer's chart also asked for its data).
        QList<QByteArray> prompts;
        for (const FakeHttpServer::Request &request : server.requests()) {
            if (request.path.endsWith("/aiprompt"))
                prompts << request.body;
        }
        QCOMPARE(prompts.size(), 2);
        const QJsonObject body = QJsonDocument::fromJson(prompts.at(1)).object();
        QCOMPARE(body[u"token"_s].toString(), u"t-from-env"_s);
        QCOMPARE(body[u"properties"_s][u"conversation_id"_s].toString(),
            u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
        QCOMPARE(body[u"properties"_s][u"agent"_s].toString(), u"analyst"_s);
    }

    void failuresExitOne_data()
    {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QByteArray>("stderrWords");
        QTest::newRow("http 401") << QByteArray("401") << QByteArray("credentials");
        QTest::newRow("error event") << QByteArray("error") << QByteArray("no such dataset");
        QTest::newRow("incomplete stream") << QByteArray("cut") << QByteArray("stopped before");
    }

    void failuresExitOne()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QByteArray, stderrWords);
        TempStore store;
        store.database.close();
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            if (scenario == "401")
                return FakeHttpServer::json(401, R"({"message":"bad token"})");
            if (scenario == "error")
                return FakeHttpServer::sse({ "data: {\"type\":\"start\"}\n\n",
                    "data: {\"type\":\"error\",\"message\":\"no such dataset\"}\n\n",
                    "data: [DONE]\n\n" });
            return FakeHttpServer::sse({ "data: {\"type\":\"start\"}\n\n",
                "data: {\"type\":\"text_start\",\"index\":0}\n\n",
                "data: {\"type\":\"text_delta\",\"index\":0,\"delta\":\"Half\"}\n\n" });
        });
        const Run r = run({ u"ask"_s, u"--url"_s, QString::fromLatin1(server.baseUrl()), u"--key"_s,
            u"k"_s, u"--token"_s, u"t"_s, u"--data-dir"_s, store.dir.path(), u"question"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(stderrWords), r.err.constData());
    }

    // A server that reuses ids (a replayed stream, a proxy answering the same prompt twice, a
    // conversation synced earlier): the answer is matched to what is stored, not refused. The
    // fake is as strict as Luzmo's documented create: `input` with exactly one text input.
    void sameIdsTwiceExitZeroBothTimes()
    {
        TempStore store;
        store.database.close();
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray stream = recordedStream();
        server.setHandler([&](const FakeHttpServer::Request &request) {
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            if (request.path == "/0.1.0/aiprompt") {
                const QJsonArray input = body[u"properties"_s][u"input"_s].toArray();
                if (body[u"action"_s] != u"create"_s || input.size() != 1
                    || input[0][u"type"_s] != u"text"_s)
                    return FakeHttpServer::json(
                        400, R"({"message":"Exactly one text input is required."})");
                return FakeHttpServer::sse(FakeHttpServer::split(stream, 200), 2);
            }
            if (request.path == "/0.1.0/data") // the chart's data cannot be had right now
                return FakeHttpServer::json(500, R"({"message":"the data service is down"})");
            return FakeHttpServer::json(404, R"({"message":"Not found"})");
        });
        for (int i = 0; i < 2; ++i) {
            const Run r = run({ u"ask"_s, u"--json"_s, u"--url"_s,
                QString::fromLatin1(server.baseUrl()), u"--key"_s, u"k"_s, u"--token"_s, u"t"_s,
                u"--data-dir"_s, store.dir.path(), u"Show monthly revenue as a line chart."_s });
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(r.err.contains("warning: the data of chart"), r.err.constData());
            const QJsonObject result
                = QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
            QCOMPARE(result[u"status"_s].toString(), u"complete"_s);
            QCOMPARE(
                result[u"conversation_id"_s].toString(), u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
        }
        // Read back with plain SQL: one conversation, its question and answer once each, one
        // chart (no snapshot: the data could not be fetched).
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(store.dir.filePath(u"chartroom.sqlite"_s));
            QVERIFY(db.open());
            const auto count = [&db](const QString &sql) {
                QSqlQuery q(db);
                return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
            };
            QCOMPARE(count(u"SELECT count(*) FROM conversations WHERE deleted = 0"_s), 1);
            QCOMPARE(count(u"SELECT count(*) FROM conversations"_s), 1);
            QCOMPARE(count(u"SELECT count(*) FROM messages"_s), 2);
            QCOMPARE(count(u"SELECT count(DISTINCT remote_id) FROM messages"_s), 2);
            QCOMPARE(count(u"SELECT count(*) FROM messages WHERE status = 'complete'"_s), 2);
            QCOMPARE(count(u"SELECT count(*) FROM message_assets"_s), 1);
            QCOMPARE(count(u"SELECT count(*) FROM message_assets WHERE data_json IS NULL"_s), 1);
        }
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("bad agent") << QStringList { u"--agent"_s, u"oracle"_s, u"q"_s };
        QTest::newRow("bad task") << QStringList { u"--task"_s, u"dream"_s, u"q"_s };
        QTest::newRow("no prompt") << QStringList {};
        QTest::newRow("bad url") << QStringList { u"--url"_s, u"ftp://x"_s, u"q"_s };
        QTest::newRow("bad conversation") << QStringList { u"--conversation"_s, u"x"_s, u"q"_s };
        QTest::newRow("bad transport") << QStringList { u"--transport"_s, u"pigeon"_s, u"q"_s };
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        TempStore store;
        store.database.close();
        QStringList args { u"ask"_s, u"--data-dir"_s, store.dir.path() };
        if (!arguments.contains(u"--url"_s))
            args << u"--url"_s << u"http://127.0.0.1:1"_s;
        const Run r = run(args + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAsk)
#include "tst_cliask.moc"
