// The workflow answer stream over real HTTP on loopback, against FakeWorkflowServer: the events
// it maps, reconnection with replay after a drop, de-duplication, refusals, stop and resume.

#include "fakeworkflowserver.h"
#include "workflowanswerstream.h"
#include "workflowbackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

namespace {
const QString fullText = u"Planning a workflow with a trigger and an email step."_qs;

QJsonObject node(const QString &id, const QString &type, const QStringList &children = {})
{
    return { { u"id"_qs, id }, { u"type"_qs, type },
        { u"children"_qs, QJsonArray::fromStringList(children) } };
}

QJsonObject definition()
{
    return { { u"nodes"_qs,
        QJsonObject { { u"root"_qs, node(u"root"_qs, u"manual"_qs, { u"send"_qs }) },
            { u"send"_qs, node(u"send"_qs, u"http"_qs, { u"notify"_qs }) },
            { u"notify"_qs, node(u"notify"_qs, u"email"_qs) } } } };
}

// Nine events, ids 0..8: five chunks, three nodes, done.
QList<FakeWorkflowServer::Event> script()
{
    using S = FakeWorkflowServer;
    return { S::chunk(u"Planning "_qs), S::chunk(u"a workflow "_qs),
        S::node(node(u"root"_qs, u"manual"_qs, { u"send"_qs })), S::chunk(u"with a trigger "_qs),
        S::node(node(u"send"_qs, u"http"_qs, { u"notify"_qs })), S::chunk(u"and an email "_qs),
        S::node(node(u"notify"_qs, u"email"_qs)), S::chunk(u"step."_qs), S::done(definition()) };
}

struct Recorder
{
    QList<StreamEvent> events;
    QString text;
    int deltas = 0;
    QStringList progress;

    void add(const StreamEvent &e)
    {
        events << e;
        if (e.type == StreamEvent::Type::TextDelta) {
            text += e.text;
            ++deltas;
        }
        if (e.type == StreamEvent::Type::Progress)
            progress << e.progressMessage;
    }
    QString types() const
    {
        QStringList names;
        for (const StreamEvent &e : events)
            names << e.typeName;
        return names.join(u' ');
    }
};
} // namespace

class TestWorkflowStream : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    WorkflowConfig config(const FakeWorkflowServer &server)
    {
        WorkflowConfig c;
        c.baseUrl = server.baseUrl();
        c.token = u"secret-token"_qs;
        c.limits.idleTimeoutMs = 5000;
        c.limits.connectTimeoutMs = 5000;
        c.reconnect.baseDelayMs = 10;
        c.reconnect.maxDelayMs = 40;
        return c;
    }

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
        c.agentVersion = u"v2"_qs;
        c.workflowId = u"wf-1"_qs;
        WorkflowBackend backend(m_network, c);
        PromptRequest prompt;
        prompt.text = u"Build a mailer"_qs;
        QVERIFY(backend.validate(prompt).isEmpty());
        prompt.text.clear();
        QVERIFY(!backend.validate(prompt).isEmpty());
        backend.attachImage("PNG bytes");
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build a mailer"_qs);
        QCOMPARE(backend.attachedImageCount(), 0); // sent with this question only
        QSignalSpy ended(stream, &AnswerStream::ended);
        QSignalSpy nodes(stream, &WorkflowAnswerStream::nodeReceived);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);

        QCOMPARE(recorder.types(),
            u"start text_start text_delta text_delta progress text_delta progress text_delta "
            "progress text_delta text_end asset_start asset_delta asset_end finish done"_qs);
        QCOMPARE(recorder.text, fullText);
        QCOMPARE(recorder.progress,
            QStringList({ u"Added node root (manual)"_qs, u"Added node send (http)"_qs,
                u"Added node notify (email)"_qs }));
        const StreamEvent asset = recorder.events.at(12);
        QCOMPARE(asset.type, StreamEvent::Type::AssetDelta);
        QCOMPARE(recorder.events.at(11).assetType, u"workflow"_qs);
        QCOMPARE(QJsonDocument::fromJson(asset.text.toUtf8()).object(), definition());
        QCOMPARE(nodes.count(), 3);
        QCOMPARE(stream->nodes().size(), 3);
        QCOMPARE(stream->nodes().at(1).value(u"id").toString(), u"send"_qs);
        QCOMPARE(stream->lastEventIndex(), 8);
        QCOMPARE(stream->connectionCount(), 1);

        // The request: the documented endpoint, headers and body fields.
        QCOMPARE(server.requests().size(), 1);
        const FakeHttpServer::Request &request = server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/v1/ai/workflow/chat/stream"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer secret-token"));
        QCOMPARE(request.headers.value("accept"), QByteArray("text/event-stream"));
        const QJsonObject body = server.bodies().first();
        QCOMPARE(body.value(u"message").toString(), u"Build a mailer"_qs);
        const QString conversationId = body.value(u"conversationId").toString();
        QVERIFY(!QUuid::fromString(conversationId).isNull());
        QCOMPARE(recorder.events.first().conversationId, conversationId);
        QCOMPARE(QUuid::fromString(body.value(u"requestId").toString()).version(), QUuid::Random);
        QCOMPARE(
            body.value(u"timezone").toString(), QString::fromLatin1(QTimeZone::systemTimeZoneId()));
        QCOMPARE(body.value(u"agentVersion").toString(), u"v2"_qs);
        QCOMPARE(body.value(u"workflowId").toString(), u"wf-1"_qs);
        QCOMPARE(body.value(u"images")[0][u"base64"].toString(),
            QString::fromLatin1(QByteArray("PNG bytes").toBase64()));
        QVERIFY(!body.contains(u"lastEventIndex"_qs));
        QVERIFY(!body.contains(u"preferredMode"_qs));
    }

    void reconnects_data()
    {
        QTest::addColumn<QList<int>>("dropAfter"); // events per stream before the cut
        QTest::addColumn<int>("replayExtra");
        QTest::addColumn<QList<int>>("lastIndexes"); // lastEventIndex of each reconnection

        QTest::newRow("drop after 1 event") << QList<int> { 1 } << 0 << QList<int> { 0 };
        QTest::newRow("drop after 3 events") << QList<int> { 3 } << 0 << QList<int> { 2 };
        QTest::newRow("drop after 6 events") << QList<int> { 6 } << 0 << QList<int> { 5 };
        QTest::newRow("drop before any event") << QList<int> { 0, 2 } << 0 << QList<int> { 1 };
        QTest::newRow("drops three times") << QList<int> { 3, 2, 2 } << 0 << QList<int> { 2, 4, 6 };
        QTest::newRow("server replays the last seen event")
            << QList<int> { 3 } << 1 << QList<int> { 2 };
        QTest::newRow("server replays three seen events")
            << QList<int> { 6 } << 3 << QList<int> { 5 };
        QTest::newRow("replay and drop again") << QList<int> { 4, 3 } << 1 << QList<int> { 3, 5 };
    }

    void reconnects()
    {
        QFETCH(QList<int>, dropAfter);
        QFETCH(int, replayExtra);
        QFETCH(QList<int>, lastIndexes);
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        server.setDropAfter(dropAfter);
        server.setReplayExtra(replayExtra);
        WorkflowBackend backend(m_network, config(server));
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build a mailer"_qs);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QSignalSpy reconnecting(stream, &WorkflowAnswerStream::reconnecting);
        QSignalSpy nodes(stream, &WorkflowAnswerStream::nodeReceived);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);

        // Reconnections before any event ask the whole question again (no index).
        const QJsonObject first = server.bodies().first();
        QCOMPARE(server.bodies().size(), dropAfter.size() + 1);
        QList<int> sent;
        for (const QJsonObject &body : server.bodies().mid(1)) {
            if (body.contains(u"lastEventIndex"_qs))
                sent << body.value(u"lastEventIndex").toInt();
            QCOMPARE(body.value(u"conversationId"), first.value(u"conversationId"));
            QCOMPARE(body.value(u"requestId"), first.value(u"requestId"));
            QCOMPARE(body.contains(u"message"_qs), !body.contains(u"lastEventIndex"_qs));
        }
        QCOMPARE(sent, lastIndexes);
        QCOMPARE(reconnecting.count(), dropAfter.size());
        QCOMPARE(stream->connectionCount(), dropAfter.size() + 1);

        // Nothing shown twice.
        QCOMPARE(recorder.text, fullText);
        QCOMPARE(recorder.deltas, 5);
        QCOMPARE(nodes.count(), 3);
        QCOMPARE(recorder.types().count(u"text_start"_qs), 1);
        QCOMPARE(recorder.types().count(u"asset_end"_qs), 1);
        QCOMPARE(recorder.events.last().type, StreamEvent::Type::Done);
        QCOMPARE(stream->duplicatesSkipped(), replayExtra * (dropAfter.size()));
    }

    void retriesExhausted()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        server.setDropAfter({ 2, 0, 0, 0, 0, 0, 0, 0 });
        WorkflowConfig c = config(server);
        c.reconnect.maxAttempts = 3;
        WorkflowBackend backend(m_network, c);
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build a mailer"_qs);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QSignalSpy reconnecting(stream, &WorkflowAnswerStream::reconnecting);
        QVERIFY(ended.wait(10000));
        const auto error = ended.first().first().value<std::optional<ApiError>>();
        QVERIFY(error);
        QCOMPARE(error->code, ApiError::Code::Network);
        QVERIFY2(error->message.contains(u"lost after 3 attempts"_qs), qPrintable(error->message));
        QCOMPARE(reconnecting.count(), 3);
        QCOMPARE(server.streamsServed(), 4);
        for (const QJsonObject &body : server.bodies().mid(1))
            QCOMPARE(body.value(u"lastEventIndex").toInt(), 1);
        QCOMPARE(recorder.text, u"Planning a workflow "_qs);
        QCOMPARE(recorder.progress.last(), u"Connection lost; reconnecting (attempt 3 of 3)…"_qs);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("400 without a message")
            << u"secret-token"_qs << QString() << int(ApiError::Code::Validation) << 400
            << u"message is required for a new session"_qs;
        QTest::newRow("401 wrong token")
            << u"wrong"_qs << u"Hi"_qs << int(ApiError::Code::Auth) << 401 << u"credentials"_qs;
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
        QVERIFY(!error->toString().contains(u"secret-token"_qs));
        QCOMPARE(server.requests().size(), 1); // no retry
        QCOMPARE(events.count(), 0);
    }

    void errorEvent()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents({ FakeWorkflowServer::chunk(u"Planning "_qs),
            FakeWorkflowServer::error(u"The planner ran out of credits"_qs) });
        WorkflowBackend backend(m_network, config(server));
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build"_qs);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);
        QCOMPARE(recorder.types(), u"start text_start text_delta text_end error done"_qs);
        QCOMPARE(recorder.events.at(4).errorMessage, u"The planner ran out of credits"_qs);
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
        WorkflowAnswerStream *stream = ask(backend, recorder, u"Build"_qs);
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
        QCOMPARE(recorder.text, duringBackoff ? u"Planning a workflow "_qs : u"Planning "_qs);
    }

    void resumesFromSavedState()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        server.setEventDelayMs(5);
        const WorkflowConfig c = config(server);
        QByteArray saved;
        {
            // The first run: "the app quits" after event 4 (the second node).
            WorkflowBackend backend(m_network, c);
            Recorder recorder;
            WorkflowAnswerStream *stream = ask(backend, recorder, u"Build a mailer"_qs);
            QSignalSpy ended(stream, &AnswerStream::ended);
            connect(stream, &WorkflowAnswerStream::resumeStateChanged, stream, [stream, &saved] {
                saved = stream->resumeState().toJson();
                if (stream->lastEventIndex() == 4)
                    stream->abort();
            });
            QVERIFY(ended.count() == 1 || ended.wait(10000));
            delete stream;
        }
        const auto state = WorkflowResumeState::fromJson(saved);
        QVERIFY(state);
        QCOMPARE(state->lastEventIndex, 4);
        QCOMPARE(state->text, u"Planning a workflow with a trigger "_qs);
        QCOMPARE(state->nodes.size(), 2);

        // After the restart: a new backend and network, the saved state.
        QNetworkAccessManager network;
        QObject owner; // destroyed before the network manager, with the stream
        WorkflowBackend backend(network, c);
        WorkflowAnswerStream *stream = backend.resume(*state, &owner);
        Recorder recorder;
        connect(stream, &AnswerStream::eventReceived, this,
            [&recorder](const StreamEvent &e) { recorder.add(e); });
        QSignalSpy ended(stream, &AnswerStream::ended);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);
        const QJsonObject body = server.bodies().last();
        QCOMPARE(body.value(u"lastEventIndex").toInt(), 4);
        QCOMPARE(body.value(u"requestId").toString(), state->requestId);
        QCOMPARE(body.value(u"conversationId").toString(), state->conversationId);
        QVERIFY(!body.contains(u"message"_qs));
        // The restored text first, then the rest: the whole answer once.
        QCOMPARE(recorder.text, fullText);
        QCOMPARE(recorder.types().count(u"text_start"_qs), 1);
        QCOMPARE(recorder.progress, QStringList { u"Added node notify (email)"_qs });
        QCOMPARE(stream->nodes().size(), 3);
        QCOMPARE(stream->resumeState().lastEventIndex, 8);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowStream)
#include "tst_workflowstream.moc"
