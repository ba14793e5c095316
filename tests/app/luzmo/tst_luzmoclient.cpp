// The Luzmo client against an in-process HTTP server on loopback.

#include "app/luzmo/luzmoclient.h"
#include "app/net/apicall.h"
#include "tests/support/fakehttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ApiError)

class TestLuzmoClient : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        bool ok = false;
        QByteArray body;
        ApiError error;
    };

    static Outcome wait(ApiCall *call)
    {
        Outcome outcome;
        bool done = false;
        QObject::connect(call, &ApiCall::succeeded, call, [&](const QByteArray &body) {
            outcome.ok = true;
            outcome.body = body;
            done = true;
        });
        QObject::connect(call, &ApiCall::failed, call, [&](const ApiError &e) {
            outcome.error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("call did not finish");
        return outcome;
    }

    LuzmoConfig config(const FakeHttpServer &server) const
    {
        LuzmoConfig c;
        c.host = QUrl(QString::fromLatin1(server.baseUrl()));
        c.key = u"key-1"_s;
        c.token = u"token-1"_s;
        return c;
    }

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ApiError>(); }

    void methodsAndBodies_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("create") << u"create"_s << QByteArray("POST");
        QTest::newRow("get") << u"get"_s << QByteArray("SEARCH");
        QTest::newRow("update") << u"update"_s << QByteArray("PATCH");
        QTest::newRow("delete") << u"delete"_s << QByteArray("DELETE");
        QTest::newRow("associate") << u"associate"_s << QByteArray("LINK");
        QTest::newRow("dissociate") << u"dissociate"_s << QByteArray("UNLINK");
    }

    void methodsAndBodies()
    {
        QFETCH(QString, action);
        QFETCH(QByteArray, method);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::json(200, R"({"count":0,"rows":[]})");
        });
        LuzmoClient client(m_network, config(server));
        QObject owner;
        ApiCall *call = nullptr;
        if (action == u"create")
            call = client.create(u"aiconversation"_s, { { u"title"_s, u"t"_s } }, &owner);
        else if (action == u"get")
            call = client.get(u"aimessage"_s, { { u"limit"_s, 5 } }, &owner);
        else if (action == u"update")
            call
                = client.update(u"aiconversation"_s, u"id-1"_s, { { u"title"_s, u"u"_s } }, &owner);
        else if (action == u"delete")
            call = client.remove(u"aiconversation"_s, u"id-1"_s, &owner);
        else if (action == u"associate")
            call = client.associate(u"aiconversation"_s, u"id-1"_s, u"Users"_s, u"u-1"_s, &owner);
        else
            call = client.dissociate(u"aiconversation"_s, u"id-1"_s, u"Users"_s, u"u-1"_s, &owner);
        const Outcome outcome = wait(call);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.body, QByteArray(R"({"count":0,"rows":[]})"));
        QCOMPARE(server.requests().size(), 1);
        const FakeHttpServer::Request &r = server.requests().first();
        QCOMPARE(r.method, method);
        QVERIFY(r.path.startsWith("/0.1.0/ai"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body[u"action"_s].toString(), action);
        QCOMPARE(body[u"key"_s].toString(), u"key-1"_s);
        QCOMPARE(body[u"token"_s].toString(), u"token-1"_s);
        QCOMPARE(body[u"version"_s].toString(), u"0.1.0"_s);
        if (action == u"get")
            QCOMPARE(body[u"find"_s][u"limit"_s].toInt(), 5);
        if (action == u"update" || action == u"delete")
            QCOMPARE(body[u"id"_s].toString(), u"id-1"_s);
        if (action == u"associate" || action == u"dissociate")
            QCOMPARE(body[u"resource"_s][u"role"_s].toString(), u"Users"_s);
    }

    void httpErrorsAreTyped_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("serverMessage");
        QTest::addColumn<int>("retrySeconds");
        QTest::newRow("401 luzmo shape")
            << 401
            << QByteArray(
                   R"({"type":{"code":401,"description":"Unauthorized"},"message":"Invalid key/token"})")
            << QByteArray() << int(ApiError::Code::Auth) << u"Invalid key/token"_s << -1;
        QTest::newRow("403") << 403 << QByteArray(R"({"message":"Forbidden"})") << QByteArray()
                             << int(ApiError::Code::Auth) << u"Forbidden"_s << -1;
        QTest::newRow("404") << 404 << QByteArray(R"({"error":"No such conversation"})")
                             << QByteArray() << int(ApiError::Code::NotFound)
                             << u"No such conversation"_s << -1;
        QTest::newRow("400 validation")
            << 400 << QByteArray(R"({"message":"inputs: exactly one text"})") << QByteArray()
            << int(ApiError::Code::Validation) << u"inputs: exactly one text"_s << -1;
        QTest::newRow("429 seconds")
            << 429 << QByteArray(R"({"message":"slow down"})") << QByteArray("7")
            << int(ApiError::Code::RateLimited) << u"slow down"_s << 7;
        QTest::newRow("500 html") << 500 << QByteArray("<html>oops</html>") << QByteArray()
                                  << int(ApiError::Code::Server) << QString() << -1;
        QTest::newRow("503 text") << 503 << QByteArray("maintenance") << QByteArray()
                                  << int(ApiError::Code::Server) << u"maintenance"_s << -1;
    }

    void httpErrorsAreTyped()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, code);
        QFETCH(QString, serverMessage);
        QFETCH(int, retrySeconds);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r = FakeHttpServer::json(status, body);
            if (!retryAfter.isEmpty())
                r.headers << qMakePair(QByteArray("Retry-After"), retryAfter);
            return r;
        });
        LuzmoClient client(m_network, config(server));
        QObject owner;
        const Outcome outcome = wait(client.get(u"aimessage"_s, {}, &owner));
        QVERIFY(!outcome.ok);
        QCOMPARE(int(outcome.error.code), code);
        QCOMPARE(outcome.error.httpStatus, status);
        QCOMPARE(outcome.error.serverMessage, serverMessage);
        QCOMPARE(outcome.error.retryAfterSeconds, retrySeconds);
        QVERIFY(!outcome.error.message.isEmpty());
        QVERIFY(outcome.error.toString().contains(u"HTTP "_s + QString::number(status)));
    }

    void connectionRefused()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        LuzmoConfig c;
        c.host = QUrl(u"http://127.0.0.1:1"_s);
        c.key = u"k"_s;
        c.token = u"t"_s;
        LuzmoClient client(m_network, c);
        QObject owner;
        const Outcome outcome = wait(client.get(u"aimessage"_s, {}, &owner));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.code, ApiError::Code::Network);
        QCOMPARE(outcome.error.httpStatus, 0);
    }

    void connectTimeout()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r;
            r.neverAnswer = true;
            return r;
        });
        LuzmoConfig c = config(server);
        c.limits.connectTimeoutMs = 300;
        LuzmoClient client(m_network, c);
        QObject owner;
        const Outcome outcome = wait(client.get(u"aimessage"_s, {}, &owner));
        QCOMPARE(outcome.error.code, ApiError::Code::Timeout);
        QVERIFY(outcome.error.message.contains(u"did not answer"_s));
    }

    void idleTimeoutBetweenChunks()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r = FakeHttpServer::sse({ "data: {\"type\":\"start\"}\n\n" });
            r.stallAfterChunks = true;
            return r;
        });
        LuzmoConfig c = config(server);
        c.limits.idleTimeoutMs = 300;
        LuzmoClient client(m_network, c);
        QObject owner;
        AiPromptRequest request;
        request.texts = { u"q"_s };
        ApiCall *call = client.createAiPrompt(request, &owner);
        QSignalSpy chunks(call, &ApiCall::chunkReceived);
        const Outcome outcome = wait(call);
        QCOMPARE(chunks.count(), 1);
        QCOMPARE(outcome.error.code, ApiError::Code::Timeout);
        QVERIFY(outcome.error.message.contains(u"stopped sending"_s));
    }

    void oversizedBodyIsRefused()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::json(200, QByteArray(4096, 'x'));
        });
        LuzmoConfig c = config(server);
        c.limits.maxBodyBytes = 1024;
        LuzmoClient client(m_network, c);
        QObject owner;
        const Outcome outcome = wait(client.get(u"aimessage"_s, {}, &owner));
        QCOMPARE(outcome.error.code, ApiError::Code::TooLarge);
    }

    void abortIsCancelledOnce()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r;
            r.neverAnswer = true;
            return r;
        });
        LuzmoClient client(m_network, config(server));
        QObject owner;
        ApiCall *call = client.get(u"aimessage"_s, {}, &owner);
        QSignalSpy failed(call, &ApiCall::failed);
        QSignalSpy succeeded(call, &ApiCall::succeeded);
        QVERIFY(QTest::qWaitFor([&] { return server.requests().size() == 1; }, 5000));
        call->abort();
        call->abort();
        QTRY_COMPARE(failed.count(), 1);
        QTest::qWait(50);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().code, ApiError::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestLuzmoClient)
#include "tst_luzmoclient.moc"
