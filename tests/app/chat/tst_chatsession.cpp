// The chat session end to end: a real store, the Luzmo backend, real HTTP over loopback.

#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "tests/app/chat/fakeluzmoconfig.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray recordedStream()
{
    QFile f(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The recorded stream up to (not including) the first frame starting {"type":"<prefix>.
QByteArray streamUntil(const QByteArray &stream, const QByteArray &type)
{
    const qsizetype at = stream.indexOf(QByteArray("data: {\"type\":\"" + type));
    return at < 0 ? stream : stream.left(at);
}

QByteArray frame(const QJsonObject &event)
{
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}
} // namespace

class TestChatSession : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static Message lastMessage(TempStore &store, qint64 conversation)
    {
        auto messages = store.repository->messages(conversation);
        return messages && !messages->isEmpty() ? messages->last() : Message {};
    }

private Q_SLOTS:
    void streamsIntoTheStore()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray stream = recordedStream();
        QVERIFY(!stream.isEmpty());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(stream, 97), 5);
        });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        session.setAgent(u"item"_s);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QSignalSpy progress(&session, &ChatSession::progressChanged);
        QSignalSpy changed(store.repository.get(), &Repository::messageChanged);

        auto conversation = session.send(0, u"Show monthly revenue as a line chart."_s);
        QVERIFY(conversation);
        QVERIFY(session.isBusy());
        // The question is stored before anything arrives, and the answer is there, pending.
        auto early = store.repository->messages(*conversation);
        QCOMPARE(early->size(), 2);
        QCOMPARE(early->at(0).text, u"Show monthly revenue as a line chart."_s);
        QCOMPARE(early->at(1).status, MessageStatus::Pending);

        QVERIFY(finished.wait(10000));
        QVERIFY(!session.isBusy());
        const Message answer = lastMessage(store, *conversation);
        QCOMPARE(answer.status, MessageStatus::Complete);
        QCOMPARE(answer.text,
            u"Here is the monthly revenue for 2025.\n\nRevenue peaked in März at 12\u202F400 €."_s);
        QCOMPARE(answer.remoteId, u"2fdbacdc-d6e6-4a73-b22c-c4b6e9a10d98"_s);
        QCOMPARE(answer.assets.size(), 1);
        QCOMPARE(answer.assets.first().remoteId, u"7bfcf7ff-dcb2-4963-9e9b-0fe651a342af"_s);
        const QJsonObject item = QJsonDocument::fromJson(answer.assets.first().valueJson).object();
        QCOMPARE(item[u"type"_s].toString(), u"line-chart"_s);
        QCOMPARE(store.repository->conversation(*conversation)->remoteId,
            u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
        QCOMPARE(store.repository->messages(*conversation)->first().remoteId,
            u"1f3bb2f4-7589-40bc-b7d2-9a84b446d9ef"_s);
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.at(0).at(1).toString(), u"Reading dataset"_s);

        // The request: the documented aiprompt create, streaming.
        const QJsonObject body = QJsonDocument::fromJson(server.requests().first().body).object();
        QCOMPARE(server.requests().first().method, QByteArray("POST"));
        QCOMPARE(server.requests().first().path, QByteArray("/0.1.0/aiprompt"));
        QCOMPARE(body[u"action"_s].toString(), u"create"_s);
        QCOMPARE(body[u"properties"_s][u"stream"_s].toBool(), true);
        QCOMPARE(body[u"properties"_s][u"agent"_s].toString(), u"item"_s);
        QVERIFY(!body[u"properties"_s].toObject().contains(u"conversation_id"_s));

        // A follow-up continues the same remote conversation.
        QVERIFY(session.send(*conversation, u"And by region?"_s));
        QVERIFY(finished.wait(10000));
        const QJsonObject second = QJsonDocument::fromJson(server.requests().at(1).body).object();
        QCOMPARE(second[u"properties"_s][u"conversation_id"_s].toString(),
            u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
    }

    void persistsWhileStreaming()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QJsonObject ctx { { u"conversation_id"_s, u"c1"_s },
            { u"assistant_message_id"_s, u"a1"_s } };
        QList<QByteArray> chunks;
        chunks << frame({ { u"type"_s, u"start"_s }, { u"conversation_id"_s, u"c1"_s } })
               << frame({ { u"type"_s, u"text_start"_s }, { u"index"_s, 0 } });
        for (int i = 0; i < 16; ++i)
            chunks << frame({ { u"type"_s, u"text_delta"_s }, { u"index"_s, 0 },
                { u"delta"_s, u"word%1 "_s.arg(i) } });
        server.setHandler([&](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r = FakeHttpServer::sse(chunks, 100);
            r.stallAfterChunks = true; // never finishes: we stop it
            return r;
        });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        auto conversation = session.send(0, u"Tell me slowly"_s);
        QVERIFY(conversation);
        const qint64 answerId = session.activeAnswerId();
        // Read the row the way a crash-recovering process would: straight from the store.
        QTRY_VERIFY_WITH_TIMEOUT(
            store.repository->message(answerId)->text.contains(u"word3"_s), 5000);
        const Message midway = *store.repository->message(answerId);
        QCOMPARE(midway.status, MessageStatus::Streaming);
        QVERIFY(!midway.text.contains(u"word15"_s));

        QSignalSpy finished(&session, &ChatSession::answerFinished);
        session.stop();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        const Message stopped = *store.repository->message(answerId);
        QCOMPARE(stopped.status, MessageStatus::Interrupted);
        QVERIFY(stopped.text.startsWith(u"word0 word1 word2 word3"_s));
        QVERIFY(!stopped.errorDetail.isEmpty());
    }

    void outcomes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detail"); // part of the error detail
        QTest::newRow("no finish, connection closed")
            << u"cut"_s << int(MessageStatus::Interrupted)
            << u"Here is the monthly revenue for 2025."_s << u"stopped before"_s;
        QTest::newRow("connection dropped mid-stream")
            << u"drop"_s << int(MessageStatus::Interrupted)
            << u"Here is the monthly revenue for 2025."_s << QString();
        QTest::newRow("error event") << u"error"_s << int(MessageStatus::Error) << QString()
                                     << u"The dataset is not accessible"_s;
        QTest::newRow("invalid json frame")
            << u"badjson"_s << int(MessageStatus::Interrupted) << u"Partial"_s << QString();
        QTest::newRow("http 401") << u"401"_s << int(MessageStatus::Error) << QString()
                                  << u"credentials"_s;
        QTest::newRow("not streaming: json")
            << u"json"_s << int(MessageStatus::Complete) << u"A complete answer."_s << QString();
    }

    void outcomes()
    {
        QFETCH(QString, scenario);
        QFETCH(int, status);
        QFETCH(QString, text);
        QFETCH(QString, detail);
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray stream = recordedStream();
        server.setHandler([&](const FakeHttpServer::Request &) {
            if (scenario == u"cut")
                return FakeHttpServer::sse({ streamUntil(stream, "text_start\",\"index\":1") });
            if (scenario == u"drop") {
                FakeHttpServer::Response r = FakeHttpServer::sse(
                    { streamUntil(stream, "text_start\",\"index\":1"), "data: {\"type\":\"te" });
                r.dropAfterChunks = 1;
                return r;
            }
            if (scenario == u"error")
                return FakeHttpServer::sse({ frame({ { u"type"_s, u"start"_s } }),
                    frame({ { u"type"_s, u"error"_s },
                        { u"message"_s, u"The dataset is not accessible"_s } }),
                    frame({ { u"type"_s, u"finish"_s }, { u"result"_s, QJsonValue() } }),
                    "data: [DONE]\n\n" });
            if (scenario == u"badjson")
                return FakeHttpServer::sse(
                    { frame({ { u"type"_s, u"text_start"_s }, { u"index"_s, 0 } }),
                        frame({ { u"type"_s, u"text_delta"_s }, { u"index"_s, 0 },
                            { u"delta"_s, u"Partial"_s } }),
                        "data: {\"type\": \"text_delta\", oops\n\n", "data: [DONE]\n\n" });
            if (scenario == u"401")
                return FakeHttpServer::json(401, R"({"message":"Invalid token"})");
            const QJsonObject result {
                { u"conversation_id"_s, u"c-9"_s },
                { u"user_message"_s, QJsonObject { { u"id"_s, u"u-9"_s } } },
                { u"assistant_message"_s,
                    QJsonObject { { u"id"_s, u"a-9"_s }, { u"message"_s, u"A complete answer."_s },
                        { u"aiMessageAssets"_s, QJsonArray {} } } },
            };
            return FakeHttpServer::json(200, QJsonDocument(result).toJson());
        });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        session.setStreaming(scenario != u"json");
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"question"_s);
        QVERIFY(conversation);
        QVERIFY(finished.wait(10000));
        const Message answer = lastMessage(store, *conversation);
        QCOMPARE(int(answer.status), status);
        QCOMPARE(answer.text, text);
        if (!detail.isEmpty())
            QVERIFY2(answer.errorDetail.contains(detail), qPrintable(answer.errorDetail));
        if (status != int(MessageStatus::Complete))
            QVERIFY(!answer.errorDetail.isEmpty());
        // The question is always kept.
        QCOMPARE(store.repository->messages(*conversation)->first().text, u"question"_s);
        if (scenario == u"json") {
            const QJsonObject body
                = QJsonDocument::fromJson(server.requests().first().body).object();
            QCOMPARE(body[u"properties"_s][u"stream"_s].toBool(), false);
            QCOMPARE(answer.remoteId, u"a-9"_s);
        }
    }

    void retryAsksTheSameQuestionAgain()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.setHandler([&](const FakeHttpServer::Request &) {
            if (++calls == 1)
                return FakeHttpServer::json(503, R"({"message":"busy"})");
            return FakeHttpServer::sse({ recordedStream() });
        });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"Show monthly revenue"_s);
        QVERIFY(finished.wait(10000));
        const Message failed = lastMessage(store, *conversation);
        QCOMPARE(failed.status, MessageStatus::Error);
        QVERIFY(session.retry(failed.id));
        QVERIFY(finished.wait(10000));
        auto all = store.repository->messages(*conversation);
        QCOMPARE(all->size(), 3); // the question once, the failed answer, the new answer
        QCOMPARE(all->last().status, MessageStatus::Complete);
        const QJsonObject body = QJsonDocument::fromJson(server.requests().at(1).body).object();
        QCOMPARE(
            body[u"properties"_s][u"input"_s][0][u"text"_s].toString(), u"Show monthly revenue"_s);
    }

    void conversationsStayOnTheirBackend()
    {
        TempStore store;
        FakeHttpServer serverA, serverB;
        QVERIFY(serverA.listen());
        QVERIFY(serverB.listen());
        const auto handler = [](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse({ recordedStream() });
        };
        serverA.setHandler(handler);
        serverB.setHandler(handler);
        LuzmoBackend a(m_network, fakeLuzmoConfig(serverA), u"account-a"_s);
        LuzmoBackend b(m_network, fakeLuzmoConfig(serverB), u"account-b"_s);
        bool aConfigured = true;
        ChatSession session(*store.repository);
        session.setBackendResolver([&](const QString &id) -> Backend * {
            if (id == u"account-a")
                return aConfigured ? &a : nullptr;
            return id == u"account-b" ? &b : nullptr;
        });
        session.setBackend(&a);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"first"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(store.repository->conversation(*conversation)->backend, u"account-a"_s);

        session.setBackend(&b); // the default changes; the conversation does not move
        QVERIFY(session.send(*conversation, u"follow-up"_s));
        QVERIFY(finished.wait(10000));
        QCOMPARE(serverA.requests().size(), 2);
        QCOMPARE(serverB.requests().size(), 0);

        auto other = session.send(0, u"new conversation"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(serverB.requests().size(), 1);
        QCOMPARE(store.repository->conversation(*other)->backend, u"account-b"_s);

        aConfigured = false; // account A removed: refused in words, nothing stored or sent
        const int before = store.repository->messageCount(*conversation).value();
        const auto refused = session.send(*conversation, u"still there?"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message,
            u"The account this conversation used was removed. Move it to another account to "
            "continue it."_s);
        QCOMPARE(store.repository->messageCount(*conversation).value(), before);
        QCOMPARE(serverA.requests().size(), 2);

        // Moved to account B (not the default): the next question starts there anew.
        const QByteArray oldRemoteId
            = store.repository->conversation(*conversation)->remoteId.toUtf8();
        QVERIFY(!oldRemoteId.isEmpty());
        QVERIFY(!store.repository->setConversationRemoteId(*conversation, {}, u"account-b"_s));
        QVERIFY(session.send(*conversation, u"on b now"_s));
        QVERIFY(finished.wait(10000));
        QCOMPARE(serverA.requests().size(), 2);
        QCOMPARE(serverB.requests().size(), 2);
        QVERIFY(serverB.requests().at(1).body.contains("on b now"));
        QVERIFY(!serverB.requests().at(1).body.contains(oldRemoteId));
    }

    void refusedBeforeSending_data()
    {
        QTest::addColumn<bool>("withBackend");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("detail");
        QTest::newRow("no backend")
            << false << u"analyst"_s << u"generate"_s << u"No backend configured"_s;
        QTest::newRow("analyst cannot suggest")
            << true << u"analyst"_s << u"suggest"_s << u"only supports the task"_s;
    }

    void refusedBeforeSending()
    {
        QFETCH(bool, withBackend);
        QFETCH(QString, agent);
        QFETCH(QString, task);
        QFETCH(QString, detail);
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        if (withBackend)
            session.setBackend(&backend);
        session.setAgent(agent, task);
        auto conversation = session.send(0, u"question"_s);
        QVERIFY(conversation);
        QVERIFY(!session.isBusy());
        const Message answer = lastMessage(store, *conversation);
        QCOMPARE(answer.role, MessageRole::Assistant);
        QCOMPARE(answer.status, MessageStatus::Error);
        QVERIFY2(answer.errorDetail.contains(detail), qPrintable(answer.errorDetail));
        QTest::qWait(20);
        QCOMPARE(server.requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChatSession)
#include "tst_chatsession.moc"
