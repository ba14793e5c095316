// Reconnection and replay of the workflow answer stream over loopback HTTP. Against a B3OS-framed
// FakeWorkflowServer (no `id:` lines) the client numbers every data frame from 0 and sends
// lastEventIndex = the last number on reconnection; against the older framing (`id:` lines) the
// ids win and replayed frames are skipped. Either way the answer shows once, and it resumes from a
// saved state after a restart.

#include "app/workflow/workflowanswerstream.h"
#include "app/workflow/workflowbackend.h"
#include "tests/app/workflow/workflowscript.h"
#include "tests/support/fakeworkflowserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace WorkflowScript;
using Framing = FakeWorkflowServer::Framing;

class TestWorkflowReplay : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    WorkflowAnswerStream *ask(WorkflowBackend &backend, Recorder &recorder)
    {
        PromptRequest prompt;
        prompt.text = u"Build a mailer"_s;
        auto *stream = backend.start(backend.requestFor(prompt), this);
        connect(stream, &AnswerStream::eventReceived, this,
            [&recorder](const StreamEvent &e) { recorder.add(e); });
        return stream;
    }

private Q_SLOTS:
    void reconnects_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<QList<int>>("dropAfter"); // frames per stream before the cut
        QTest::addColumn<bool>("cutMidFrame");
        QTest::addColumn<bool>("splitLines");
        QTest::addColumn<int>("heartbeatEvery");
        QTest::addColumn<int>("replayExtra");
        QTest::addColumn<QList<int>>("lastIndexes"); // lastEventIndex of each reconnection

        const int b3os = int(Framing::B3os);
        const int legacy = int(Framing::EventAndIdLines);
        // Frames: 0 thinking, 1 chunk, 2 tool_start, 3 chunk, 4 node... (WorkflowScript::script).
        QTest::newRow("b3os: drop after the first frame (thinking)")
            << b3os << QList<int> { 1 } << false << false << 3 << 0 << QList<int> { 0 };
        QTest::newRow("b3os: drop after 4 frames, the count includes thinking and tool_start")
            << b3os << QList<int> { 4 } << false << false << 3 << 0 << QList<int> { 3 };
        QTest::newRow("b3os: drop halfway through frame 7")
            << b3os << QList<int> { 7 } << true << false << 3 << 0 << QList<int> { 6 };
        QTest::newRow("b3os: drop before any frame, then after 2")
            << b3os << QList<int> { 0, 2 } << false << false << 3 << 0 << QList<int> { 1 };
        QTest::newRow("b3os: drops three times")
            << b3os << QList<int> { 3, 2, 2 } << false << false << 3 << 0 << QList<int> { 2, 4, 6 };
        QTest::newRow("b3os: frames over two data lines, a heartbeat after each")
            << b3os << QList<int> { 5, 3 } << true << true << 1 << 0 << QList<int> { 4, 7 };
        QTest::newRow("legacy ids: drop after 3 frames")
            << legacy << QList<int> { 3 } << false << false << 3 << 0 << QList<int> { 2 };
        QTest::newRow("legacy ids: the server replays the last seen frame")
            << legacy << QList<int> { 3 } << false << false << 3 << 1 << QList<int> { 2 };
        QTest::newRow("legacy ids: the server replays three seen frames")
            << legacy << QList<int> { 6 } << false << false << 3 << 3 << QList<int> { 5 };
        QTest::newRow("legacy ids: replay and drop again")
            << legacy << QList<int> { 4, 3 } << false << false << 3 << 1 << QList<int> { 3, 5 };
    }

    void reconnects()
    {
        QFETCH(int, framing);
        QFETCH(QList<int>, dropAfter);
        QFETCH(bool, cutMidFrame);
        QFETCH(bool, splitLines);
        QFETCH(int, heartbeatEvery);
        QFETCH(int, replayExtra);
        QFETCH(QList<int>, lastIndexes);
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setFraming(Framing(framing));
        server.setEvents(script(framing == int(Framing::EventAndIdLines)));
        server.setDropAfter(dropAfter);
        server.setCutMidFrame(cutMidFrame);
        server.setSplitDataLines(splitLines);
        server.setHeartbeatEvery(heartbeatEvery);
        server.setReplayExtra(replayExtra);
        WorkflowBackend backend(m_network, config(server));
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QSignalSpy reconnecting(stream, &WorkflowAnswerStream::reconnecting);
        QSignalSpy nodes(stream, &WorkflowAnswerStream::nodeReceived);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);

        // Reconnections before any frame ask the whole question again (no index).
        const QJsonObject first = server.bodies().first();
        QCOMPARE(server.bodies().size(), dropAfter.size() + 1);
        QList<int> sent;
        for (const QJsonObject &body : server.bodies().mid(1)) {
            if (body.contains(u"lastEventIndex"_s))
                sent << body.value(u"lastEventIndex").toInt();
            QCOMPARE(body.value(u"conversationId"), first.value(u"conversationId"));
            QCOMPARE(body.value(u"requestId"), first.value(u"requestId"));
            QCOMPARE(body.contains(u"message"_s), !body.contains(u"lastEventIndex"_s));
        }
        QCOMPARE(sent, lastIndexes);
        QCOMPARE(reconnecting.count(), dropAfter.size());
        QCOMPARE(stream->connectionCount(), dropAfter.size() + 1);

        // Nothing shown twice.
        QCOMPARE(recorder.text, fullText);
        QCOMPARE(recorder.deltas, 5);
        QCOMPARE(nodes.count(), 3);
        QCOMPARE(recorder.progress.count(u"Thinking: Reading the request"_s), 1);
        QCOMPARE(recorder.types().count(u"text_start"_s), 1);
        QCOMPARE(recorder.types().count(u"asset_end"_s), 1);
        QCOMPARE(recorder.events.last().type, StreamEvent::Type::Done);
        QCOMPARE(stream->lastEventIndex(), 10);
        QCOMPARE(stream->duplicatesSkipped(), replayExtra * dropAfter.size());
    }

    // Frames of a type the client does not show still count: the index it sends on reconnection
    // is the server's frame number, not the number of frames it showed.
    void framesNotShownStillCount()
    {
        using S = FakeWorkflowServer;
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents({ S::chunk(u"Planning "_s), S::of({ { u"type"_s, u"plan_update"_s } }),
            S::of({ { u"type"_s, u"sheet_data"_s }, { u"data"_s, QJsonObject() } }),
            S::chunk(u"done."_s), S::doneMessage(u"Planning done."_s) });
        server.setDropAfter({ 3 });
        QTest::ignoreMessage(QtInfoMsg, "Ignored workflow event of unknown type \"plan_update\"");
        WorkflowBackend backend(m_network, config(server));
        Recorder recorder;
        WorkflowAnswerStream *stream = ask(backend, recorder);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().first().value<std::optional<ApiError>>(), std::nullopt);
        QCOMPARE(server.bodies().last().value(u"lastEventIndex").toInt(), 2);
        QCOMPARE(recorder.text, u"Planning done."_s); // the chunks once; done's message not again
        // The progress line is "Connection lost; reconnecting (attempt 1 of 5)…".
        QCOMPARE(recorder.types(),
            u"start text_start text_delta progress text_delta text_end finish done"_s);
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
        WorkflowAnswerStream *stream = ask(backend, recorder);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QSignalSpy reconnecting(stream, &WorkflowAnswerStream::reconnecting);
        QVERIFY(ended.wait(10000));
        const auto error = ended.first().first().value<std::optional<ApiError>>();
        QVERIFY(error);
        QCOMPARE(error->code, ApiError::Code::Network);
        QVERIFY2(error->message.contains(u"lost after 3 attempts"_s), qPrintable(error->message));
        QCOMPARE(reconnecting.count(), 3);
        QCOMPARE(server.streamsServed(), 4);
        for (const QJsonObject &body : server.bodies().mid(1))
            QCOMPARE(body.value(u"lastEventIndex").toInt(), 1);
        QCOMPARE(recorder.text, u"Planning "_s); // frames 0 (thinking) and 1 (chunk)
        QCOMPARE(recorder.progress.last(), u"Connection lost; reconnecting (attempt 3 of 3)…"_s);
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
            // The first run: "the app quits" after frame 6 (the second node).
            WorkflowBackend backend(m_network, c);
            Recorder recorder;
            WorkflowAnswerStream *stream = ask(backend, recorder);
            QSignalSpy ended(stream, &AnswerStream::ended);
            connect(stream, &WorkflowAnswerStream::resumeStateChanged, stream, [stream, &saved] {
                saved = stream->resumeState().toJson();
                if (stream->lastEventIndex() == 6)
                    stream->abort();
            });
            QVERIFY(ended.count() == 1 || ended.wait(10000));
            delete stream;
        }
        const auto state = WorkflowResumeState::fromJson(saved);
        QVERIFY(state);
        QCOMPARE(state->lastEventIndex, 6);
        QCOMPARE(state->text, u"Planning a workflow with a trigger "_s);
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
        QCOMPARE(body.value(u"lastEventIndex").toInt(), 6);
        QCOMPARE(body.value(u"requestId").toString(), state->requestId);
        QCOMPARE(body.value(u"conversationId").toString(), state->conversationId);
        QVERIFY(!body.contains(u"message"_s));
        // The restored text first, then the rest (frames 7..10): the whole answer once.
        QCOMPARE(recorder.text, fullText);
        QCOMPARE(recorder.types().count(u"text_start"_s), 1);
        QCOMPARE(recorder.progress, QStringList { u"Added node notify (email)"_s });
        QCOMPARE(stream->nodes().size(), 3);
        QCOMPARE(stream->resumeState().lastEventIndex, 10);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowReplay)
#include "tst_workflowreplay.moc"
