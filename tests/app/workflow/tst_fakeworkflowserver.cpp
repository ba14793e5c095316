// The fake workflow server is as strict as the documented B3OS endpoint (seed 003): a fake that
// accepts anything proves nothing. Raw HTTP requests, and the exact bytes of its frames.

#include "tests/support/fakeworkflowserver.h"

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
    QByteArray contentType;
    QByteArray body;
};
} // namespace

class TestFakeWorkflowServer : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    Answer send(const FakeWorkflowServer &server, const QByteArray &method, const QString &path,
        const QByteArray &body, const QByteArray &token = "secret-token",
        const QByteArray &contentType = "application/json")
    {
        QUrl url = server.baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Answer a;
        if (!finished.wait(5000))
            return a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        a.body = reply->readAll();
        reply->deleteLater();
        return a;
    }

private Q_SLOTS:
    void refuses_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error"); // part of the {"error"} text

        const QString path = QString::fromLatin1(FakeWorkflowServer::path);
        const QByteArray ok = R"({"message":"Build","requestId":"r-1"})";
        const QByteArray json = "application/json";
        QTest::newRow("another path")
            << QByteArray("POST") << u"/v1/ai/workflow/chat"_s << QByteArray("secret-token") << json
            << ok << 404 << u"Not found"_s;
        QTest::newRow("GET on the stream")
            << QByteArray("GET") << path << QByteArray("secret-token") << json << QByteArray()
            << 405 << u"Method"_s;
        QTest::newRow("no bearer token")
            << QByteArray("POST") << path << QByteArray() << json << ok << 401 << u"bearer"_s;
        QTest::newRow("wrong bearer token")
            << QByteArray("POST") << path << QByteArray("nope") << json << ok << 401 << u"bearer"_s;
        QTest::newRow("not JSON content")
            << QByteArray("POST") << path << QByteArray("secret-token") << QByteArray("text/plain")
            << ok << 415 << u"application/json"_s;
        QTest::newRow("body not an object")
            << QByteArray("POST") << path << QByteArray("secret-token") << json << QByteArray("[1]")
            << 400 << u"JSON object"_s;
        QTest::newRow("no message for a new session")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"requestId":"r-1"})") << 400 << u"message is required"_s;
        QTest::newRow("unknown field") << QByteArray("POST") << path << QByteArray("secret-token")
                                       << json << QByteArray(R"({"message":"x","prompt":"x"})")
                                       << 400 << u"unknown field \"prompt\""_s;
        QTest::newRow("message not a string")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":1})") << 400 << u"message has the wrong type"_s;
        QTest::newRow("lastEventIndex not an integer")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":"x","requestId":"r","lastEventIndex":1.5})") << 400
            << u"lastEventIndex has the wrong type"_s;
        QTest::newRow("agentVersion outside the enum")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":"x","agentVersion":"v3"})") << 400 << u"agentVersion"_s;
        QTest::newRow("preferredMode outside the enum")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":"x","preferredMode":"dreaming"})") << 400
            << u"preferredMode"_s;
        QTest::newRow("definition without nodes")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":"x","definition":{"inputSchema":[]}})") << 400
            << u"definition.nodes is required"_s;
        QTest::newRow("definition without a manual root")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":"x","definition":{"nodes":{"a":{"type":"http"}}}})") << 400
            << u"root"_s;
        QTest::newRow("image with an unknown field")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"message":"x","images":[{"url":"x"}]})") << 400 << u"images[]"_s;
        QTest::newRow("replay without requestId")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"lastEventIndex":2})") << 400 << u"requestId is required"_s;
        QTest::newRow("replay of a session it does not know")
            << QByteArray("POST") << path << QByteArray("secret-token") << json
            << QByteArray(R"({"requestId":"r-9","lastEventIndex":2})") << 400
            << u"message is required"_s;
    }

    void refuses()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents({ FakeWorkflowServer::chunk(u"x"_s) });
        const Answer a = send(server, method, path, body, token, contentType);
        QCOMPARE(a.status, status);
        const QString text = QJsonDocument::fromJson(a.body).object().value(u"error").toString();
        QVERIFY2(text.contains(error), qPrintable(text));
        QCOMPARE(server.streamsServed(), 0);
    }

    // Every field of seed 003 is accepted; the answer is data-only frames and heartbeats.
    void framesAsB3osSendsThem()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setHeartbeatEvery(2);
        server.setEvents({ FakeWorkflowServer::thinking(u"Hmm"_s),
            FakeWorkflowServer::chunk(u"Hi"_s), FakeWorkflowServer::error(u"Boom"_s) });
        const QByteArray body
            = R"({"message":"Build","conversationId":"c","requestId":"r",)"
              R"("definition":{"nodes":{"root":{"type":"manual"}},)"
              R"("inputSchema":[],"sensitivePropKeys":[],"blockExpansions":{}},)"
              R"("images":[{"base64":"aGk=","ipfsUrl":"ipfs://x"}],)"
              R"("agentVersion":"v2","preferredMode":"building",)"
              R"("templateSearchMode":"hybrid","timezone":"Europe/Brussels",)"
              R"("workflowId":"wf_1","sessionId":"s","name":"n","description":"d",)"
              R"("modelOverride":"m","apiKeyOverride":"k","temperatureOverride":0.2})";
        const Answer a = send(server, "POST", QString::fromLatin1(FakeWorkflowServer::path), body);
        QCOMPARE(a.status, 200);
        QVERIFY(a.contentType.startsWith("text/event-stream"));
        QCOMPARE(a.body,
            QByteArray(": heartbeat\n\n"
                       "data: {\"message\":\"Hmm\",\"type\":\"thinking\"}\n\n"
                       "data: {\"data\":\"Hi\",\"type\":\"chunk\"}\n\n"
                       ": heartbeat\n\n"
                       "data: {\"error\":\"Boom\",\"type\":\"error\"}\n\n"));

        // A replay after frame 1 resends frame 2 only; message is optional then.
        const Answer replay = send(server, "POST", QString::fromLatin1(FakeWorkflowServer::path),
            R"({"requestId":"r","lastEventIndex":1})");
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body,
            QByteArray(": heartbeat\n\ndata: {\"error\":\"Boom\",\"type\":\"error\"}\n\n"));
    }

    void olderFramingAndSplitLines()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setFraming(FakeWorkflowServer::Framing::EventAndIdLines);
        QCOMPARE(server.frame(4, FakeWorkflowServer::legacyChunk(u"Hi"_s)),
            QByteArray("id: 4\nevent: chunk\ndata: {\"text\":\"Hi\",\"type\":\"chunk\"}\n\n"));
        server.setFraming(FakeWorkflowServer::Framing::B3os);
        server.setSplitDataLines(true);
        QCOMPARE(server.frame(4, FakeWorkflowServer::chunk(u"Hi"_s)),
            QByteArray("data: {\"data\":\"Hi\",\ndata: \"type\":\"chunk\"}\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestFakeWorkflowServer)
#include "tst_fakeworkflowserver.moc"
