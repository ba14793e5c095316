// Settings…: the dialog, what is saved (never the token), and the backend it gives the session.
#include "backend.h"
#include "composer.h"
#include "settingsdialog.h"
#include "transcriptmodel.h"
#include "windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>

namespace {
const auto secretToken = u"tok-9f8e7d6c5b4a-very-secret"_qs;

// A stand-in for the built-in local server's backend.
class StubBackend : public Backend
{
public:
    QString id() const override { return u"local"_qs; }
    QString displayName() const override { return u"Local"_qs; }
    QString validate(const PromptRequest &) const override { return u"stub: not answering"_qs; }
    AnswerStream *ask(const PromptRequest &, QObject *) override { return nullptr; }
};
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenIsNeverWrittenToDisk();
    void hostIsValidated_data();
    void hostIsValidated();
    void analystOnlyGenerates();
    void restartWithoutTokenAsksForIt();
    void localUsesTheLocalBackend();
    void screenshot();
};

void TestSettingsDialog::tokenIsNeverWrittenToDisk()
{
    WindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    QAction *action = window->findChild<QAction *>(u"actionSettings"_qs);
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));

    bool sawNote = false;
    answerDialog<SettingsDialog>([&sawNote](SettingsDialog *dialog) {
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            sawNote = sawNote || label->text().contains(u"kept in memory until Chartroom quits"_qs);
        QCOMPARE(dialog->hostEdit()->text(), u"https://api.luzmo.com"_qs);
        QCOMPARE(dialog->versionEdit()->text(), u"0.1.0"_qs);
        QCOMPARE(dialog->tokenEdit()->echoMode(), QLineEdit::Password);
        QRadioButton *luzmo = dialog->luzmoButton();
        QTest::mouseClick(luzmo, Qt::LeftButton, {}, QPoint(8, luzmo->height() / 2));
        QVERIFY(luzmo->isChecked());
        dialog->hostEdit()->setText(u"https://api.eu.example.com"_qs);
        dialog->keyEdit()->setText(u"key-1234"_qs);
        dialog->tokenEdit()->setText(secretToken);
        dialog->agentBox()->setCurrentIndex(dialog->agentBox()->findData(u"item"_qs));
        dialog->taskBox()->setCurrentIndex(dialog->taskBox()->findData(u"suggest"_qs));
        dialog->streamBox()->setChecked(false);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QVERIFY(sawNote);

    // In memory and in the session: the token; on disk: everything else.
    QCOMPARE(f.backends.settings().token, secretToken);
    QVERIFY(f.session.backend());
    QCOMPARE(f.session.backend()->id(), u"luzmo"_qs);
    QVERIFY(window->statusBar()
                ->findChild<QLabel *>(u"backendLabel"_qs)
                ->text()
                .contains(u"https://api.eu.example.com"_qs));
    f.settings.sync();
    QFile ini(f.settingsFile());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    QVERIFY(bytes.contains("key-1234"));
    QVERIFY(bytes.contains("api.eu.example.com"));
    QVERIFY(!bytes.contains(secretToken.toUtf8()));
    QVERIFY(!bytes.contains("tok-9f8e"));
    QVERIFY(!bytes.toLower().contains("token"));
    const BackendSettings saved = BackendSettings::load(f.settings);
    QCOMPARE(saved.kind, BackendSettings::Kind::Luzmo);
    QCOMPARE(saved.agent, u"item"_qs);
    QCOMPARE(saved.task, u"suggest"_qs);
    QCOMPARE(saved.stream, false);
    QVERIFY(saved.token.isEmpty());

    // Reopened in the same session, the dialog still has the token (from memory).
    QString shownToken;
    answerDialog<SettingsDialog>([&shownToken](SettingsDialog *dialog) {
        shownToken = dialog->tokenEdit()->text();
        dialog->reject();
    });
    window->openSettings();
    QCOMPARE(shownToken, secretToken);
}

void TestSettingsDialog::hostIsValidated_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https") << u"https://api.luzmo.com"_qs << true;
    QTest::newRow("http loopback with port") << u"http://127.0.0.1:8080"_qs << true;
    QTest::newRow("surrounding spaces") << u"  https://api.us.luzmo.com/ "_qs << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no scheme") << u"api.luzmo.com"_qs << false;
    QTest::newRow("ftp") << u"ftp://api.luzmo.com"_qs << false;
    QTest::newRow("no host") << u"https://"_qs << false;
    QTest::newRow("query") << u"https://api.luzmo.com/?x=1"_qs << false;
    QTest::newRow("spaces inside") << u"https://api luzmo.com"_qs << false;
}

void TestSettingsDialog::hostIsValidated()
{
    QFETCH(QString, host);
    QFETCH(bool, valid);
    QCOMPARE(BackendSettings::hostProblem(host).isEmpty(), valid);
    SettingsDialog dialog;
    dialog.show();
    dialog.luzmoButton()->setChecked(true);
    dialog.hostEdit()->clear();
    QTest::keyClicks(dialog.hostEdit(), host);
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QCOMPARE(dialog.hostMessage()->isVisible(), !valid);
    if (!valid)
        QVERIFY(!dialog.hostMessage()->text().isEmpty());
    // The address only matters for Luzmo.
    dialog.localButton()->setChecked(true);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.hostMessage()->isVisible());
}

void TestSettingsDialog::analystOnlyGenerates()
{
    SettingsDialog dialog;
    dialog.agentBox()->setCurrentIndex(dialog.agentBox()->findData(u"item"_qs));
    dialog.taskBox()->setCurrentIndex(dialog.taskBox()->findData(u"describe"_qs));
    QVERIFY(dialog.taskBox()->isEnabled());
    QCOMPARE(dialog.settings().task, u"describe"_qs);
    dialog.agentBox()->setCurrentIndex(dialog.agentBox()->findData(u"analyst"_qs));
    QVERIFY(!dialog.taskBox()->isEnabled());
    QCOMPARE(dialog.settings().agent, u"analyst"_qs);
    QCOMPARE(dialog.settings().task, u"generate"_qs);
}

void TestSettingsDialog::restartWithoutTokenAsksForIt()
{
    WindowFixture f;
    BackendSettings luzmo;
    luzmo.kind = BackendSettings::Kind::Luzmo;
    luzmo.key = u"key-1234"_qs;
    luzmo.token = secretToken;
    luzmo.save(f.settings);

    // As at start-up: the saved choice, without a token.
    f.backends.restore();
    QVERIFY(f.session.backend());
    QCOMPARE(f.session.backend()->id(), u"luzmo"_qs);
    QVERIFY(f.backends.settings().token.isEmpty());
    QVERIFY(f.backends.description().contains(u"needs an API key and token"_qs));
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->composer()->setText(u"Revenue by month"_qs);
    window->send(window->composer()->text());
    TranscriptModel *model = window->transcriptModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1).data(TranscriptModel::StatusRole).toString(), u"error"_qs);
    QCOMPARE(model->index(1).data(TranscriptModel::ErrorRole).toString(),
        u"The Luzmo backend needs an API key and token (Settings)."_qs);
}

void TestSettingsDialog::localUsesTheLocalBackend()
{
    WindowFixture f;
    BackendSettings local;
    local.kind = BackendSettings::Kind::Local;
    f.backends.apply(local);
    QCOMPARE(f.session.backend(), nullptr); // not built yet: the session says so
    QVERIFY(!f.backends.hasLocalBackend());
    StubBackend stub;
    f.backends.setLocalBackend(&stub);
    QCOMPARE(f.session.backend(), &stub);
    BackendSettings luzmo = local;
    luzmo.kind = BackendSettings::Kind::Luzmo;
    f.backends.apply(luzmo);
    QVERIFY(f.session.backend() != &stub);
    f.backends.apply(local);
    QCOMPARE(f.session.backend(), &stub);
    f.backends.setLocalBackend(nullptr);
    QCOMPARE(f.session.backend(), nullptr);
}

void TestSettingsDialog::screenshot()
{
    SettingsDialog dialog;
    BackendSettings s;
    s.kind = BackendSettings::Kind::Luzmo;
    s.key = u"6b1f0c2e-4c9d-4a57-9a11-2f3d5e7c8b90"_qs;
    s.token = secretToken;
    s.agent = u"item"_qs;
    dialog.setSettings(s);
    QVERIFY(showAndActivate(&dialog));
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(screenshotPath(u"settings.png"_qs)));
    dialog.hostEdit()->setText(u"api.luzmo.com"_qs);
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(screenshotPath(u"settings-invalid-host.png"_qs)));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
