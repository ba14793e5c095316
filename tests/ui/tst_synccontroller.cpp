// File ▸ Sync History: the history of a Luzmo account (here the built-in server, on loopback,
// added as a Luzmo account) lands in the local store with a progress bar, and the window's
// conversation list shows it.
#include "conversationlistmodel.h"
#include "localserver.h"
#include "luzmoclient.h"
#include "synccontroller.h"
#include "windowfixture.h"

#include <QAction>
#include <QMainWindow>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>

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
            { u"Show monthly revenue"_qs, u"Compare margin by region"_qs }) {
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
        luzmo.id = u"acct-1"_qs;
        luzmo.kind = Account::Kind::Luzmo;
        luzmo.name = u"Team Luzmo"_qs;
        luzmo.baseUrl = server.url();
        luzmo.keyId = server.key();
        luzmo.secret = server.token();
        accounts.accounts << luzmo;
        f.backends.apply(accounts);
        QVERIFY(f.backends.clientFor(u"acct-1"_qs));

        QMainWindow window;
        SyncController sync(*f.store.repository, f.backends, *window.statusBar());
        ConversationListModel list(*f.store.repository);
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
        QCOMPARE(f.store.repository->conversation(list.idAt(0))->backend, u"acct-1"_qs);
        QVERIFY(window.statusBar()->currentMessage().startsWith(u"Synced 2 conversations"_qs));
    }

    void nothingToSyncSaysSo()
    {
        WindowFixture f;
        QMainWindow window;
        SyncController sync(*f.store.repository, f.backends, *window.statusBar());
        QCOMPARE(sync.syncAll(), 0);
        QVERIFY(window.statusBar()->currentMessage().contains(u"No Luzmo account"_qs));
    }
};

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
