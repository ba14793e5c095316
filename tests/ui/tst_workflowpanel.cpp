// The workflow panel follows a real workflow stream (loopback fake server) node by node, shows
// the stored definition later, and exports it as JSON.
#include "app/core/chatsession.h"
#include "app/workflow/workflowbackend.h"
#include "models/transcriptmodel.h"
#include "tests/support/fakeworkflowserver.h"
#include "tests/support/tempstore.h"
#include "tests/ui/windowfixture.h"
#include "ui/mainwindow.h"
#include "ui/transcriptview.h"
#include "ui/workflow/workflowgraphscene.h"
#include "ui/workflow/workflowgraphwidget.h"
#include "ui/workflowdock.h"
#include "ui/workflowpanel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {
QJsonObject node(const QString &id, const QString &type)
{
    return { { u"id"_s, id }, { u"type"_s, type } };
}

// A manual trigger and an HTTP call.
QJsonObject webhookDefinition()
{
    return { { u"nodes"_s,
        QJsonObject { { u"root"_s, QJsonObject { { u"type"_s, u"manual"_s } } },
            { u"send"_s,
                QJsonObject {
                    { u"type"_s, u"http"_s }, { u"url"_s, u"https://example.com/hook"_s } } } } } };
}
} // namespace

class TestWorkflowPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dockShowsTheOpenConversationsWorkflow()
    {
        TempStore store;
        const qint64 plain = store.addConversation(u"No workflow"_s, 2);
        const qint64 withWorkflow = store.addConversation(u"Webhook"_s, 0);
        Message m;
        m.conversationId = withWorkflow;
        m.role = MessageRole::Assistant;
        m.text = u"Here is the workflow."_s;
        Asset a;
        a.type = u"workflow"_s;
        a.valueJson = R"({"nodes":{"root":{"type":"manual"},"mail":{"type":"email"}}})";
        m.assets << a;
        QVERIFY(store.repository->addMessage(m));
        ChatSession session(*store.repository);
        TranscriptModel transcript(*store.repository);
        QAbstractItemModelTester tester(
            &transcript, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QWidget window;
        WorkflowDock dock(session, transcript, &window);
        window.show();
        transcript.setConversation(withWorkflow);
        QVERIFY(dock.isVisible());
        QCOMPARE(dock.panel()->nodeCount(), 2);
        transcript.setConversation(plain);
        QVERIFY(!dock.isVisible());
        QCOMPARE(dock.panel()->nodeCount(), 0);
    }

    void followsTheStreamAndShowsTheStoredDefinition()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setToken(u"t"_s);
        const QJsonObject definition = webhookDefinition();
        QJsonObject send = node(u"send"_s, u"http"_s);
        send.insert(u"url"_s, u"https://example.com/hook"_s);
        server.setEvents({ FakeWorkflowServer::chunk(u"Building "_s),
            FakeWorkflowServer::node(node(u"root"_s, u"manual"_s)), FakeWorkflowServer::node(send),
            FakeWorkflowServer::chunk(u"done."_s), FakeWorkflowServer::done(definition) });
        server.setEventDelayMs(20);

        TempStore store;
        QNetworkAccessManager network;
        WorkflowConfig config;
        config.baseUrl = server.baseUrl();
        config.token = u"t"_s;
        WorkflowBackend backend(network, config);
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        WorkflowPanel panel;
        panel.resize(420, 320);
        QSignalSpy shown(&panel, &WorkflowPanel::workflowShown);
        connect(&session, &ChatSession::streamStarted, &panel,
            [&panel](qint64, AnswerStream *stream) { panel.follow(stream); });
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"Send a webhook when I press the button"_s);
        QVERIFY(conversation);
        QCOMPARE(shown.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(panel.nodeCount(), 2, 5000); // live, node by node
        QVERIFY(finished.count() == 1 || finished.wait(5000)); // it may have ended already

        auto *tree = panel.findChild<QTreeWidget *>(u"workflowTree"_s);
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItem(1)->text(0), u"send"_s);
        QCOMPARE(tree->topLevelItem(1)->text(1), u"http"_s);
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), u"https://example.com/hook"_s);

        // Later (another session, offline): from the stored "workflow" asset.
        const Message answer = store.repository->messages(*conversation)->last();
        QCOMPARE(answer.assets.size(), 1);
        QCOMPARE(answer.assets.first().type, u"workflow"_s);
        WorkflowPanel later;
        later.showDefinition(QJsonDocument::fromJson(answer.assets.first().valueJson).object());
        QCOMPARE(later.nodeCount(), 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"workflow.json"_s);
        QVERIFY(later.exportJson(path).isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), definition);
        QVERIFY(!later.exportJson(dir.filePath(u"missing/dir/w.json"_s)).isEmpty());

        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.grab().save(screenshotPath(u"workflow-panel.png"_s)));
    }

    // The whole window after a B3OS-framed answer with incompleteFields and validationErrors:
    // the notes under the answer text, the workflow in its dock.
    void answerWithNotesInTheWindow()
    {
        FakeWorkflowServer server;
        QVERIFY(server.listen());
        server.setToken(u"t"_s);
        const QJsonObject definition = webhookDefinition();
        server.setEvents({ FakeWorkflowServer::thinking(u"Looking for a webhook action"_s),
            FakeWorkflowServer::chunk(u"I built a workflow that sends a **webhook** when you "
                                      "press the button."_s),
            FakeWorkflowServer::toolStart(u"search_actions"_s),
            FakeWorkflowServer::node(node(u"root"_s, u"manual"_s)),
            FakeWorkflowServer::node(node(u"send"_s, u"http"_s)),
            FakeWorkflowServer::done(definition, { u"send.props.url"_s, u"send.props.method"_s },
                QJsonArray { QJsonObject {
                    { u"nodeId"_s, u"send"_s }, { u"message"_s, u"The URL is missing"_s } } }) });
        WindowFixture f;
        WorkflowConfig config;
        config.baseUrl = server.baseUrl();
        config.token = u"t"_s;
        WorkflowBackend backend(f.network, config);
        auto window = f.makeWindow();
        auto *dock = new WorkflowDock(f.session, *window->transcriptModel(), window.get());
        window->addDockWidget(Qt::RightDockWidgetArea, dock);
        f.session.setBackend(&backend);
        // The Graph tab follows the streamed nodes, before the definition is stored.
        int liveGraphNodes = 0;
        connect(dock->panel(), &WorkflowPanel::nodesChanged, window.get(), [&] {
            if (dock->panel()->definition().isEmpty())
                liveGraphNodes = dock->graph()->scene()->nodeCount();
        });
        window->resize(1240, 760);
        QVERIFY(showAndActivate(window.get()));
        server.setEventDelayMs(30);
        QSignalSpy finished(&f.session, &ChatSession::answerFinished);
        // Mid-stream, as painted: a B3OS step as the progress line under the answer.
        QString shownStep;
        bool shownWhileStreaming = false;
        connect(&f.session, &ChatSession::progressChanged, window.get(),
            [&](qint64, const QString &line) {
                if (!shownStep.isEmpty() || !line.startsWith(u"Using tool "_s))
                    return;
                shownStep = line;
                shownWhileStreaming = dock->isVisible();
                window->transcriptView()->viewport()->repaint();
                window->grab().save(screenshotPath(u"workflow-progress.png"_s));
            });
        auto conversation = f.session.send(0, u"Send a webhook when I press the button"_s);
        QVERIFY(conversation);
        window->openConversation(*conversation);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(shownStep, u"Using tool search_actions"_s);
        QVERIFY(shownWhileStreaming); // opening the streaming answer's conversation kept the dock
        QTRY_VERIFY(dock->isVisible());
        QTRY_COMPARE(dock->panel()->nodeCount(), 2);
        QCOMPARE(liveGraphNodes, 2);
        QCOMPARE(dock->graph()->scene()->nodeCount(), 2);
        const QString text
            = window->transcriptModel()->index(1).data(TranscriptModel::TextRole).toString();
        QVERIFY2(text.contains(u"**Incomplete fields**"_s), qPrintable(text));
        QVERIFY(text.contains(u"- `send`: The URL is missing"_s));
        QCoreApplication::processEvents();
        window->transcriptView()->viewport()->repaint();
        QVERIFY(window->grab().save(screenshotPath(u"workflow-notes.png"_s)));
    }
};

QTEST_MAIN(TestWorkflowPanel)
#include "tst_workflowpanel.moc"
