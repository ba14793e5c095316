// Removing an account (issue 13.6): Settings asks first, naming the account and what happens to
// its conversations; a conversation of a removed account says so in words (never its raw id)
// and offers to move it to another account instead of a Retry that cannot succeed; after the
// move, asking in it starts a new remote conversation on the chosen account.
#include "models/transcriptmodel.h"
#include "tests/support/fakehttpserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/composer.h"
#include "ui/errorbanner.h"
#include "ui/moveconversationdialog.h"
#include "ui/settingsdialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
const auto movedWording
    = u"The account this conversation used was removed. Move it to another account to continue it."_s;

QByteArray recordedStream()
{
    QFile f(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Account luzmoAccount(const QString &name, const QString &baseUrl)
{
    Account a = Account::create(Account::Kind::Luzmo);
    a.name = name;
    a.baseUrl = baseUrl;
    a.keyId = u"key-id"_s;
    a.secret = u"token-secret"_s;
    a.agent = u"item"_s;
    return a;
}

qint64 addConversationOn(
    TempStore &store, const QString &title, const QString &backend, const QString &remoteId)
{
    auto c = store.repository->createConversation(title, backend, remoteId);
    if (!c)
        return 0;
    Message question;
    question.conversationId = c->id;
    question.role = MessageRole::User;
    question.text = u"Revenue by month"_s;
    store.repository->addMessage(question);
    Message answer;
    answer.conversationId = c->id;
    answer.role = MessageRole::Assistant;
    answer.text = u"Here is revenue by month."_s;
    store.repository->addMessage(answer);
    return c->id;
}

// What the store holds for a conversation, read with plain SQL.
std::pair<QString, QVariant> storedBackend(TempStore &store, qint64 id)
{
    QSqlQuery q(store.database.connection());
    q.prepare(u"SELECT backend, remote_id FROM conversations WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    return { q.value(0).toString(), q.value(1) };
}

int storedMessages(TempStore &store, qint64 id)
{
    QSqlQuery q(store.database.connection());
    q.prepare(u"SELECT count(*) FROM messages WHERE conversation_id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

// Clicks Remove in the open Settings dialog and answers the confirmation with the button named
// `button` ("confirmRemoveAccount" or Cancel); returns the question's text.
QString removeAnswering(SettingsDialog *dialog, bool confirm)
{
    QString text;
    answerDialog<QMessageBox>(
        [confirm](QMessageBox *box) {
            QAbstractButton *b = confirm
                ? box->findChild<QAbstractButton *>(u"confirmRemoveAccount"_s)
                : box->button(QMessageBox::Cancel);
            if (b)
                QTest::mouseClick(b, Qt::LeftButton);
            else
                box->reject();
        },
        &text);
    QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
    return text;
}
} // namespace

class TestAccountRemoval : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void removingAsksFirst();
    void removedAccountConversationMoves();
};

void TestAccountRemoval::removingAsksFirst()
{
    WindowFixture f;
    AccountSettings s = f.backends.settings();
    const Account old = luzmoAccount(u"Old Luzmo"_s, u"https://api.eu.example.com"_s);
    QVERIFY(!s.add(old));
    f.backends.apply(s);
    for (int i = 1; i <= 3; ++i)
        QVERIFY(addConversationOn(f.store, u"Old %1"_s.arg(i), old.id, u"remote-%1"_s.arg(i)));
    QVERIFY(addConversationOn(f.store, u"Local one"_s, u"local"_s, {}));
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));

    QString cancelled, confirmed;
    bool keptAfterCancel = false, goneAfterConfirm = false;
    answerDialog<SettingsDialog>([&](SettingsDialog *dialog) {
        dialog->selectAccount(old.id);
        cancelled = removeAnswering(dialog, false);
        keptAfterCancel = dialog->settings().find(old.id) && dialog->accountList()->count() == 2;
        confirmed = removeAnswering(dialog, true);
        goneAfterConfirm = !dialog->settings().find(old.id) && dialog->accountList()->count() == 1;
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    window->openSettings();

    QVERIFY2(cancelled.contains(u"“Old Luzmo”"_s), qPrintable(cancelled));
    QVERIFY2(cancelled.contains(u"Its 3 conversations stay in your history and can be read "
                                "offline; to continue them, move them to another account."_s),
        qPrintable(cancelled));
    QVERIFY2(!cancelled.contains(old.id), qPrintable(cancelled));
    QCOMPARE(confirmed, cancelled);
    QVERIFY(keptAfterCancel);
    QVERIFY(goneAfterConfirm);
    QVERIFY(!f.backends.settings().find(old.id));
    // Its conversations are still in the store, on the same (now removed) account.
    QSqlQuery q(f.store.database.connection());
    QVERIFY(q.exec(
        u"SELECT count(*) FROM conversations WHERE backend = '%1' AND deleted = 0"_s.arg(old.id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3);
}

void TestAccountRemoval::removedAccountConversationMoves()
{
    WindowFixture f;
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray stream = recordedStream();
    QVERIFY(!stream.isEmpty());
    server.setHandler(
        [&stream](const FakeHttpServer::Request &) { return FakeHttpServer::sse({ stream }); });
    AccountSettings s = f.backends.settings();
    s.accounts.first().agent = u"item"_s;
    const Account old = luzmoAccount(u"Old Luzmo"_s, u"http://127.0.0.1:1"_s);
    const Account eu = luzmoAccount(u"Luzmo EU"_s, QString::fromLatin1(server.baseUrl()));
    QVERIFY(!s.add(old));
    const Account us = luzmoAccount(u"Luzmo US"_s, u"https://api.us.example.com"_s);
    QVERIFY(!s.add(eu));
    QVERIFY(!s.add(us));
    f.backends.apply(s);
    const qint64 id = addConversationOn(f.store, u"Revenue"_s, old.id, u"remote-old-1"_s);
    QVERIFY(id);
    auto window = f.makeWindow();
    window->resize(1100, 720);
    QVERIFY(showAndActivate(window.get()));

    // Remove the account through Settings.
    answerDialog<SettingsDialog>([&](SettingsDialog *dialog) {
        dialog->selectAccount(old.id);
        removeAnswering(dialog, true);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    window->openSettings();
    QVERIFY(!f.backends.settings().find(old.id));

    window->openConversation(id);
    ErrorBanner *banner = window->errorBanner();
    QCOMPARE(banner->message(), movedWording);
    QPushButton *move = banner->findChild<QPushButton *>(u"errorBannerAction"_s);
    QVERIFY(move && move->isVisible());
    QCOMPARE(move->text(), u"Move to another account…"_s);

    // Asking anyway: nothing is stored or sent, the words stay, no raw id, no failed answer
    // with a Retry.
    QTest::keyClicks(window->composer()->editor(), u"And by quarter?"_s);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QCOMPARE(storedMessages(f.store, id), 2);
    QVERIFY2(banner->message().contains(movedWording), qPrintable(banner->message()));
    QVERIFY(!banner->message().contains(old.id));
    QVERIFY(move->isVisible());
    TranscriptModel *model = window->transcriptModel();
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row).data(TranscriptModel::StatusRole).toString() != u"error"_s);

    // Move: the remaining accounts that can answer are listed by name (Local is not: its server
    // is not running here); the chosen one takes the conversation.
    QStringList listed;
    answerDialog<MoveConversationDialog>([&](MoveConversationDialog *dialog) {
        for (int row = 0; row < dialog->accountList()->count(); ++row)
            listed << dialog->accountList()->item(row)->text();
        const auto found = dialog->accountList()->findItems(u"Luzmo EU"_s, Qt::MatchExactly);
        if (!found.isEmpty()) {
            QListWidgetItem *item = found.first();
            QTest::mouseClick(dialog->accountList()->viewport(), Qt::LeftButton, {},
                dialog->accountList()->visualItemRect(item).center());
        }
        QTest::mouseClick(dialog->moveButton(), Qt::LeftButton);
    });
    QTest::mouseClick(move, Qt::LeftButton);
    QCOMPARE(listed, QStringList({ u"Luzmo EU"_s, u"Luzmo US"_s }));
    const auto [backend, remoteId] = storedBackend(f.store, id);
    QCOMPARE(backend, eu.id);
    QVERIFY(remoteId.isNull());
    QVERIFY(banner->message().isEmpty());
    const QString label = window->findChild<QLabel *>(u"backendLabel"_s)->text();
    QVERIFY2(label.contains(u"Luzmo EU"_s), qPrintable(label));

    // Asking now works, on the chosen account, as a new remote conversation.
    QSignalSpy finished(&f.session, &ChatSession::answerFinished);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(!server.requests().first().body.contains("remote-old-1"));
    QCOMPARE(storedMessages(f.store, id), 4);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->index(3).data(TranscriptModel::StatusRole).toString(), u"complete"_s);
    QCOMPARE(storedBackend(f.store, id).first, eu.id);
    QVERIFY(!storedBackend(f.store, id).second.toString().isEmpty());
}

QTEST_MAIN(TestAccountRemoval)
#include "tst_accountremoval.moc"
