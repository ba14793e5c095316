// The backend registry with the real keychain (a private Secret Service started by
// run-with-keyring.sh): a Luzmo account's token written through Settings comes back after a
// restart, a question asked while it loads waits for it, and no file under the data or config
// directory ever holds it.
#include "app/accounts/secretstore.h"
#include "app/chat/answerstream.h"
#include "app/core/accountbackend.h"
#include "tests/ui/windowfixture.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
// Every file under `dir` that contains `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found << f.fileName();
    }
    return found;
}
// What a fresh store (no memory copy) reads from the keychain for `key`.
SecretResult readFresh(const QString &service, const QString &key)
{
    SecretStore store(SecretStore::Mode::Keychain, service);
    SecretResult out;
    bool done = false;
    QObject context;
    store.read(key, &context, [&](const SecretResult &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        out.error = SecretError { SecretError::Code::Failed, u"timed out"_s };
    return out;
}
} // namespace

class TestAccountKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenComesBackFromTheKeychain();
};

void TestAccountKeychain::tokenComesBackFromTheKeychain()
{
    if (qEnvironmentVariable("CHARTROOM_KEYRING") != u"started")
        QSKIP(
            "No Secret Service could be started (needs dbus-run-session and gnome-keyring-daemon: "
            "apt-get install dbus gnome-keyring libsecret-1-0); run through run-with-keyring.sh.");
    const QString service = u"Chartroom-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    const QString token = u"tok-"_s + QUuid::createUuid().toString(QUuid::Id128);
    WindowFixture f;
    QString id;
    {
        SecretStore secrets(SecretStore::Mode::Keychain, service);
        BackendRegistry controller(f.session, f.network, f.settings, &secrets);
        controller.restore();
        QTRY_VERIFY(!controller.secretsLoading());
        QVERIFY(controller.keychainAvailable());
        AccountSettings s = controller.settings();
        Account luzmo = Account::create(Account::Kind::Luzmo);
        luzmo.baseUrl
            = u"http://127.0.0.1:1"_s; // nothing listens: the question fails on the network
        luzmo.keyId = u"key-1234"_s;
        luzmo.secret = token;
        QVERIFY(!s.add(luzmo));
        QVERIFY(!s.setDefault(luzmo.id));
        id = luzmo.id;
        controller.apply(s);
        // Written to the keychain: a separate store (no memory copy) reads it.
        QTRY_COMPARE(readFresh(service, id).secret, token);
    }

    // Restart: a new store and controller. The secret is read asynchronously; a question asked
    // meanwhile waits for it and is then sent (here: refused by the network, not for a token).
    SecretStore secrets(SecretStore::Mode::Keychain, service);
    BackendRegistry controller(f.session, f.network, f.settings, &secrets);
    controller.restore();
    QVERIFY(controller.secretsLoading());
    QVERIFY(controller.description().contains(u"reading the api token from the keychain"_s));
    Backend *backend = controller.backendFor(id);
    QVERIFY(backend);
    QCOMPARE(f.session.backend(), backend);
    PromptRequest question;
    question.text = u"Revenue by month"_s;
    QCOMPARE(backend->validate(question), QString());
    QObject owner;
    AnswerStream *stream = backend->ask(question, &owner);
    QVERIFY(stream);
    QSignalSpy ended(stream, &AnswerStream::ended);
    QTRY_VERIFY(!controller.secretsLoading());
    QCOMPARE(controller.settings().find(id)->secret, token);
    QVERIFY(!controller.description().contains(u"needs"_s));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 15000);
    const auto error = ended.first().first().value<std::optional<ApiError>>();
    QVERIFY(error);
    QCOMPARE(error->code, ApiError::Code::Network);

    // No file under the data or the config directory holds the token.
    f.settings.sync();
    QVERIFY(filesContaining(f.settingsDir.path(), u"key-1234"_s.toUtf8()).size() == 1);
    QCOMPARE(filesContaining(f.settingsDir.path(), token.toUtf8()), QStringList());
    QCOMPARE(filesContaining(f.store.dir.path(), token.toUtf8()), QStringList());
    QCOMPARE(filesContaining(f.settingsDir.path(),
                 QByteArray(reinterpret_cast<const char *>(token.utf16()), token.size() * 2)),
        QStringList());

    // Removing the account removes its secret from the keychain.
    AccountSettings s = controller.settings();
    QVERIFY(!s.remove(id));
    controller.apply(s);
    QTRY_VERIFY(readFresh(service, id).secret.isEmpty());
}

QTEST_MAIN(TestAccountKeychain)
#include "tst_accountkeychain.moc"
