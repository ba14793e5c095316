// The Looker backend end to end: a real ChatSession and store, the fake Looker server over
// loopback HTTP (login and token expiry, conversations, the streamed chat, persisted turns; every
// error class: tst_lookerbackenderrors).

#include "tests/app/looker/lookerbackendfixture.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace LookerBackendFixture;

namespace {
QList<QJsonObject> script()
{
    const QJsonArray rows { QJsonObject { { u"month"_s, u"2025-01"_s }, { u"revenue"_s, 120 } },
        QJsonObject { { u"month"_s, u"2025-02"_s }, { u"revenue"_s, 135 } } };
    return { FakeLookerServer::thought(u"Planning the query"_s),
        FakeLookerServer::thought(u"Looking up revenue values"_s, u"PROGRESS"_s),
        FakeLookerServer::data(u"monthly revenue"_s, rows),
        FakeLookerServer::text(u"Revenue grew from 120 "_s),
        FakeLookerServer::text(u"to 135 in February."_s) };
}

const QString answerText = u"Revenue grew from 120 to 135 in February."_s;
} // namespace

class TestLookerBackend : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void newConversationAndFollowUp_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("json array") << int(FakeLookerServer::ChatFormat::JsonArray);
        QTest::newRow("json lines") << int(FakeLookerServer::ChatFormat::JsonLines);
        QTest::newRow("sse") << int(FakeLookerServer::ChatFormat::Sse);
    }

    void newConversationAndFollowUp()
    {
        QFETCH(int, format);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript(script(), FakeLookerServer::ChatFormat(format), 37, 5);
        LookerBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy progress(&session, &ChatSession::progressChanged);

        qint64 conversation = 0;
        const Message answer = ask(session, store, &conversation,
            u"How did monthly revenue develop in the first quarter of 2025 by region?"_s);
        QCOMPARE(answer.status, MessageStatus::Complete);
        QCOMPARE(answer.text, answerText);
        QCOMPARE(answer.errorDetail, QString());

        // Created remotely, named after the prompt's first words, with the account's agent (the
        // agent belongs to the conversation, as in Looker's SDK test).
        const auto creates = server.requestsTo("POST", conversationsPath);
        QCOMPARE(creates.size(), 1);
        const QJsonObject create = bodyOf(creates.first());
        QCOMPARE(create,
            (QJsonObject { { u"name"_s, u"How did monthly revenue develop in the first…"_s },
                { u"category"_s, u"conversation"_s }, { u"agent_id"_s, u"agent-1"_s } }));
        QCOMPARE(server.requestsTo("GET", "/api/4.0/agents/search").size(), 0);
        const QString remoteId = server.conversations().first()[u"id"_s].toString();
        QCOMPARE(store.repository->conversation(conversation)->remoteId, remoteId);
        QCOMPARE(store.repository->conversation(conversation)->backend, u"looker"_s);

        // Thoughts and progress arrived as status lines.
        QStringList lines;
        for (const auto &args : progress)
            lines << args.at(1).toString();
        QVERIFY2(lines.contains(u"Planning the query"_s), qPrintable(lines.join(u" | ")));
        QVERIFY(lines.contains(u"Looking up revenue values"_s));

        // The data part is stored as an asset.
        QCOMPARE(answer.assets.size(), 1);
        QCOMPARE(answer.assets.first().type, u"looker-data"_s);
        const QJsonObject data = QJsonDocument::fromJson(answer.assets.first().valueJson).object();
        QCOMPARE(data[u"result"_s][u"data"_s][1][u"revenue"_s].toInt(), 135);

        // The chat request is exactly {conversation_id, user_message}.
        const auto chats = server.requestsTo("POST", chatPath);
        QCOMPARE(chats.size(), 1);
        QCOMPARE(bodyOf(chats.first()),
            (QJsonObject { { u"conversation_id"_s, remoteId },
                { u"user_message"_s,
                    u"How did monthly revenue develop in the first quarter of 2025 by region?"_s } }));
        QCOMPARE(chats.first().headers.value("authorization"), QByteArray("token token-2"));

        // The turn persisted in ONE call: the question, then the five system messages as
        // received; the server numbered them 1..6.
        const auto persists = server.requestsTo(
            "POST", "/api/4.0/conversations/" + remoteId.toUtf8() + "/messages");
        QCOMPARE(persists.size(), 1);
        QCOMPARE(bodyOf(persists.first()).keys(), QStringList { u"messages"_s });
        QList<QJsonObject> saved = server.messagesOf(remoteId);
        QCOMPARE(saved.size(), 6);
        QCOMPARE(saved[0][u"type"_s].toString(), u"user"_s);
        QCOMPARE(saved[0][u"order"_s].toInt(), 1);
        QCOMPARE(saved[0][u"message"_s][u"userMessage"_s][u"text"_s].toString(),
            u"How did monthly revenue develop in the first quarter of 2025 by region?"_s);
        for (int i = 1; i < 6; ++i) {
            QCOMPARE(saved[i][u"type"_s].toString(), u"system"_s);
            QCOMPARE(saved[i][u"order"_s].toInt(), i + 1);
            QCOMPARE(saved[i][u"message"_s].toObject(), script().at(i - 1));
        }
        // The persisted ids are the local messages' remote ids (a later sync matches them).
        QCOMPARE(answer.remoteId, saved[1][u"id"_s].toString());
        auto question = store.repository->messages(conversation);
        QCOMPARE(question->first().remoteId, saved[0][u"id"_s].toString());

        // A follow-up continues the same remote conversation: no second create, no new login.
        const Message second = ask(session, store, &conversation, u"And by region?"_s);
        QCOMPARE(second.status, MessageStatus::Complete);
        QCOMPARE(server.requestsTo("POST", conversationsPath).size(), 1);
        QCOMPARE(server.requestsTo("POST", chatPath).size(), 2);
        QCOMPARE(bodyOf(server.requestsTo("POST", chatPath).at(1))[u"conversation_id"_s].toString(),
            remoteId);
        saved = server.messagesOf(remoteId);
        QCOMPARE(saved.size(), 12);
        QCOMPARE(saved[6][u"type"_s].toString(), u"user"_s);
        QCOMPARE(saved[6][u"order"_s].toInt(), 7);
        QCOMPARE(saved[11][u"order"_s].toInt(), 12);
        QCOMPARE(server.loginCount(), 1);

        // The secret went only to the login, in its form body.
        const auto logins = server.requestsTo("POST", "/api/4.0/login");
        QCOMPARE(logins.size(), 1);
        QCOMPARE(logins.first().headers.value("content-type"),
            QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(logins.first().body.contains("client_secret=looker-secret"));
        for (const auto &request : server.requests()) {
            if (request.path != "/api/4.0/login")
                QVERIFY(
                    !request.body.contains("looker-secret") && !request.path.contains("secret"));
        }
    }

    void tokenRenewal_data()
    {
        QTest::addColumn<int>("advertisedSeconds");
        QTest::addColumn<QByteArray>("inject401On");
        QTest::addColumn<int>("chatRequests"); // of the second turn's conversation
        QTest::newRow("expired between turns: renewed before the call") << 1 << QByteArray() << 2;
        QTest::newRow("expired early although an hour was announced: 401, login, retry")
            << 3600 << QByteArray() << 3;
        QTest::newRow("401 once mid-call: login and retry") << 3600 << chatPath << 3;
    }

    void tokenRenewal()
    {
        QFETCH(int, advertisedSeconds);
        QFETCH(QByteArray, inject401On);
        QFETCH(int, chatRequests);
        TempStore store;
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::text(u"Fine."_s) });
        const int lifetimeMs = inject401On.isEmpty() ? 1000 : 60000;
        server.setTokenLifetime(lifetimeMs, advertisedSeconds);
        LookerBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);

        qint64 conversation = 0;
        QCOMPARE(ask(session, store, &conversation, u"First question"_s).status,
            MessageStatus::Complete);
        QCOMPARE(server.loginCount(), 1);
        if (inject401On.isEmpty()) {
            // Let the server's token expire (the event loop keeps running meanwhile).
            QDeadlineTimer expired(lifetimeMs + 100);
            QTRY_VERIFY_WITH_TIMEOUT(expired.hasExpired(), lifetimeMs + 2000);
        } else {
            server.injectError("POST", inject401On, 401,
                FakeLookerServer::messageBody(u"Requires authentication."_s));
        }
        const Message second = ask(session, store, &conversation, u"Second question"_s);
        QCOMPARE(second.status, MessageStatus::Complete);
        QCOMPARE(second.text, u"Fine."_s);
        QCOMPARE(server.loginCount(), 2); // exactly one new login
        QCOMPARE(server.requestsTo("POST", chatPath).size(), chatRequests);
        QCOMPARE(server.requestsTo("POST", conversationsPath).size(), 1);
    }

    void concurrentCallsShareOneLogin()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        LookerBackend backend(m_network, config(server));
        QObject context;
        int answers = 0;
        for (int i = 0; i < 3; ++i) {
            backend.listConversations(&context, [&answers](const LookerConversations &result) {
                QVERIFY(!result.error);
                ++answers;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 5000);
        QCOMPARE(server.loginCount(), 1);
    }

    void listsConversations()
    {
        TempStore store;
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::text(u"Yes."_s) });
        LookerBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        qint64 conversation = 0;
        QCOMPARE(
            ask(session, store, &conversation, u"Top products"_s).status, MessageStatus::Complete);

        QObject context;
        std::optional<LookerConversations> listed;
        backend.listConversations(
            &context, [&listed](const LookerConversations &result) { listed = result; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 5000);
        QVERIFY(!listed->error);
        QCOMPARE(listed->conversations.size(), 1);
        const LookerConversation &c = listed->conversations.first();
        QCOMPARE(c.name, u"Top products"_s);
        QCOMPARE(c.agentId, u"agent-1"_s);
        QCOMPARE(c.category, u"conversation"_s);
        QVERIFY(c.createdAt.isValid());
        // Listed with the documented search, never GET /conversations (which the fake 404s).
        QCOMPARE(server.requestsTo("GET", conversationsPath).size(), 0);
        const auto searches = server.requestsTo("GET", "/api/4.0/conversations/search");
        QCOMPARE(searches.size(), 1);
        QCOMPARE(searches.first().path,
            QByteArray("/api/4.0/conversations/search?sorts=updated_at&limit=100&offset=0"));

        server.injectError(
            "GET", "/api/4.0/conversations/search", 404, FakeLookerServer::messageBody(u"Nope"_s));
        listed.reset();
        backend.listConversations(
            &context, [&listed](const LookerConversations &result) { listed = result; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 5000);
        QVERIFY(listed->error);
        QCOMPARE(listed->error->code, ApiError::Code::NotFound);
    }

    void validatesConfig()
    {
        QNetworkAccessManager network;
        LookerConfig c;
        c.baseUrl = QUrl(u"https://example.looker.com"_s);
        LookerBackend backend(network, c);
        PromptRequest request;
        request.text = u"Hi"_s;
        QVERIFY(backend.validate(request).contains(u"client id and client secret"_s));
        QCOMPARE(backend.displayName(), u"Looker at https://example.looker.com"_s);
    }
};

QTEST_GUILESS_MAIN(TestLookerBackend)
#include "tst_lookerbackend.moc"
