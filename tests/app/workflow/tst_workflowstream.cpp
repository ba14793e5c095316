// The workflow answer stream over real HTTP on loopback, against FakeWorkflowServer (B3OS
// framing): the events it maps, the request it sends, refusals, error events and stop.
// Reconnection and replay: tst_workflowreplay.

#include "app/workflow/workflowanswerstream.h"
#include "app/workflow/workflowbackend.h"
#include "tests/app/workflow/workflowscript.h"
#include "tests/support/fakeworkflowserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

using namespace WorkflowScript;

class TestWorkflowStream : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    // Starts a stream for `text` and records what it emits.
    WorkflowAnswerStream *ask(WorkflowBackend &backend, Recorder &recorder, const QString &text)
    {
        PromptRequest prompt;
        prompt.text = text;
        auto *stream = backend.start(backend.requestFor(prompt), this);
        connect(stream, &AnswerStream::eventReceived, this,
            [&recorder](const StreamEvent &e) { recorder.add(e); });
        return stream;
    }

private Q_SLOTS:
    void fullStream()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        WorkflowConfig c = config(server);
        c.agentVersion = u"v2"_s;
        c.workflowId = u"wf-1"_s;
        WorkflowBackend backend(m_network, c);
        PromptRequest prompt;
        prompt.text = u"Build a mailer"_s;
        QVERIFY(backend.validate(prompt).isEmpty());
        prompt.text.clear();
        QVERIFY(!backend.validate(prompt).isEmpty());
        backend.attachImage("PNG bytes");
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build a mailer"_s);
        QCOMPARE(backend.attachedImageCount(), 0); // sent with this question only
        QSignalSpy ended(stream, &AnswerStream::ended);
        QSignalSpy nodes(stream, &WorkflowAnswerStream::nodeReceived);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);

        QCOMPARE(recorder.types(),
            u"start progress text_start text_delta progress text_delta progress text_delta "
            "progress text_delta progress text_delta text_end asset_start asset_delta asset_end "
            "finish done"_s);
        QCOMPARE(recorder.text, fullText);
        QCOMPARE(recorder.progress,
            QStringList({ u"Thinking: Reading the request"_s, u"Using tool search_actions"_s,
                u"Added node root (manual)"_s, u"Added node send (http)"_s,
                u"Added node notify (email)"_s }));
        const StreamEvent asset = recorder.events.at(14);
        QCOMPARE(asset.type, StreamEvent::Type::AssetDelta);
        QCOMPARE(recorder.events.at(13).assetType, u"workflow"_s);
        QCOMPARE(QJsonDocument::fromJson(asset.text.toUtf8()).object(), definition());
        QCOMPARE(nodes.count(), 3);
        QCOMPARE(stream->nodes().size(), 3);
        QCOMPARE(stream->nodes().at(1).value(u"id").toString(), u"send"_s);
        QCOMPARE(stream->lastEventIndex(), 10); // eleven frames, numbered by the client
        QCOMPARE(stream->connectionCount(), 1);

        // The request: the documented endpoint, headers and body fields.
        QCOMPARE(server.requests().size(), 1);
        const FakeHttpServer::Request &request = server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/v1/ai/workflow/chat/stream"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer secret-token"));
        QCOMPARE(request.headers.value("accept"), QByteArray("text/event-stream"));
        const QJsonObject body = server.bodies().first();
        QCOMPARE(body.value(u"message").toString(), u"Build a mailer"_s);
        const QString conversationId = body.value(u"conversationId").toString();
        QVERIFY(!QUuid::fromString(conversationId).isNull());
        QCOMPARE(recorder.events.first().conversationId, conversationId);
        QCOMPARE(QUuid::fromString(body.value(u"requestId").toString()).version(), QUuid::Random);
        QCOMPARE(
            body.value(u"timezone").toString(), QString::fromLatin1(QTimeZone::systemTimeZoneId()));
        QCOMPARE(body.value(u"agentVersion").toString(), u"v2"_s);
        QCOMPARE(body.value(u"workflowId").toString(), u"wf-1"_s);
        QCOMPARE(body.value(u"images")[0][u"base64"].toString(),
            QString::fromLatin1(QByteArray("PNG bytes").toBase64()));
        QVERIFY(!body.contains(u"lastEventIndex"_s));
        QVERIFY(!body.contains(u"preferredMode"_s));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("400 without a message")
            << u"secret-token"_s << QString() << int(ApiError::Code::Validation) << 400
            << u"message is required for a new session"_s;
        QTest::newRow("401 wrong token")
            << u"wrong"_s << u"Hi"_s << int(ApiError::Code::Auth) << 401 << u"credentials"_s;
        QTest::newRow("404 a path the server lacks")
            << u"secret-token"_s << u"Hi"_s << int(ApiError::Code::NotFound) << 404
            << u"does not know this address"_s;
    }

    void refusals()
    {
        QFETCH(QString, token);
        QFETCH(QString, message);
        QFETCH(int, code);
        QFETCH(int, status);
        QFETCH(QString, words);
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        WorkflowConfig c = config(server);
        c.token = token;
        if (status == 404)
            c.baseUrl.setPath(u"/api"_s); // /api/v1/ai/workflow/chat/stream does not exist
        WorkflowBackend backend(m_network, c);
        WorkflowRequest request = WorkflowRequest::create(c, message, {});
        WorkflowAnswerStream *stream = backend.start(request, this);
        QSignalSpy events(stream, &AnswerStream::eventReceived);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QVERIFY(ended.wait(10000));
        const auto error = ended.first().first().value<std::optional<ApiError>>();
        QVERIFY(error);
        QCOMPARE(int(error->code), code);
        QCOMPARE(error->httpStatus, status);
        QVERIFY2(error->toString().contains(words), qPrintable(error->toString()));
        QVERIFY(!error->toString().contains(u"secret-token"_s));
        QCOMPARE(server.requests().size(), 1); // no retry
        QCOMPARE(events.count(), 0);
    }

    void errorEvent_data()
    {
        using S = FakeWorkflowServer;
        QTest::addColumn<int>("framing");
        QTest::addColumn<QList<S::Event>>("events");
        QTest::newRow("b3os: error is a string")
            << int(S::Framing::B3os)
            << QList<S::Event> { S::chunk(u"Planning "_s),
                   S::error(u"The planner ran out of credits"_s) };
        QTest::newRow("legacy: event and id lines, error in message")
            << int(S::Framing::EventAndIdLines)
            << QList<S::Event> { S::legacyChunk(u"Planning "_s),
                   S::legacyError(u"The planner ran out of credits"_s) };
        QTest::newRow("legacy: error as an object")
            << int(S::Framing::B3os)
            << QList<S::Event> { S::chunk(u"Planning "_s),
                   S::of(QJsonObject { { u"type"_s, u"error"_s },
                       { u"error"_s,
                           QJsonObject {
                               { u"message"_s, u"The planner ran out of credits"_s } } } }) };
    }

    void errorEvent()
    {
        QFETCH(int, framing);
        QFETCH(QList<FakeWorkflowServer::Event>, events);
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setFraming(FakeWorkflowServer::Framing(framing));
        server.setEvents(events);
        WorkflowBackend backend(m_network, config(server));
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build"_s);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);
        QCOMPARE(recorder.types(), u"start text_start text_delta text_end error done"_s);
        QCOMPARE(recorder.events.at(4).errorMessage, u"The planner ran out of credits"_s);
    }

    void abortStops_data()
    {
        QTest::addColumn<bool>("duringBackoff");
        QTest::newRow("mid-stream") << false;
        QTest::newRow("while waiting to reconnect") << true;
    }

    void abortStops()
    {
        QFETCH(bool, duringBackoff);
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        server.setEventDelayMs(duringBackoff ? 0 : 30);
        if (duringBackoff)
            server.setDropAfter({ 2 });
        WorkflowConfig c = config(server);
        c.reconnect.baseDelayMs = 200;
        WorkflowBackend backend(m_network, c);
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build"_s);
        QSignalSpy ended(stream, &AnswerStream::ended);
        if (duringBackoff) {
            connect(
                stream, &WorkflowAnswerStream::reconnecting, stream, [stream] { stream->abort(); });
        } else {
            connect(stream, &AnswerStream::eventReceived, stream, [stream](const StreamEvent &e) {
                if (e.type == StreamEvent::Type::TextDelta)
                    stream->abort();
            });
        }
        QVERIFY(ended.count() == 1 || ended.wait(10000));
        const auto error = ended.first().first().value<std::optional<ApiError>>();
        QVERIFY(error);
        QCOMPARE(error->code, ApiError::Code::Cancelled);
        QVERIFY(stream->isFinished());
        QSignalSpy requests(&server, &FakeWorkflowServer::requestReceived);
        QVERIFY(!requests.wait(c.reconnect.baseDelayMs * 3)); // no reconnection follows
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(recorder.text, u"Planning "_s); // frame 0 is thinking, frame 1 the first chunk
    }
};

QTEST_GUILESS_MAIN(TestWorkflowStream)
#include "tst_workflowstream.moc"
