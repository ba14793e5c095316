// Accounts in QSettings: add/edit/remove, the default, Local always there, the migration from
// the single-backend settings, no secret ever in the file; the proxy factory.
#include "app/accounts/accountstore.h"
#include "app/accounts/proxyfactory.h"

#include <QFile>
#include <QNetworkProxyQuery>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const auto secret = u"s3cr3t-7c1d9e-never-on-disk"_s;

Account luzmo(const QString &name = u"Luzmo EU"_s)
{
    Account a = Account::create(Account::Kind::Luzmo);
    a.name = name;
    a.baseUrl = u"https://api.eu.luzmo.com"_s;
    a.keyId = u"key-1234"_s;
    a.secret = secret;
    a.transport = LuzmoConfig::Transport::SocketIo;
    a.agent = u"item"_s;
    a.task = u"suggest"_s;
    return a;
}

Account workflow()
{
    Account a = Account::create(Account::Kind::Workflow);
    a.baseUrl = u"http://127.0.0.1:9000"_s;
    a.secret = secret + u"-wf"_s;
    return a;
}

Account looker()
{
    Account a = Account::create(Account::Kind::Looker);
    a.baseUrl = u"https://example.looker.com"_s;
    a.keyId = u"client-id-1"_s;
    a.secret = secret + u"-lk"_s;
    a.agent = u"agent-7"_s;
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
    QTest::newRow("add") << u"add"_s << -1 << 3 << u"Local (built in)"_s;
    QTest::newRow("add duplicate id")
        << u"addDuplicate"_s << int(C::DuplicateId) << 2 << u"Local (built in)"_s;
    QTest::newRow("add invalid address")
        << u"addInvalid"_s << int(C::Invalid) << 2 << u"Local (built in)"_s;
    QTest::newRow("add second local")
        << u"addLocal"_s << int(C::Invalid) << 2 << u"Local (built in)"_s;
    QTest::newRow("edit") << u"edit"_s << -1 << 2 << u"Local (built in)"_s;
    QTest::newRow("edit missing") << u"editMissing"_s << int(C::NotFound) << 2
                                  << u"Local (built in)"_s;
    QTest::newRow("edit local address")
        << u"editLocal"_s << int(C::LocalNotEditable) << 2 << u"Local (built in)"_s;
    QTest::newRow("set default") << u"default"_s << -1 << 2 << u"Luzmo EU"_s;
    QTest::newRow("remove default") << u"removeDefault"_s << -1 << 1 << u"Local (built in)"_s;
    QTest::newRow("remove local") << u"removeLocal"_s << int(C::LocalNotRemovable) << 2
                                  << u"Local (built in)"_s;
    QTest::newRow("remove missing")
        << u"removeMissing"_s << int(C::NotFound) << 2 << u"Local (built in)"_s;
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
        bad.baseUrl = u"example.looker.com"_s;
        result = s.add(bad);
    } else if (operation == u"addLocal") {
        Account local = Account::local();
        local.id = u"another"_s;
        result = s.add(local);
    } else if (operation == u"edit") {
        Account edited = existing;
        edited.name = u"Renamed"_s;
        result = s.update(edited);
        QCOMPARE(s.find(existing.id)->name, u"Renamed"_s);
    } else if (operation == u"editMissing") {
        result = s.update(workflow());
    } else if (operation == u"editLocal") {
        Account local = Account::local();
        local.baseUrl = u"http://example.com"_s;
        result = s.update(local);
    } else if (operation == u"default") {
        result = s.setDefault(existing.id);
    } else if (operation == u"removeDefault") {
        QVERIFY(!s.setDefault(existing.id));
        result = s.remove(existing.id);
    } else if (operation == u"removeLocal") {
        result = s.remove(Account::localId);
    } else if (operation == u"removeMissing") {
        result = s.remove(u"nope"_s);
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
    const QString file = dir.filePath(u"chartroom.ini"_s);
    AccountSettings s;
    const Account a = luzmo(), w = workflow(), l = looker();
    QVERIFY(!s.add(a));
    QVERIFY(!s.add(w));
    QVERIFY(!s.add(l));
    QVERIFY(!s.setDefault(l.id));
    s.stream = false;
    s.proxy.mode = ProxySettings::Mode::Manual;
    s.proxy.host = u"proxy.example.com"_s;
    s.proxy.user = u"me"_s;
    s.proxy.password = secret + u"-proxy"_s;
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(u"luzmo/token"_s, secret); // as if something else had written it
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
    QSettings settings(dir.filePath(u"old.ini"_s), QSettings::IniFormat);
    settings.setValue(u"backend/kind"_s, u"luzmo"_s);
    settings.setValue(u"luzmo/host"_s, u"https://api.us.luzmo.com"_s);
    settings.setValue(u"luzmo/apiVersion"_s, u"0.2.0"_s);
    settings.setValue(u"luzmo/key"_s, u"key-old"_s);
    settings.setValue(u"chat/agent"_s, u"item"_s);
    settings.setValue(u"chat/task"_s, u"describe"_s);
    settings.setValue(u"chat/stream"_s, false);
    const AccountSettings s = AccountStore::load(settings);
    QCOMPARE(s.accounts.size(), 2);
    const Account &migrated = s.accounts.at(1);
    QCOMPARE(migrated.kind, Account::Kind::Luzmo);
    QCOMPARE(migrated.baseUrl, u"https://api.us.luzmo.com"_s);
    QCOMPARE(migrated.apiVersion, u"0.2.0"_s);
    QCOMPARE(migrated.keyId, u"key-old"_s);
    QCOMPARE(migrated.task, u"describe"_s);
    QVERIFY(!QUuid::fromString(migrated.id).isNull());
    QCOMPARE(s.defaultId, migrated.id);
    QCOMPARE(s.legacyLuzmoId, migrated.id);
    // Conversations stored before accounts say "luzmo".
    QCOMPARE(s.resolve(u"luzmo"_s), s.find(migrated.id));
    QCOMPARE(s.stream, false);
    QVERIFY(!settings.contains(u"luzmo/key"_s));
    QVERIFY(!settings.contains(u"backend/kind"_s));
    // Loaded again: the same account, not a second one.
    QCOMPARE(AccountStore::load(settings), s);
}

void TestAccountStore::freshSettingsHaveOnlyLocal()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"new.ini"_s), QSettings::IniFormat);
    const AccountSettings s = AccountStore::load(settings);
    QCOMPARE(s.accounts.size(), 1);
    QVERIFY(s.accounts.first().isLocal());
    QCOMPARE(s.defaultId, Account::localId);
    QVERIFY(s.legacyLuzmoId.isEmpty());
    QCOMPARE(s.resolve(u"luzmo"_s), nullptr);
}

void TestAccountStore::proxySettingsRoundTrip()
{
    ProxySettings p;
    QVERIFY(p.problem().isEmpty());
    p.mode = ProxySettings::Mode::Manual;
    QVERIFY(!p.problem().isEmpty());
    p.host = u"http://proxy"_s;
    QVERIFY(p.problem().contains(u"without http://"_s));
    p.host = u"proxy.example.com"_s;
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
        << manual << u"http://127.0.0.1:4000/x"_s << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: 127.1.2.3")
        << manual << u"http://127.1.2.3/"_s << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: loopback v6")
        << manual << u"http://[::1]:4000/"_s << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: localhost")
        << manual << u"ws://localhost:9/socket.io/"_s << int(QNetworkProxy::NoProxy);
    QTest::newRow("manual: remote")
        << manual << u"https://api.luzmo.com/0.1.0/aiprompt"_s << int(QNetworkProxy::HttpProxy);
    QTest::newRow("manual: lan address")
        << manual << u"http://10.0.0.5/"_s << int(QNetworkProxy::HttpProxy);
    QTest::newRow("none: remote") << none << u"https://api.luzmo.com/"_s
                                  << int(QNetworkProxy::NoProxy);
}

void TestAccountStore::proxyFactory()
{
    QFETCH(int, mode);
    QFETCH(QString, url);
    QFETCH(int, expectedType);
    ProxySettings p;
    p.mode = ProxySettings::Mode(mode);
    p.host = u"proxy.example.com"_s;
    p.port = 3128;
    ProxyFactory factory(p);
    const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
    QVERIFY(!proxies.isEmpty());
    QCOMPARE(int(proxies.first().type()), expectedType);
    if (expectedType == QNetworkProxy::HttpProxy) {
        QCOMPARE(proxies.first().hostName(), u"proxy.example.com"_s);
        QCOMPARE(proxies.first().port(), 3128);
    }
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
