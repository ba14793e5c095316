// Settings…: the accounts page driving the backend controller (never a secret on disk), the
// default account, Local not removable, validation in words, the network page, screenshots.
#include "app/accounts/secretstore.h"
#include "app/chat/backend.h"
#include "models/transcriptmodel.h"
#include "tests/ui/windowfixture.h"
#include "ui/accounteditor.h"
#include "ui/composer.h"
#include "ui/networkpage.h"
#include "ui/settingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace {
const auto secretToken = u"tok-9f8e7d6c5b4a-very-secret"_s;

// A stand-in for the built-in local server's backend.
class StubBackend : public Backend
{
public:
    QString id() const override { return u"local"_s; }
    QString displayName() const override { return u"Local"_s; }
    QString validate(const PromptRequest &) const override { return u"stub: not answering"_s; }
    AnswerStream *ask(const PromptRequest &, QObject *) override { return nullptr; }
};

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Adds a Luzmo account through the Add menu's action and fills it in.
QString addLuzmo(SettingsDialog *dialog, const QString &name, const QString &token)
{
    QAction *add = dialog->findChild<QAction *>(u"add_luzmo"_s);
    if (!add)
        return {};
    add->trigger();
    AccountEditor *e = dialog->editor();
    typeInto(e->nameEdit(), name);
    typeInto(e->urlEdit(), u"https://api.eu.example.com"_s);
    typeInto(e->keyEdit(), u"key-1234"_s);
    typeInto(e->secretEdit(), token);
    return dialog->currentAccountId();
}
// Removing an account asks first (tst_accountremoval checks the question): answers Remove.
void confirmNextRemoval()
{
    answerDialog<QMessageBox>([](QMessageBox *box) {
        if (auto *remove = box->findChild<QPushButton *>(u"confirmRemoveAccount"_s))
            remove->click();
    });
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenIsNeverWrittenToDisk();
    void urlIsValidated_data();
    void urlIsValidated();
    void localCannotBeRemoved();
    void removingTheDefaultFallsBackToLocal();
    void restartWithoutKeychainAsksForToken();
    void localUsesTheLocalBackend();
    void conversationsFollowTheirAccount();
    void proxyIsValidated();
    void screenshot();
};

void TestSettingsDialog::tokenIsNeverWrittenToDisk()
{
    WindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    QAction *action = window->findChild<QAction *>(u"actionSettings"_s);
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QString note;
    QString id;
    answerDialog<SettingsDialog>([&](SettingsDialog *dialog) {
        // The fixture's controller has no keychain: the dialog says where secrets stay.
        note = dialog->keychainNote()->text();
        QCOMPARE(dialog->accountList()->count(), 1);
        id = addLuzmo(dialog, u"Luzmo EU"_s, secretToken);
        QCOMPARE(dialog->editor()->secretEdit()->echoMode(), QLineEdit::Password);
        dialog->editor()->agentBox()->setCurrentIndex(
            dialog->editor()->agentBox()->findData(u"item"_s));
        dialog->editor()->taskBox()->setCurrentIndex(
            dialog->editor()->taskBox()->findData(u"suggest"_s));
        dialog->defaultBox()->setCurrentIndex(dialog->defaultBox()->findData(id));
        dialog->streamBox()->setChecked(false);
        QVERIFY(dialog->okButton()->isEnabled());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QCOMPARE(
        note, u"No keychain is available: the secret is kept in memory until Chartroom quits."_s);
    QVERIFY(!id.isEmpty());

    // In memory and in the session: the token; on disk: everything else.
    const Account *account = f.backends.settings().find(id);
    QVERIFY(account);
    QCOMPARE(account->secret, secretToken);
    QCOMPARE(account->agent, u"item"_s);
    QCOMPARE(account->task, u"suggest"_s);
    QVERIFY(f.session.backend());
    QCOMPARE(f.session.backend()->id(), id);
    PromptRequest question;
    question.text = u"Revenue"_s;
    QVERIFY(f.session.backend()->validate(question).isEmpty());
    QVERIFY(window->statusBar()
                ->findChild<QLabel *>(u"backendLabel"_s)
                ->text()
                .contains(u"https://api.eu.example.com"_s));
    f.settings.sync();
    QFile ini(f.settingsFile());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    QVERIFY(bytes.contains("key-1234"));
    QVERIFY(bytes.contains("api.eu.example.com"));
    QVERIFY(bytes.contains(id.toUtf8()));
    QVERIFY(!bytes.contains(secretToken.toUtf8()));
    QVERIFY(!bytes.contains("tok-9f8e"));
    QVERIFY(!bytes.toLower().contains("token"));

    // Reopened in the same session, the dialog still has the token (from memory).
    QString shownToken;
    answerDialog<SettingsDialog>([&shownToken, id](SettingsDialog *dialog) {
        dialog->selectAccount(id);
        shownToken = dialog->editor()->secretEdit()->text();
        dialog->reject();
    });
    window->openSettings();
    QCOMPARE(shownToken, secretToken);
}

void TestSettingsDialog::urlIsValidated_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https") << u"https://api.luzmo.com"_s << true;
    QTest::newRow("http loopback with port") << u"http://127.0.0.1:8080"_s << true;
    QTest::newRow("surrounding spaces") << u"  https://api.us.luzmo.com/ "_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no scheme") << u"api.luzmo.com"_s << false;
    QTest::newRow("ftp") << u"ftp://api.luzmo.com"_s << false;
    QTest::newRow("no host") << u"https://"_s << false;
    QTest::newRow("query") << u"https://api.luzmo.com/?x=1"_s << false;
    QTest::newRow("spaces inside") << u"https://api luzmo.com"_s << false;
}

void TestSettingsDialog::urlIsValidated()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    SettingsDialog dialog;
    dialog.show();
    addLuzmo(&dialog, u"Luzmo"_s, secretToken);
    QVERIFY(dialog.okButton()->isEnabled());
    typeInto(dialog.editor()->urlEdit(), url);
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QCOMPARE(dialog.editor()->message()->isVisible(), !valid);
    QCOMPARE(dialog.problemLabel()->isVisible(), !valid);
    if (!valid)
        QVERIFY(!dialog.editor()->message()->text().isEmpty());
    // A missing key is refused in words too.
    typeInto(dialog.editor()->urlEdit(), u"https://api.luzmo.com"_s);
    dialog.editor()->keyEdit()->clear();
    QTest::keyClick(dialog.editor()->keyEdit(), Qt::Key_Space);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.editor()->message()->text().contains(u"API key"_s));
}

void TestSettingsDialog::localCannotBeRemoved()
{
    SettingsDialog dialog;
    dialog.show();
    dialog.accountList()->setCurrentRow(0);
    QCOMPARE(dialog.currentAccountId(), u"local"_s);
    QVERIFY(!dialog.removeButton()->isEnabled());
    QVERIFY(!dialog.editor()->urlEdit()->isVisible());
    QVERIFY(dialog.editor()->agentBox()->isVisible());
    const QString id = addLuzmo(&dialog, u"Other"_s, secretToken);
    QCOMPARE(dialog.accountList()->count(), 2);
    QVERIFY(dialog.removeButton()->isEnabled());
    confirmNextRemoval();
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    QCOMPARE(dialog.accountList()->count(), 1);
    QVERIFY(!dialog.settings().find(id));
}

void TestSettingsDialog::removingTheDefaultFallsBackToLocal()
{
    WindowFixture f;
    AccountSettings s = f.backends.settings();
    Account a = Account::create(Account::Kind::Workflow);
    a.baseUrl = u"http://127.0.0.1:1"_s;
    a.secret = secretToken;
    QVERIFY(!s.add(a));
    QVERIFY(!s.setDefault(a.id));
    f.backends.apply(s);
    QCOMPARE(f.session.backend()->id(), a.id);
    SettingsDialog dialog;
    dialog.setSettings(f.backends.settings());
    dialog.show();
    dialog.selectAccount(a.id);
    confirmNextRemoval();
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    QCOMPARE(dialog.defaultBox()->currentData().toString(), u"local"_s);
    f.backends.apply(dialog.settings());
    QCOMPARE(f.backends.settings().defaultId, u"local"_s);
    QCOMPARE(f.backends.backendFor(a.id), nullptr);
    QVERIFY(!f.backends.secrets().cached(a.id)); // its secret went with it
}

void TestSettingsDialog::restartWithoutKeychainAsksForToken()
{
    WindowFixture f;
    // The single-backend settings of older versions (a Luzmo backend, never its token).
    f.settings.setValue(u"backend/kind"_s, u"luzmo"_s);
    f.settings.setValue(u"luzmo/host"_s, u"https://api.luzmo.com"_s);
    f.settings.setValue(u"luzmo/apiVersion"_s, u"0.1.0"_s);
    f.settings.setValue(u"luzmo/key"_s, u"key-1234"_s);
    f.settings.setValue(u"chat/agent"_s, u"analyst"_s);
    f.settings.setValue(u"chat/task"_s, u"generate"_s);
    f.settings.setValue(u"chat/stream"_s, true);
    f.settings.sync();

    // As at start-up: migrated into a Luzmo account, without a token (none was ever saved).
    f.backends.restore();
    QTRY_VERIFY(!f.backends.secretsLoading());
    QVERIFY(f.session.backend());
    const AccountSettings s = f.backends.settings();
    QCOMPARE(s.accounts.size(), 2);
    QCOMPARE(f.session.backend()->id(), s.accounts.at(1).id);
    QCOMPARE(f.backends.backendFor(u"luzmo"_s), f.session.backend()); // older conversations
    QVERIFY(f.backends.description().contains(u"needs its api token"_s));
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->send(u"Revenue by month"_s);
    TranscriptModel *model = window->transcriptModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1).data(TranscriptModel::StatusRole).toString(), u"error"_s);
    QCOMPARE(model->index(1).data(TranscriptModel::ErrorRole).toString(),
        u"The Luzmo backend needs an API key and token (Settings)."_s);
}

void TestSettingsDialog::localUsesTheLocalBackend()
{
    WindowFixture f;
    f.backends.restore();
    QCOMPARE(f.session.backend(), nullptr); // not built yet: the session says so
    QVERIFY(!f.backends.hasLocalBackend());
    StubBackend stub;
    f.backends.setLocalBackend(&stub);
    QCOMPARE(f.session.backend(), &stub);
    AccountSettings s = f.backends.settings();
    Account luzmo = Account::create(Account::Kind::Luzmo);
    luzmo.keyId = u"k"_s;
    luzmo.secret = secretToken;
    QVERIFY(!s.add(luzmo));
    QVERIFY(!s.setDefault(luzmo.id));
    f.backends.apply(s);
    QVERIFY(f.session.backend() != &stub);
    QCOMPARE(f.backends.backendFor(u"local"_s), &stub);
    QVERIFY(!s.setDefault(Account::localId));
    f.backends.apply(s);
    QCOMPARE(f.session.backend(), &stub);
    f.backends.setLocalBackend(nullptr);
    QCOMPARE(f.session.backend(), nullptr);
}

void TestSettingsDialog::conversationsFollowTheirAccount()
{
    WindowFixture f;
    StubBackend stub;
    f.backends.setLocalBackend(&stub);
    AccountSettings s;
    Account luzmo = Account::create(Account::Kind::Luzmo);
    luzmo.keyId = u"k"_s;
    luzmo.secret = secretToken;
    Account looker = Account::create(Account::Kind::Looker);
    looker.baseUrl = u"https://example.looker.com"_s;
    looker.keyId = u"client"_s;
    looker.secret = secretToken;
    QVERIFY(!s.add(luzmo));
    QVERIFY(!s.add(looker));
    QVERIFY(!s.setDefault(looker.id));
    f.backends.apply(s);
    QCOMPARE(f.session.backend()->id(), looker.id);
    QCOMPARE(f.backends.backendFor(luzmo.id)->id(), luzmo.id);
    QCOMPARE(f.backends.backendFor(u"local"_s), &stub);
    QVERIFY(f.backends.clientFor(luzmo.id));
    QCOMPARE(f.backends.clientFor(looker.id), nullptr);
    QCOMPARE(f.backends.backendFor(u"removed-account"_s), nullptr);
}

void TestSettingsDialog::proxyIsValidated()
{
    SettingsDialog dialog;
    dialog.show();
    NetworkPage *page = dialog.networkPage();
    QVERIFY(page->systemButton()->isChecked());
    page->manualButton()->setChecked(true);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().startsWith(u"Network: "_s));
    typeInto(page->hostEdit(), u"proxy.example.com"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!page->passwordEdit()->isEnabled());
    typeInto(page->userEdit(), u"me"_s);
    typeInto(page->passwordEdit(), u"pw"_s);
    QCOMPARE(page->passwordEdit()->echoMode(), QLineEdit::Password);
    const ProxySettings p = dialog.settings().proxy;
    QCOMPARE(p.mode, ProxySettings::Mode::Manual);
    QCOMPARE(p.host, u"proxy.example.com"_s);
    QCOMPARE(p.password, u"pw"_s);
}

void TestSettingsDialog::screenshot()
{
    SettingsDialog dialog;
    dialog.setLocalAvailable(true);
    dialog.setKeychainAvailable(true);
    AccountSettings s;
    Account luzmo = Account::create(Account::Kind::Luzmo);
    luzmo.name = u"Luzmo EU"_s;
    luzmo.baseUrl = u"https://api.eu.luzmo.com"_s;
    luzmo.keyId = u"6b1f0c2e-4c9d-4a57-9a11-2f3d5e7c8b90"_s;
    luzmo.secret = secretToken;
    luzmo.agent = u"item"_s;
    Account workflow = Account::create(Account::Kind::Workflow);
    workflow.name = u"Workflows (staging)"_s;
    workflow.baseUrl = u"https://workflows.staging.example.com"_s;
    Account looker = Account::create(Account::Kind::Looker);
    looker.baseUrl = u"https://acme.looker.com"_s;
    looker.keyId = u"client-7"_s;
    for (const Account &a : { luzmo, workflow, looker })
        QVERIFY(!s.add(a));
    QVERIFY(!s.setDefault(luzmo.id));
    dialog.setSettings(s);
    dialog.selectAccount(luzmo.id);
    QVERIFY(showAndActivate(&dialog));
    QTest::qWait(50);
    // What the shot shows: the Luzmo account open in the editor, nothing to fix.
    QCOMPARE(dialog.accountList()->currentItem()->text().contains(u"Luzmo EU"_s), true);
    QCOMPARE(dialog.editor()->nameEdit()->text(), u"Luzmo EU"_s);
    QCOMPARE(dialog.editor()->urlEdit()->text(), u"https://api.eu.luzmo.com"_s);
    QVERIFY(dialog.editor()->isVisible());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.grab().save(screenshotPath(u"accounts.png"_s)));
    dialog.setKeychainAvailable(false);
    dialog.selectAccount(looker.id);
    dialog.editor()->urlEdit()->setText(u"acme.looker.com"_s);
    QTest::keyClick(dialog.editor()->urlEdit(), Qt::Key_End);
    QTest::qWait(50);
    // The Looker account with a URL lacking its scheme: the problem is said, OK is off.
    QCOMPARE(dialog.editor()->urlEdit()->text(), u"acme.looker.com"_s);
    QVERIFY(dialog.problemLabel()->isVisible());
    QVERIFY(dialog.problemLabel()->text().contains(u"not a web address"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.grab().save(screenshotPath(u"accounts-invalid.png"_s)));
    dialog.tabs()->setCurrentIndex(1);
    dialog.networkPage()->manualButton()->setChecked(true);
    dialog.networkPage()->hostEdit()->setText(u"proxy.example.com"_s);
    QTest::qWait(50);
    // The network page with a manual proxy being typed.
    QVERIFY(dialog.networkPage()->isVisible());
    QVERIFY(dialog.networkPage()->hostEdit()->isEnabled());
    QCOMPARE(dialog.networkPage()->hostEdit()->text(), u"proxy.example.com"_s);
    QVERIFY(dialog.grab().save(screenshotPath(u"network.png"_s)));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
