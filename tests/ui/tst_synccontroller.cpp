// File ▸ Sync History: the history of a Luzmo account (here the built-in server, on loopback,
// added as a Luzmo account) lands in the local store with a progress bar, and the window's
// conversation list shows it. The synced line charts get their data snapshot afterwards, so
// they still render once the server is gone.
#include "app/charts/chartdata.h"
#include "app/luzmo/luzmoclient.h"
#include "app/server/localserver.h"
#include "models/conversationlistmodel.h"
#include "tests/support/fakelookerserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/chart/chartcardcache.h"
#include "ui/synccontroller.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QMainWindow>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>

using namespace Qt::StringLiterals;

class TestSyncController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syncsLuzmoAccountsIntoTheStore()
    {
        QTemporaryDir serverDir;
        LocalServer::Options options;
        options.dataDirectory = serverDir.path();
        options.streamDelayMs = 0;
        LocalServer server(options);
        QVERIFY(server.start().isEmpty());
        // Two conversations on the "remote" side, made through its own API.
        LuzmoConfig remote;
        remote.host = QUrl(server.url());
        remote.key = server.key();
        remote.token = server.token();
        QNetworkAccessManager network;
        LuzmoClient client(network, remote);
        for (const QString &question :
            { u"Show monthly revenue"_s, u"Compare margin by region"_s }) {
            AiPromptRequest prompt;
            prompt.texts = { question };
            prompt.stream = false;
            QObject owner;
            ApiCall *call = client.createAiPrompt(prompt, &owner);
            QSignalSpy done(call, &ApiCall::succeeded);
            QVERIFY(done.wait(15000));
        }

        WindowFixture f;
        AccountSettings accounts = f.backends.settings();
        Account luzmo;
        luzmo.id = u"acct-1"_s;
        luzmo.kind = Account::Kind::Luzmo;
        luzmo.name = u"Team Luzmo"_s;
        luzmo.baseUrl = server.url();
        luzmo.keyId = server.key();
        luzmo.secret = server.token();
        accounts.accounts << luzmo;
        f.backends.apply(accounts);
        QVERIFY(f.backends.clientFor(u"acct-1"_s));

        QMainWindow window;
        SyncController sync(*f.store.repository, f.backends, *window.statusBar());
        ConversationListModel list(*f.store.repository);
        QAbstractItemModelTester tester(
            &list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.fetchMore({});
        QCOMPARE(list.rowCount(), 0);
        QSignalSpy finished(&sync, &SyncController::allFinished);
        sync.action()->trigger();
        QVERIFY(sync.isRunning());
        QVERIFY(!sync.action()->isEnabled());
        QVERIFY(window.statusBar()->findChild<QProgressBar *>()->isVisibleTo(&window));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        QVERIFY(sync.action()->isEnabled());
        QCOMPARE(list.rowCount(), 2); // live, through the repository's signals
        QCOMPARE(f.store.repository->conversation(list.idAt(0))->backend, u"acct-1"_s);
        QVERIFY(window.statusBar()->currentMessage().startsWith(u"Synced 2 conversations"_s));
    }

    void syncedChartsRenderWithTheServerGone()
    {
        QTemporaryDir serverDir;
        LocalServer::Options options;
        options.dataDirectory = serverDir.path();
        options.streamDelayMs = 0;
        auto server = std::make_unique<LocalServer>(options);
        QVERIFY(server->start().isEmpty());
        LuzmoConfig remote;
        remote.host = QUrl(server->url());
        remote.key = server->key();
        remote.token = server->token();
        QNetworkAccessManager network;
        LuzmoClient client(network, remote);
        for (const QString &question : { u"Show monthly revenue"_s, u"Plot monthly orders"_s,
                 u"Revenue by month as a line"_s, u"Show monthly margin"_s }) {
            AiPromptRequest prompt;
            prompt.agent = u"item"_s;
            prompt.texts = { question };
            prompt.stream = false;
            QObject owner;
            ApiCall *call = client.createAiPrompt(prompt, &owner);
            QSignalSpy done(call, &ApiCall::succeeded);
            QVERIFY(done.wait(15000));
        }

        WindowFixture f;
        AccountSettings accounts = f.backends.settings();
        Account luzmo;
        luzmo.id = u"acct-1"_s;
        luzmo.kind = Account::Kind::Luzmo;
        luzmo.name = u"Team Luzmo"_s;
        luzmo.baseUrl = server->url();
        luzmo.keyId = server->key();
        luzmo.secret = server->token();
        accounts.accounts << luzmo;
        f.backends.apply(accounts);

        QMainWindow window;
        SyncController sync(*f.store.repository, f.backends, *window.statusBar());
        QSignalSpy finished(&sync, &SyncController::allFinished);
        QStringList shown;
        const QMetaObject::Connection watching = connect(window.statusBar(),
            &QStatusBar::messageChanged, this, [&](const QString &m) { shown << m; });
        sync.action()->trigger();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QVERIFY(!sync.isRunning());
        disconnect(watching);
        QVERIFY(shown.join(u'\n').contains(u"for offline use"_s));
        const QString last = window.statusBar()->currentMessage();
        QVERIFY2(last.startsWith(u"Synced 4 conversations"_s), qPrintable(last));
        QVERIFY2(last.contains(u"Stored the data of "_s), qPrintable(last));
        QVERIFY2(!last.contains(u"could not"_s), qPrintable(last));
        QVERIFY(f.store.repository->assetsWithoutSnapshot(u"acct-1"_s, 100)->isEmpty());

        // The network is cut: every synced line chart renders from its snapshot.
        server.reset();
        ChartCardCache cache(*f.store.repository);
        cache.setClientProvider([](const QString &) -> LuzmoClient * { return nullptr; });
        int charts = 0;
        const QList<Conversation> conversations = *f.store.repository->conversations(100);
        for (const Conversation &c : conversations) {
            const QList<Message> messages = *f.store.repository->messages(c.id);
            for (const Message &m : messages) {
                for (const Asset &a : m.assets) {
                    if (a.type != u"item"
                        || ChartData::check(QJsonDocument::fromJson(a.valueJson).object()))
                        continue;
                    ++charts;
                    QVERIFY(!a.dataJson.isEmpty());
                    const auto data = ChartData::fromAsset(a.valueJson, a.dataJson);
                    QVERIFY(data.has_value());
                    QVERIFY(data->pointCount() > 0);
                    const ChartCardCache::Card card = cache.card(
                        { { u"id"_s, a.id }, { u"type"_s, a.type }, { u"valueJson"_s, a.valueJson },
                            { u"dataJson"_s, a.dataJson }, { u"dataTakenAt"_s, a.dataTakenAt } });
                    QCOMPARE(int(card.state), int(ChartCardCache::State::Ready));
                    QVERIFY(!cache.image(a.id, QSize(400, 240), 1.0).isNull());
                }
            }
        }
        QVERIFY(charts >= 1); // not every answer is a line chart
        QVERIFY(last.contains(u"Stored the data of "_s + QString::number(charts)));
    }

    void syncsLookerAccountsToo()
    {
        FakeLookerServer looker;
        QVERIFY(looker.listen());
        looker.setCredentials(u"client-1"_s, u"looker-secret"_s);
        looker.addConversation(u"Q3 revenue"_s,
            { FakeLookerServer::userTurn(u"How did revenue do in Q3?"_s, 1),
                FakeLookerServer::systemTurn(u"It grew 12%."_s, 2) });

        WindowFixture f;
        AccountSettings accounts = f.backends.settings();
        Account account = Account::create(Account::Kind::Looker);
        account.name = u"Looker prod"_s;
        account.baseUrl = looker.baseUrl().toString();
        account.keyId = u"client-1"_s;
        account.secret = u"looker-secret"_s;
        accounts.accounts << account;
        f.backends.apply(accounts);
        QVERIFY(f.backends.lookerSessionFor(account.id));

        QMainWindow window;
        SyncController sync(*f.store.repository, f.backends, *window.statusBar());
        QSignalSpy finished(&sync, &SyncController::allFinished);
        QCOMPARE(sync.syncAll(), 1);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        auto conversations = f.store.repository->conversations(10);
        QVERIFY(conversations);
        QCOMPARE(conversations->size(), 1);
        QCOMPARE(conversations->first().backend, account.id);
        auto messages = f.store.repository->messages(conversations->first().id);
        QCOMPARE(messages->size(), 2);
        QCOMPARE(messages->last().text, u"It grew 12%."_s);
    }

    void nothingToSyncSaysSo()
    {
        WindowFixture f;
        QMainWindow window;
        SyncController sync(*f.store.repository, f.backends, *window.statusBar());
        QCOMPARE(sync.syncAll(), 0);
        QVERIFY(window.statusBar()->currentMessage().contains(u"No Luzmo or Looker account"_s));
    }
};

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
