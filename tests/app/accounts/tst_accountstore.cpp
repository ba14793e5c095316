// Accounts in QSettings: add/edit/remove, the default, Local always there, the migration from
// the single-backend settings, no secret ever in the file; the proxy factory.
#include "accountstore.h"
#include "proxyfactory.h"

#include <QFile>
#include <QNetworkProxyQuery>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {
const auto secret = u"s3cr3t-7c1d9e-never-on-disk"_qs;

Account luzmo(const QString &name = u"Luzmo EU"_qs)
{
    Account a = Account::create(Account::Kind::Luzmo);
    a.name = name;
    a.baseUrl = u"https://api.eu.luzmo.com"_qs;
    a.keyId = u"key-1234"_qs;
    a.secret = secret;
    a.transport = LuzmoConfig::Transport::SocketIo;
    a.agent = u"item"_qs;
    a.task = u"suggest"_qs;
    return a;
}

Account workflow()
{
    Account a = Account::create(Account::Kind::Workflow);
    a.baseUrl = u"http://127.0.0.1:9000"_qs;
    a.secret = secret + u"-wf"_qs;
    return a;
}

Account looker()
{
    Account a = Account::create(Account::Kind::Looker);
    a.baseUrl = u"https://example.looker.com"_qs;
    a.keyId = u"client-id-1"_qs;
    a.secret = secret + u"-lk"_qs;
    a.agent = u"agent-7"_qs;
    return a;
}
} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void operations_data();
    void operations();
    void roundTripWithoutSecrets();
    void migratesTheSingleBackend();
    void freshSettingsHaveOnlyLocal();
    void proxySettingsRoundTrip();
    void proxyFactory_data();
    void proxyFactory();
};

void TestAccountStore::operations_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("error"); // -1: none, else AccountError::Code
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("defaultName");
    using C = AccountError::Code;
    QTest::newRow("add") << u"add"_qs << -1 << 3 << u"Local (built in)"_qs;
    QTest::newRow("add duplicate id")
        << u"addDuplicate"_qs << int(C::DuplicateId) << 2 << u"Local (built in)"_qs;
    QTest::newRow("add invalid address")
        << u"addInvalid"_qs << int(C::Invalid) << 2 << u"Local (built in)"_qs;
    QTest::newRow("add second local")
        << u"addLocal"_qs << int(C::Invalid) << 2 << u"Local (built in)"_qs;
    QTest::newRow("edit") << u"edit"_qs << -1 << 2 << u"Local (built in)"_qs;
    QTest::newRow("edit missing") << u"editMissing"_qs << int(C::NotFound) << 2
                                  << u"Local (built in)"_qs;
    QTest::newRow("edit local address")
        << u"editLocal"_qs << int(C::LocalNotEditable) << 2 << u"Local (built in)"_qs;
    QTest::newRow("set default") << u"default"_qs << -1 << 2 << u"Luzmo EU"_qs;
    QTest::newRow("remove default") << u"removeDefault"_qs << -1 << 1 << u"Local (built in)"_qs;
    QTest::newRow("remove local") << u"removeLocal"_qs << int(C::LocalNotRemovable) << 2
                                  << u"Local (built in)"_qs;
    QTest::newRow("remove missing")
        << u"removeMissing"_qs << int(C::NotFound) << 2 << u"Local (built in)"_qs;
}

void TestAccountStore::operations()
{
    QFETCH(QString, operation);
    QFETCH(int, error);
    QFETCH(int, count);
    QFETCH(QString, defaultName);

    AccountSettings s;
    const Account existing = luzmo();
    QVERIFY(!s.add(existing));
    std::optional<AccountError> result;
    if (operation == u"add") {
        result = s.add(workflow());
    } else if (operation == u"addDuplicate") {
        result = s.add(existing);
    } else if (operation == u"addInvalid") {
        Account bad = looker();
        bad.baseUrl = u"example.looker.com"_qs;
        result = s.add(bad);
    } else if (operation == u"addLocal") {
        Account local = Account::local();
        local.id = u"another"_qs;
        result = s.add(local);
    } else if (operation == u"edit") {
        Account edited = existing;
        edited.name = u"Renamed"_qs;
        result = s.update(edited);
        QCOMPARE(s.find(existing.id)->name, u"Renamed"_qs);
    } else if (operation == u"editMissing") {
        result = s.update(workflow());
    } else if (operation == u"editLocal") {
        Account local = Account::local();
        local.baseUrl = u"http://example.com"_qs;
        result = s.update(local);
    } else if (operation == u"default") {
        result = s.setDefault(existing.id);
    } else if (operation == u"removeDefault") {
        QVERIFY(!s.setDefault(existing.id));
        result = s.remove(existing.id);
    } else if (operation == u"removeLocal") {
        result = s.remove(Account::localId);
    } else if (operation == u"removeMissing") {
        result = s.remove(u"nope"_qs);
    }
    QCOMPARE(result ? int(result->code) : -1, error);
    if (result)
        QVERIFY(!result->message.isEmpty());
    QCOMPARE(s.accounts.size(), count);
    QCOMPARE(s.defaultAccount().name, defaultName);
    QVERIFY(s.find(Account::localId));
    QCOMPARE(s.accounts.first().id, Account::localId);
}

void TestAccountStore::roundTripWithoutSecrets()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"chartroom.ini"_qs);
    AccountSettings s;
    const Account a = luzmo(), w = workflow(), l = looker();
    QVERIFY(!s.add(a));
    QVERIFY(!s.add(w));
    QVERIFY(!s.add(l));
    QVERIFY(!s.setDefault(l.id));
    s.stream = false;
    s.proxy.mode = ProxySettings::Mode::Manual;
    s.proxy.host = u"proxy.example.com"_qs;
    s.proxy.user = u"me"_qs;
    s.proxy.password = secret + u"-proxy"_qs;
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(u"luzmo/token"_qs, secret); // as if something else had written it
        AccountStore::save(settings, s);
    }
    QFile ini(file);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    QVERIFY(bytes.contains("api.eu.luzmo.com"));
    QVERIFY(bytes.contains("client-id-1"));
    QVERIFY(!bytes.contains("s3cr3t"));
    QVERIFY(!bytes.toLower().contains("token"));
    QVERIFY(!bytes.toLower().contains("password"));
    QVERIFY(!bytes.toLower().contains("secret"));

    QSettings settings(file, QSettings::IniFormat);
    const AccountSettings loaded = AccountStore::load(settings);
    AccountSettings expected = s;
    for (Account &e : expected.accounts)
        e.secret.clear();
    expected.proxy.password.clear();
    QCOMPARE(loaded.accounts.size(), 4);
    for (qsizetype i = 0; i < expected.accounts.size(); ++i)
        QCOMPARE(loaded.accounts.at(i), expected.accounts.at(i));
    QCOMPARE(loaded.defaultId, l.id);
    QCOMPARE(loaded.stream, false);
    QCOMPARE(loaded.proxy, expected.proxy);
    QCOMPARE(loaded, expected);
}

void TestAccountStore::migratesTheSingleBackend()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"old.ini"_qs), QSettings::IniFormat);
    settings.setValue(u"backend/kind"_qs, u"luzmo"_qs);
    settings.setValue(u"luzmo/host"_qs, u"https://api.us.luzmo.com"_qs);
    settings.setValue(u"luzmo/apiVersion"_qs, u"0.2.0"_qs);
    settings.setValue(u"luzmo/key"_qs, u"key-old"_qs);
    settings.setValue(u"chat/agent"_qs, u"item"_qs);
    settings.setValue(u"chat/task"_qs, u"describe"_qs);
    settings.setValue(u"chat/stream"_qs, false);
    const AccountSettings s = AccountStore::load(settings);
    QCOMPARE(s.accounts.size(), 2);
    const Account &migrated = s.accounts.at(1);
    QCOMPARE(migrated.kind, Account::Kind::Luzmo);
    QCOMPARE(migrated.baseUrl, u"https://api.us.luzmo.com"_qs);
    QCOMPARE(migrated.apiVersion, u"0.2.0"_qs);
    QCOMPARE(migrated.keyId, u"key-old"_qs);
    QCOMPARE(migrated.task, u"describe"_qs);
    QVERIFY(!QUuid::fromString(migrated.id).isNull());
    QCOMPARE(s.defaultId, migrated.id);
    QCOMPARE(s.legacyLuzmoId, migrated.id);
    // Conversations stored before accounts say "luzmo".
    QCOMPARE(s.resolve(u"luzmo"_qs), s.find(migrated.id));
    QCOMPARE(s.stream, false);
    QVERIFY(!settings.contains(u"luzmo/key"_qs));
    QVERIFY(!settings.contains(u"backend/kind"_qs));
    // Loaded again: the same account, not a second one.
    QCOMPARE(AccountStore::load(settings), s);
}

void TestAccountStore::freshSettingsHaveOnlyLocal()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"new.ini"_qs), QSettings::IniFormat);
    const AccountSettings s = AccountStore::load(settings);
    QCOMPARE(s.accounts.size(), 1);
    QVERIFY(s.accounts.first().isLocal());
    QCOMPARE(s.defaultId, Account::localId);
    QVERIFY(s.legacyLuzmoId.isEmpty());
    QCOMPARE(s.resolve(u"luzmo"_qs), nullptr);
}

void TestAccountStore::proxySettingsRoundTrip()
{
    ProxySettings p;
    QVERIFY(p.problem().isEmpty());
    p.mode = ProxySettings::Mode::Manual;
    QVERIFY(!p.problem().isEmpty());
    p.host = u"http://proxy"_qs;
    QVERIFY(p.problem().contains(u"without http://"_qs));
    p.host = u"proxy.example.com"_qs;
    p.port = 0;
    QVERIFY(!p.problem().isEmpty());
    p.port = 1080;
    p.type = ProxySettings::Type::Socks5;
    QVERIFY(p.problem().isEmpty());
    QCOMPARE(p.proxy().type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(p.proxy().port(), 1080);
}

void TestAccountStore::proxyFactory_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("expectedType");
    const int manual = int(ProxySettings::Mode::Manual);
    const int none = int(ProxySettings::Mode::None);
    QTest::newRow("manual: loopback v4")
        << manual << u"http://127.0.0.1:4000/x"_qs << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: 127.1.2.3")
        << manual << u"http://127.1.2.3/"_qs << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: loopback v6")
        << manual << u"http://[::1]:4000/"_qs << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: localhost")
        << manual << u"ws://localhost:9/socket.io/"_qs << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: remote")
        << manual << u"https://api.luzmo.com/0.1.0/aiprompt"_qs << int(QNetworkProxy::HttpProxy);
    QTest::newRow("manual: lan address")
        << manual << u"http://10.0.0.5/"_qs << int(QNetworkProxy::HttpProxy);
    QTest::newRow("none: remote") << none << u"https://api.luzmo.com/"_qs
                                  << int(QNetworkProxy::NoProxy);
}

void TestAccountStore::proxyFactory()
{
    QFETCH(int, mode);
    QFETCH(QString, url);
    QFETCH(int, expectedType);
    ProxySettings p;
    p.mode = ProxySettings::Mode(mode);
    p.host = u"proxy.example.com"_qs;
    p.port = 3128;
    ProxyFactory factory(p);
    const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
    QVERIFY(!proxies.isEmpty());
    QCOMPARE(int(proxies.first().type()), expectedType);
    if (expectedType == QNetworkProxy::HttpProxy) {
        QCOMPARE(proxies.first().hostName(), u"proxy.example.com"_qs);
        QCOMPARE(proxies.first().port(), 3128);
    }
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
