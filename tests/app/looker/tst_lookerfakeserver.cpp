// FakeLookerServer is as strict as Looker's OpenAPI file (spec/Looker.4.0.oas.json 4.0.26): the
// documented routes only (GET /conversations is 404), `Authorization: token`, a form-encoded
// login, request bodies checked against the schemas with Looker's error shapes. A fake that
// accepts anything proves nothing, so these rows are what makes the client tests meaningful.

#include "tests/support/fakelookerserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Answer
{
    int status = 0;
    QJsonDocument body;
};

const QByteArray api = "/api/4.0/";
} // namespace

class TestLookerFakeServer : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    Answer send(FakeLookerServer &server, const QByteArray &method, const QByteArray &path,
        const QByteArray &body = {}, const QByteArray &authorization = {},
        const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request(QUrl(server.baseUrl().toString() + QString::fromUtf8(path)));
        if (!body.isEmpty() || method == "POST")
            request.setRawHeader("Content-Type", contentType);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(5000))
            return {};
        Answer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()) };
        reply->deleteLater();
        return answer;
    }

    QByteArray login(FakeLookerServer &server)
    {
        const Answer a
            = send(server, "POST", api + "login", "client_id=looker-id&client_secret=looker-secret",
                {}, "application/x-www-form-urlencoded");
        return "token " + a.body[u"access_token"_s].toString().toUtf8();
    }

private Q_SLOTS:
    void routes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // the first errors[].field of a 422
        QTest::addColumn<QString>("code");

        const QByteArray chat = api + "conversational_analytics/chat";
        QTest::newRow("no GET /conversations") << QByteArray("GET") << api + "conversations"
                                               << QByteArray() << 404 << QString() << QString();
        QTest::newRow("search") << QByteArray("GET")
                                << api + "conversations/search?sorts=updated_at&limit=2&offset=0"
                                << QByteArray() << 200 << QString() << QString();
        QTest::newRow("search: unknown parameter")
            << QByteArray("GET") << api + "conversations/search?page=2" << QByteArray() << 400
            << QString() << QString();
        QTest::newRow("search: not a sortable field")
            << QByteArray("GET") << api + "conversations/search?sorts=title" << QByteArray() << 400
            << QString() << QString();
        QTest::newRow("search: descending is fine")
            << QByteArray("GET") << api + "conversations/search?sorts=updated_at%20desc"
            << QByteArray() << 200 << QString() << QString();
        QTest::newRow("unknown path") << QByteArray("GET") << api + "conversation_list"
                                      << QByteArray() << 404 << QString() << QString();
        QTest::newRow("create: name missing")
            << QByteArray("POST") << api + "conversations" << QByteArray(R"({"category":"x"})")
            << 422 << u"name"_s << u"missing"_s;
        QTest::newRow("create: read-only id")
            << QByteArray("POST") << api + "conversations" << QByteArray(R"({"name":"a","id":"1"})")
            << 422 << u"id"_s << u"unknown"_s;
        QTest::newRow("create: unknown agent") << QByteArray("POST") << api + "conversations"
                                               << QByteArray(R"({"name":"a","agent_id":"nope"})")
                                               << 422 << u"agent_id"_s << u"invalid"_s;
        QTest::newRow("create: not JSON") << QByteArray("POST") << api + "conversations"
                                          << QByteArray("name=a") << 400 << QString() << QString();
        QTest::newRow("create") << QByteArray("POST") << api + "conversations"
                                << QByteArray(R"({"name":"a","category":"conversation"})") << 200
                                << QString() << QString();
        QTest::newRow("chat: extra agent_id")
            << QByteArray("POST") << chat
            << QByteArray(R"({"conversation_id":"conv-1","user_message":"hi","agent_id":"a"})")
            << 422 << u"agent_id"_s << u"unknown"_s;
        QTest::newRow("chat: user_message missing")
            << QByteArray("POST") << chat << QByteArray(R"({"conversation_id":"conv-1"})") << 422
            << u"user_message"_s << u"missing"_s;
        QTest::newRow("chat: unknown conversation")
            << QByteArray("POST") << chat
            << QByteArray(R"({"conversation_id":"conv-9","user_message":"hi"})") << 404 << QString()
            << QString();
        QTest::newRow("chat") << QByteArray("POST") << chat
                              << QByteArray(R"({"conversation_id":"conv-1","user_message":"hi"})")
                              << 200 << QString() << QString();
        const QByteArray messages = api + "conversations/conv-1/messages";
        QTest::newRow("messages: the old single-message shape")
            << QByteArray("POST") << messages
            << QByteArray(R"({"message":{"userMessage":{"text":"hi"}},"type":"user","order":1})")
            << 422 << u"message"_s << u"unknown"_s;
        QTest::newRow("messages: order is read-only")
            << QByteArray("POST") << messages
            << QByteArray(R"({"messages":[{"type":"user","message":{},"order":1}]})") << 422
            << u"messages[0].order"_s << u"unknown"_s;
        QTest::newRow("messages: type missing")
            << QByteArray("POST") << messages << QByteArray(R"({"messages":[{"message":{}}]})")
            << 422 << u"messages[0].type"_s << u"missing"_s;
        QTest::newRow("messages: message not an object")
            << QByteArray("POST") << messages
            << QByteArray(R"({"messages":[{"type":"user","message":"hi"}]})") << 422
            << u"messages[0].message"_s << u"invalid"_s;
        QTest::newRow("messages: empty")
            << QByteArray("POST") << messages << QByteArray(R"({"messages":[]})") << 422
            << u"messages"_s << u"missing"_s;
        QTest::newRow("messages") << QByteArray("POST") << messages
                                  << QByteArray(R"({"messages":[{"type":"user","message":{}}]})")
                                  << 200 << QString() << QString();
        QTest::newRow("agent: description and sources missing")
            << QByteArray("POST") << api + "agents" << QByteArray(R"({"name":"a"})") << 422
            << u"description"_s << u"missing"_s;
        QTest::newRow("agent: a source without explore")
            << QByteArray("POST") << api + "agents"
            << QByteArray(R"({"name":"a","description":"d","sources":[{"model":"m"}]})") << 422
            << u"sources"_s << u"invalid"_s;
        QTest::newRow("agent search: unknown parameter")
            << QByteArray("GET") << api + "agents/search?title=a" << QByteArray() << 400
            << QString() << QString();
    }

    void routes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, code);
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.addConversation(u"First"_s, {}); // conv-1
        const QByteArray token = login(server);
        const Answer a = send(server, method, path, body, token);
        QCOMPARE(a.status, status);
        if (status >= 400) {
            // Looker's Error / ValidationError: message and documentation_url always.
            QVERIFY(!a.body[u"message"_s].toString().isEmpty());
            QVERIFY(a.body.object().contains(u"documentation_url"_s));
        }
        if (status == 422) {
            const QJsonObject first = a.body[u"errors"_s][0].toObject();
            QCOMPARE(first[u"field"_s].toString(), field);
            QCOMPARE(first[u"code"_s].toString(), code);
            QVERIFY(first.contains(u"message"_s) && first.contains(u"documentation_url"_s));
        }
    }

    void authentication()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        const QByteArray search = api + "conversations/search";
        QCOMPARE(send(server, "GET", search).status, 401);
        // JSON credentials are not the documented form body.
        QCOMPARE(send(server, "POST", api + "login",
                     R"({"client_id":"looker-id","client_secret":"looker-secret"})")
                     .status,
            400);
        QCOMPARE(send(server, "POST", api + "login", "client_id=looker-id&client_secret=x", {},
                     "application/x-www-form-urlencoded")
                     .status,
            404);
        const QByteArray token = login(server);
        QCOMPARE(send(server, "GET", search, {}, token).status, 200);
        QByteArray bearer = token;
        bearer.replace("token ", "Bearer ");
        QCOMPARE(send(server, "GET", search, {}, bearer).status, 401);
    }

    // Persisted messages get ids and an order after the highest so far, in the order sent.
    void messagesAreNumbered()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        const QString id = server.addConversation(u"First"_s,
            { FakeLookerServer::userTurn(u"a"_s, 1), FakeLookerServer::systemTurn(u"b"_s, 2) });
        const QByteArray token = login(server);
        const Answer a = send(server, "POST", api + "conversations/" + id.toUtf8() + "/messages",
            R"({"messages":[{"type":"user","message":{"userMessage":{"text":"c"}}},)"
            R"({"type":"system","message":{"systemMessage":{}}}]})",
            token);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body.array().size(), 2);
        QCOMPARE(a.body[0][u"order"_s].toInt(), 3);
        QCOMPARE(a.body[1][u"order"_s].toInt(), 4);
        QCOMPARE(a.body[0][u"type"_s].toString(), u"user"_s);
        QVERIFY(!a.body[1][u"id"_s].toString().isEmpty());
        const Answer all
            = send(server, "GET", api + "conversations/" + id.toUtf8() + "/messages", {}, token);
        QCOMPARE(all.body.array().size(), 4);
    }

    // Paging: limit/offset over the conversations sorted by updated_at.
    void searchPages()
    {
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.addConversation(u"B"_s, {}, u"2025-06-01T10:00:02.000+00:00"_s);
        server.addConversation(u"A"_s, {}, u"2025-06-01T10:00:01.000+00:00"_s);
        server.addConversation(u"C"_s, {}, u"2025-06-01T10:00:03.000+00:00"_s);
        const QByteArray token = login(server);
        const auto names = [&](const QByteArray &query) {
            QStringList out;
            const Answer a = send(server, "GET", api + "conversations/search?" + query, {}, token);
            for (const QJsonValue &c : a.body.array())
                out << c[u"name"_s].toString();
            return out.join(u',');
        };
        QCOMPARE(names("sorts=updated_at&limit=2&offset=0"), u"A,B"_s);
        QCOMPARE(names("sorts=updated_at&limit=2&offset=2"), u"C"_s);
        QCOMPARE(names("sorts=updated_at%20desc&limit=1&offset=0"), u"C"_s);
    }
};

QTEST_GUILESS_MAIN(TestLookerFakeServer)
#include "tst_lookerfakeserver.moc"
