// The workflow backend through the real chat session and store: what a person ends up with.

#include "app/core/chatsession.h"
#include "app/workflow/workflowanswerstream.h"
#include "app/workflow/workflowbackend.h"
#include "tests/app/workflow/workflowscript.h"
#include "tests/support/fakeworkflowserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using WorkflowScript::fullText;

QJsonObject node(const QString &id, const QString &type)
{
    return { { u"id"_s, id }, { u"type"_s, type } };
}

QJsonObject definition()
{
    return { { u"nodes"_s,
                 QJsonObject { { u"root"_s, node(u"root"_s, u"manual"_s) },
                     { u"send"_s, node(u"send"_s, u"http"_s) } } },
        { u"inputSchema"_s,
            QJsonArray { QJsonObject {
                { u"key"_s, u"to"_s }, { u"type"_s, u"string"_s }, { u"required"_s, true } } } } };
}

QList<FakeWorkflowServer::Event> script()
{
    using S = FakeWorkflowServer;
    // Frame 0 is not text: the client's count of frames includes it.
    return { S::thinking(u"Reading the request"_s), S::chunk(u"Planning "_s),
        S::chunk(u"a workflow "_s), S::node(node(u"root"_s, u"manual"_s)),
        S::chunk(u"with a trigger "_s), S::node(node(u"send"_s, u"http"_s)),
        S::chunk(u"and an email "_s), S::chunk(u"step."_s), S::done(definition()) };
}
} // namespace

class TestWorkflowChat : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    WorkflowConfig config(const FakeWorkflowServer &server)
    {
        WorkflowConfig c = WorkflowScript::config(server);
        c.reconnect.maxAttempts = 3;
        return c;
    }

    static Message lastMessage(TempStore &store, qint64 conversation)
    {
        auto messages = store.repository->messages(conversation);
        return messages && !messages->isEmpty() ? messages->last() : Message {};
    }

private Q_SLOTS:
    // A stream lost for good is saved with where it stood; at the next start (a new session on
    // the same store) it continues from there, without repeating what had arrived.
    void resumedAfterARestart()
    {
        TempStore store;
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setToken(u"secret-token"_s);
        server.setEvents(script());
        server.setDropAfter({ 3, 0, 0, 0 }); // the first session gives up after 3 reconnections
        qint64 answerId = 0;
        QString conversationRemoteId;
        {
            WorkflowBackend backend(m_network, config(server));
            ChatSession session(*store.repository);
            session.setBackend(&backend);
            QSignalSpy finished(&session, &ChatSession::answerFinished);
            auto conversation = session.send(0, u"Build a workflow"_s);
            QVERIFY(conversation);
            QVERIFY(finished.wait(10000));
            const Message cut = lastMessage(store, *conversation);
            QCOMPARE(cut.status, MessageStatus::Interrupted);
            QCOMPARE(cut.text, u"Planning a workflow "_s);
            QVERIFY(!cut.resumeState.isEmpty()); // saved for later
            answerId = cut.id;
            conversationRemoteId = store.repository->conversation(*conversation)->remoteId;
        }
        // "Restart": a new backend and session over the same store.
        WorkflowBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto resumed = session.resumeInterrupted();
        QVERIFY(resumed);
        QCOMPARE(*resumed, answerId);
        QVERIFY(finished.wait(10000));
        const Message done = *store.repository->message(answerId);
        QCOMPARE(done.status, MessageStatus::Complete);
        QCOMPARE(done.text, fullText);
        QVERIFY(done.resumeState.isEmpty()); // nothing left to resume
        QCOMPARE(done.assets.size(), 1);
        const QJsonObject last = server.bodies().last();
        QCOMPARE(last[u"conversationId"_s].toString(), conversationRemoteId);
        QCOMPARE(last[u"lastEventIndex"_s].toInt(), 2); // frames 0 (thinking), 1 and 2
        QCOMPARE(*session.resumeInterrupted(), 0); // nothing more to resume
    }

    void completeAnswer()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        WorkflowBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QSignalSpy progress(&session, &ChatSession::progressChanged);

        auto conversation = session.send(0, u"Build a mailer"_s);
        QVERIFY(conversation);
        QVERIFY(finished.wait(10000));
        const Message answer = lastMessage(store, *conversation);
        QCOMPARE(answer.status, MessageStatus::Complete);
        QCOMPARE(answer.text, fullText);
        QCOMPARE(answer.assets.size(), 1);
        QCOMPARE(answer.assets.first().type, u"workflow"_s);
        QCOMPARE(QJsonDocument::fromJson(answer.assets.first().valueJson).object(), definition());
        QCOMPARE(progress.at(0).at(1).toString(), u"Thinking: Reading the request"_s);
        QCOMPARE(progress.at(1).at(1).toString(), u"Added node root (manual)"_s);

        // The client-made conversation id became the conversation's remote id...
        const QString conversationId = server.bodies().first().value(u"conversationId").toString();
        QVERIFY(!conversationId.isEmpty());
        QCOMPARE(store.repository->conversation(*conversation)->backend, u"workflow"_s);
        QCOMPARE(store.repository->conversation(*conversation)->remoteId, conversationId);
        // ...so a follow-up continues it, with a new request id.
        QVERIFY(session.send(*conversation, u"Add a retry"_s));
        QVERIFY(finished.wait(10000));
        const QJsonObject second = server.bodies().last();
        QCOMPARE(second.value(u"conversationId").toString(), conversationId);
        QVERIFY(second.value(u"requestId") != server.bodies().first().value(u"requestId"));
        QCOMPARE(second.value(u"message").toString(), u"Add a retry"_s);
    }

    void outcomes_data()
    {
        QTest::addColumn<QList<FakeWorkflowServer::Event>>("events");
        QTest::addColumn<QList<int>>("dropAfter");
        QTest::addColumn<int>("replayExtra");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detail"); // part of the error detail
        QTest::addColumn<int>("assets");

        using S = FakeWorkflowServer;
        const QList<int> none;
        const QString token = u"secret-token"_s;
        QTest::newRow("drop after 3 frames, resumed")
            << script() << QList<int> { 3 } << 0 << token << int(MessageStatus::Complete)
            << fullText << QString() << 1;
        QTest::newRow("drops twice, resumed")
            << script() << QList<int> { 3, 2 } << 0 << token << int(MessageStatus::Complete)
            << fullText << QString() << 1;
        QTest::newRow("retries exhausted")
            << script() << QList<int> { 3, 0, 0, 0, 0 } << 0 << token
            << int(MessageStatus::Interrupted) << u"Planning a workflow "_s
            << u"lost after 3 attempts"_s << 0;
        QTest::newRow("401") << script() << none << 0 << u"wrong"_s << int(MessageStatus::Error)
                             << QString() << u"credentials"_s << 0;
        QTest::newRow("error event keeps the text")
            << QList<S::Event> { S::chunk(u"Planning "_s),
                   S::error(u"The planner ran out of credits"_s) }
            << none << 0 << token << int(MessageStatus::Error) << u"Planning "_s
            << u"The planner ran out of credits"_s << 0;
        // done.data.incompleteFields and validationErrors: a marked section under the answer
        // text, stored with it (so it is there after a restart, in exports and in the CLI).
        QTest::newRow("done with incomplete fields and validation errors")
            << QList<S::Event> { S::chunk(u"Here is your workflow."_s),
                   S::done(definition(), { u"send.url"_s },
                       QJsonArray { QJsonObject {
                           { u"nodeId"_s, u"send"_s }, { u"message"_s, u"URL is missing"_s } } }) }
            << none << 0 << token << int(MessageStatus::Complete)
            << u"Here is your workflow.\n\n"
               "**Incomplete fields** — the workflow needs your input for:\n\n"
               "- `send.url`\n\n"
               "**Validation errors** — fix these before running it:\n\n"
               "- `send`: URL is missing"_s
            << QString() << 1;
        // done.data.type "message" with no chunk: done.data.message is the answer.
        QTest::newRow("done message without chunks")
            << QList<S::Event> { S::thinking(u"Reading"_s),
                   S::doneMessage(u"Which chain should it watch?"_s) }
            << none << 0 << token << int(MessageStatus::Complete)
            << u"Which chain should it watch?"_s << QString() << 0;
    }

    void outcomes()
    {
        QFETCH(QList<FakeWorkflowServer::Event>, events);
        QFETCH(QList<int>, dropAfter);
        QFETCH(int, replayExtra);
        QFETCH(QString, token);
        QFETCH(int, status);
        QFETCH(QString, text);
        QFETCH(QString, detail);
        QFETCH(int, assets);
        TempStore store;
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(events);
        server.setDropAfter(dropAfter);
        server.setReplayExtra(replayExtra);
        WorkflowConfig c = config(server);
        c.token = token;
        WorkflowBackend backend(m_network, c);
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"Build a mailer"_s);
        QVERIFY(conversation);
        QVERIFY(finished.wait(10000));
        const Message answer = lastMessage(store, *conversation);
        QCOMPARE(int(answer.status), status);
        QCOMPARE(answer.text, text);
        QVERIFY2(answer.errorDetail.contains(detail), qPrintable(answer.errorDetail));
        QCOMPARE(answer.assets.size(), assets);
        if (assets > 0)
            QCOMPARE(
                QJsonDocument::fromJson(answer.assets.first().valueJson).object(), definition());
        QVERIFY(!answer.errorDetail.contains(u"secret-token"_s));
    }

    void serverMessageOn400()
    {
        // A session the server does not know, resumed without the question: it refuses with 400.
        TempStore store;
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        WorkflowBackend backend(m_network, config(server));
        WorkflowResumeState state;
        state.conversationId = u"c-1"_s;
        state.requestId = u"r-1"_s;
        WorkflowAnswerStream *stream = backend.resume(state, this);
        QSignalSpy ended(stream, &AnswerStream::ended);
        QVERIFY(ended.wait(10000));
        const auto error = ended.first().first().value<std::optional<ApiError>>();
        QVERIFY(error);
        QCOMPARE(error->code, ApiError::Code::Validation);
        QCOMPARE(error->serverMessage, u"message is required for a new session"_s);
        QVERIFY(error->toString().contains(u"message is required for a new session"_s));
    }

    void stopMidStream()
    {
        TempStore store;
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setEvents(script());
        server.setEventDelayMs(50);
        WorkflowBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"Build a mailer"_s);
        QVERIFY(conversation);
        const qint64 answerId = session.activeAnswerId();
        QSignalSpy text(&session, &ChatSession::answerTextChanged);
        QVERIFY(text.wait(10000));
        session.stop();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        const Message stopped = *store.repository->message(answerId);
        QCOMPARE(stopped.status, MessageStatus::Interrupted);
        QVERIFY(stopped.text.startsWith(u"Planning "_s));
        QVERIFY(stopped.text.size() < fullText.size());
        QSignalSpy requests(&server, &FakeWorkflowServer::requestReceived);
        QVERIFY(!requests.wait(200)); // no reconnection after a stop
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowChat)
#include "tst_workflowchat.moc"
