// The keychain wrapper: a real round trip through a private Secret Service (run by
// run-with-keyring.sh), and the in-memory fallback when there is no D-Bus at all.
#include "app/accounts/secretstore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
SecretResult readNow(SecretStore &store, const QString &key)
{
    SecretResult out;
    bool done = false;
    QObject context;
    store.read(key, &context, [&](const SecretResult &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 20000))
        out.error = SecretError { SecretError::Code::Failed, u"timed out"_s };
    return out;
}

std::optional<SecretError> writeNow(SecretStore &store, const QString &key, const QString &value)
{
    std::optional<SecretError> out;
    bool done = false;
    QObject context;
    store.write(key, value, &context, [&](const std::optional<SecretError> &e) {
        out = e;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 20000))
        return SecretError { SecretError::Code::Failed, u"timed out"_s };
    return out;
}

// Why the keychain cases cannot run here, or nullptr. (QSKIP returns from the function that
// calls it, so each test function calls it itself.)
const char *keyringMissing()
{
    if (qEnvironmentVariable("CHARTROOM_KEYRING") == u"started")
        return nullptr;
    return "No Secret Service was started for this test: run it through run-with-keyring.sh "
           "(needs dbus-run-session and gnome-keyring-daemon).";
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void missingEntryIsEmpty();
    void noKeychainKeepsSecretsInMemory();
};

void TestSecretStore::roundTrip()
{
    if (const char *why = keyringMissing())
        QSKIP(why);
    const QString service = u"Chartroom-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString secret = u"tok-ÿ-round-trip-"_s + QUuid::createUuid().toString(QUuid::Id128);
    {
        SecretStore store(SecretStore::Mode::Keychain, service);
        const auto error = writeNow(store, key, secret);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(store.availability(), SecretStore::Availability::Available);
    }
    {
        // A new store (as after a restart) has no memory copy: this comes from the keychain.
        SecretStore store(SecretStore::Mode::Keychain, service);
        QVERIFY(!store.cached(key));
        const SecretResult r = readNow(store, key);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->message) : "");
        QCOMPARE(r.secret, secret);
        QVERIFY(!writeNow(store, key, QString())); // removes it
    }
    SecretStore store(SecretStore::Mode::Keychain, service);
    const SecretResult r = readNow(store, key);
    QVERIFY(!r.error);
    QVERIFY(r.secret.isEmpty());
}

void TestSecretStore::missingEntryIsEmpty()
{
    if (const char *why = keyringMissing())
        QSKIP(why);
    SecretStore store(SecretStore::Mode::Keychain, u"Chartroom-test-missing"_s);
    const SecretResult r = readNow(store, u"no-such-account"_s);
    QVERIFY(!r.error);
    QVERIFY(r.secret.isEmpty());
    QCOMPARE(store.availability(), SecretStore::Availability::Available);
}

void TestSecretStore::noKeychainKeepsSecretsInMemory()
{
    if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS") != u"unix:path=/nonexistent")
        QSKIP("Run with DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent (CTest does).");
    SecretStore store(SecretStore::Mode::Keychain, u"Chartroom-test-none"_s);
    QSignalSpy availability(&store, &SecretStore::availabilityChanged);
    const auto error = writeNow(store, u"acc"_s, u"in-memory-secret"_s);
    QVERIFY(error);
    QCOMPARE(error->code, SecretError::Code::Unavailable);
    QCOMPARE(error->message,
        u"No keychain is available: the secret is kept in memory until Chartroom quits."_s);
    QVERIFY(store.keychainUnavailable());
    QCOMPARE(availability.count(), 1);
    // Kept in memory for this run.
    const SecretResult r = readNow(store, u"acc"_s);
    QVERIFY(!r.error);
    QCOMPARE(r.secret, u"in-memory-secret"_s);
    // A fresh store (a restart) has nothing, and says the keychain is missing.
    SecretStore again(SecretStore::Mode::Keychain, u"Chartroom-test-none"_s);
    const SecretResult lost = readNow(again, u"acc"_s);
    QVERIFY(lost.secret.isEmpty());
    QVERIFY(lost.error);
    QCOMPARE(lost.error->code, SecretError::Code::Unavailable);
    QVERIFY(again.keychainUnavailable());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
