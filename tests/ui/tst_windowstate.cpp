// The main window's state per data folder and the status bar's account (issue 13.6): two
// stores share one settings file, as two data folders share the user's QSettings; each
// reopens its own last conversation and geometry, never the other's (their ids overlap).
#include "tests/ui/windowfixture.h"

#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace {
// A window on `store` whose settings are `file`'s group for the store's folder (as main.cpp).
std::unique_ptr<MainWindow> windowOn(TempStore &store, ChatSession &session, const QString &file)
{
    auto settings = new QSettings(file, QSettings::IniFormat);
    settings->beginGroup(MainWindow::settingsGroupFor(store.dir.path()));
    auto window = std::make_unique<MainWindow>(*store.repository, session, settings);
    settings->setParent(window.get());
    return window;
}

QString statusText(MainWindow *window)
{
    return window->statusBar()->findChild<QLabel *>(u"backendLabel"_s)->text();
}
} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachDataFolderKeepsItsOwnState()
    {
        TempStore first;
        TempStore second;
        QVERIFY(first.error.isEmpty() && second.error.isEmpty());
        // The same ids in both stores: 1 and 2.
        const qint64 alpha = first.addConversation(u"Alpha"_s, 2);
        const qint64 beta = first.addConversation(u"Beta"_s, 2);
        const qint64 gamma = second.addConversation(u"Gamma"_s, 2);
        const qint64 delta = second.addConversation(u"Delta"_s, 2);
        QCOMPARE(alpha, gamma);
        QCOMPARE(beta, delta);
        QVERIFY(MainWindow::settingsGroupFor(first.dir.path())
            != MainWindow::settingsGroupFor(second.dir.path()));
        ChatSession firstSession(*first.repository);
        ChatSession secondSession(*second.repository);
        QTemporaryDir settingsDir;
        const QString file = settingsDir.filePath(u"chartroom.ini"_s);

        {
            auto window = windowOn(first, firstSession, file);
            QVERIFY(showAndActivate(window.get()));
            window->openConversation(beta);
            window->resize(900, 610);
            window->close();
        }
        {
            // The other folder has never been open: nothing is reopened, the default size.
            auto window = windowOn(second, secondSession, file);
            QCOMPARE(window->currentConversation(), 0);
            QCOMPARE(window->size(), QSize(1100, 720));
            QVERIFY(showAndActivate(window.get()));
            window->openConversation(gamma);
            window->close();
        }
        {
            auto window = windowOn(first, firstSession, file);
            QCOMPARE(window->currentConversation(), beta);
            QCOMPARE(window->windowTitle(), u"Beta"_s);
            QCOMPARE(window->size(), QSize(900, 610));
        }
        {
            auto window = windowOn(second, secondSession, file);
            QCOMPARE(window->currentConversation(), gamma);
            QCOMPARE(window->windowTitle(), u"Gamma"_s);
        }
    }

    void statusBarNamesTheOpenConversationsAccount()
    {
        WindowFixture f;
        AccountSettings accounts = f.backends.settings();
        Account luzmo = Account::create(Account::Kind::Luzmo);
        luzmo.name = u"Luzmo EU"_s;
        luzmo.baseUrl = u"https://api.eu.example.com"_s;
        luzmo.keyId = u"key-id"_s;
        luzmo.secret = u"token-secret"_s;
        QVERIFY(!accounts.add(luzmo));
        f.backends.apply(accounts); // the default stays Local
        Repository &repo = *f.store.repository;
        const qint64 onLuzmo = repo.createConversation(u"On Luzmo"_s, luzmo.id, u"remote-1"_s)->id;
        const qint64 notStarted = repo.createConversation(u"Not sent yet"_s)->id;
        const qint64 orphan
            = repo.createConversation(u"Old account"_s, u"0b5e-removed"_s, u"remote-2"_s)->id;

        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        QVERIFY2(statusText(window.get()).startsWith(u"Answers from: Local (built in)"_s),
            qPrintable(statusText(window.get())));
        window->openConversation(onLuzmo);
        QVERIFY2(statusText(window.get()).startsWith(u"Answers from: Luzmo EU"_s),
            qPrintable(statusText(window.get())));
        window->openConversation(notStarted); // its first answer goes to the default
        QVERIFY(statusText(window.get()).startsWith(u"Answers from: Local (built in)"_s));
        window->openConversation(orphan);
        QCOMPARE(statusText(window.get()), u"The account of this conversation was removed"_s);
        window->newConversation();
        QVERIFY(statusText(window.get()).startsWith(u"Answers from: Local (built in)"_s));
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
