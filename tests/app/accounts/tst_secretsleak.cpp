// No secret on disk (issue 15.5): the app's parts as the GUI wires them (store, chat session,
// backend registry with the keychain, the built-in server) with an account of every kind, each
// with a secret made for this run: Luzmo (API key and token, against a second built-in server on
// loopback), workflow chat (B3OS, Bearer token, FakeWorkflowServer) and Looker (client id and
// secret, FakeLookerServer). Each account answers a question, the Luzmo and Looker histories are
// synced, everything is torn down as at quit; then every file below HOME, the XDG folders, the
// data folder, TMPDIR and the log this test writes (every Qt message) is read as raw bytes,
// SQLite files with their -wal and -shm included, and no secret may appear in it, as UTF-8,
// UTF-16 or base64. Run twice by CTest: with a private Secret Service (run-with-keyring.sh), and
// with no D-Bus at all (secrets in memory only).
#include "app/accounts/secretstore.h"
#include "app/chat/backend.h"
#include "app/core/accountsync.h"
#include "app/core/backendregistry.h"
#include "app/core/chatsession.h"
#include "app/core/localbackend.h"
#include "app/luzmo/luzmobackend.h"
#include "app/server/localserver.h"
#include "app/sync/syncsource.h"
#include "models/database.h"
#include "models/repository.h"
#include "tests/app/workflow/workflowscript.h"
#include "tests/support/fakelookerserver.h"
#include "tests/support/fakeworkflowserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
QString g_root; // every file the test and the code under test write is below it
QtMessageHandler g_previous = nullptr;
QMutex g_logLock;

QString logFile()
{
    return g_root + u"/logs/chartroom.log"_s;
}

// Every Qt message (warnings of the store, the network, the keychain...) into a log file, which
// is scanned with the rest; and on to the usual output.
void logMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_logLock);
        QFile log(logFile());
        if (log.open(QIODevice::Append))
            log.write(message.toUtf8() + '\n');
    }
    if (g_previous)
        g_previous(type, context, message);
}

QString randomSecret(const QString &what)
{
    return what + u'-' + QUuid::createUuid().toString(QUuid::Id128);
}

struct Secret
{
    QString name;
    QString value;
};

// The ways a secret can be written: as text, as UTF-16 text (QSettings' or SQLite's UTF-16
// strings), base64 (Basic auth, a serialized blob).
QList<QPair<QString, QByteArray>> forms(const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    return { { u"UTF-8"_s, utf8 },
        { u"UTF-16"_s,
            QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2) },
        { u"base64"_s, utf8.toBase64() },
        { u"base64url"_s,
            utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) } };
}

// Asks `question` with the session's backend in a new conversation; the answer's status.
QString ask(ChatSession &session, Repository &repository, const QString &question)
{
    QSignalSpy finished(&session, &ChatSession::answerFinished);
    const StoreResult<qint64> sent = session.send(0, question);
    if (!sent)
        return u"not sent: "_s + sent.error().message;
    if (!QTest::qWaitFor([&finished] { return finished.count() > 0; }, 30000))
        return u"no answer in 30 s"_s;
    const auto answer = repository.message(finished.first().first().toLongLong());
    if (!answer)
        return u"no answer stored"_s;
    return answer->status == MessageStatus::Complete ? u"complete"_s
                                                     : u"not complete: "_s + answer->errorDetail;
}
} // namespace

class TestSecretsLeak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noSecretInAnyFile();
};

void TestSecretsLeak::noSecretInAnyFile()
{
    const bool keyring = qEnvironmentVariable("CHARTROOM_KEYRING") == u"started";
    const QString dataDir = g_root + u"/share/Chartroom/chartroom"_s; // the default data folder
    const QString question = u"Show monthly revenue as a line chart"_s;

    // The "remote" systems. The second built-in server plays a Luzmo account; its folder is the
    // remote side's, not this app's, and is not scanned.
    QTemporaryDir remoteDir(g_root + u"/remote-XXXXXX"_s);
    LocalServer::Options remoteOptions;
    remoteOptions.dataDirectory = remoteDir.path();
    remoteOptions.key = randomSecret(u"luzmo-key"_s); // an API key id: not a secret
    remoteOptions.token = randomSecret(u"luzmo-token"_s);
    remoteOptions.streamDelayMs = 0;
    LocalServer luzmoServer(remoteOptions);
    QCOMPARE(luzmoServer.start(), QString());

    FakeWorkflowServer workflowServer;
    QVERIFY(workflowServer.listen());
    const QString workflowToken = randomSecret(u"workflow-token"_s);
    workflowServer.setToken(workflowToken);
    workflowServer.setEvents(WorkflowScript::script());

    FakeLookerServer lookerServer;
    QVERIFY(lookerServer.listen());
    const QString lookerClientId = randomSecret(u"looker-client"_s); // not a secret
    const QString lookerSecret = randomSecret(u"looker-secret"_s);
    lookerServer.setCredentials(lookerClientId, lookerSecret);
    const QString agent = lookerServer.addAgent(u"Orders"_s,
        QJsonArray { QJsonObject { { u"model"_s, u"thelook"_s }, { u"explore"_s, u"orders"_s } } });
    lookerServer.setChatScript({ FakeLookerServer::text(u"Revenue grew 12% in Q3."_s) });
    lookerServer.addConversation(u"Q3 revenue"_s,
        { FakeLookerServer::userTurn(u"How did revenue do in Q3?"_s, 1),
            FakeLookerServer::systemTurn(u"It grew 12%."_s, 2) });

    QList<Secret> secrets { { u"Luzmo API token"_s, remoteOptions.token },
        { u"workflow Bearer token"_s, workflowToken },
        { u"Looker client secret"_s, lookerSecret } };
    {
        // As app/gui/main.cpp builds them.
        Database database;
        QVERIFY(!database.open(Database::resolveDataDirectory({})));
        QCOMPARE(database.path(), dataDir + u"/chartroom.sqlite"_s);
        Repository repository(database);
        QNetworkAccessManager network;
        ChatSession session(repository);
        QSettings settings;
        SecretStore secretStore(SecretStore::Mode::Keychain,
            u"Chartroom-test-"_s + QUuid::createUuid().toString(QUuid::Id128));
        BackendRegistry backends(session, network, settings, &secretStore);
        LocalServer::Options localOptions;
        localOptions.dataDirectory = dataDir;
        localOptions.streamDelayMs = 0;
        LocalBackend local(network, localOptions);
        QCOMPARE(local.start(), QString());
        secrets << Secret { u"the built-in server's token"_s, local.server().token() };
        backends.setLocalBackend(local.backend());
        backends.restore();
        QTRY_VERIFY_WITH_TIMEOUT(!backends.secretsLoading(), 15000);

        AccountSettings accounts = backends.settings();
        Account luzmo = Account::create(Account::Kind::Luzmo);
        luzmo.baseUrl = luzmoServer.url();
        luzmo.keyId = luzmoServer.key();
        luzmo.secret = luzmoServer.token();
        Account workflow = Account::create(Account::Kind::Workflow);
        workflow.baseUrl = workflowServer.baseUrl().toString();
        workflow.secret = workflowToken;
        Account looker = Account::create(Account::Kind::Looker);
        looker.baseUrl = lookerServer.baseUrl().toString();
        looker.keyId = lookerClientId;
        looker.secret = lookerSecret;
        looker.agent = agent;
        for (const Account &account : { luzmo, workflow, looker })
            QVERIFY(!accounts.add(account));
        backends.apply(accounts);

        // Each account answers a question.
        for (const QString &id : { Account::localId, luzmo.id, workflow.id, looker.id }) {
            AccountSettings current = backends.settings();
            QVERIFY(!current.setDefault(id));
            backends.apply(current);
            QTRY_VERIFY_WITH_TIMEOUT(!backends.secretsLoading(), 15000);
            QCOMPARE(session.backend(), backends.backendFor(id));
            const QString status = ask(session, repository, question);
            QVERIFY2(status == u"complete", qPrintable(id + u": "_s + status));
        }
        // The keychain really kept them (not just the memory copy) when there is one.
        if (keyring)
            QCOMPARE(secretStore.availability(), SecretStore::Availability::Available);
        else
            QVERIFY(secretStore.keychainUnavailable());

        // The Luzmo and Looker histories are synced.
        for (const QString &id : { luzmo.id, looker.id }) {
            Backend *backend = backends.backendFor(id);
            QVERIFY(backend);
            std::unique_ptr<SyncSource> source = AccountSync::sourceFor(*backend, id);
            QVERIFY(source);
            AccountSync::ClientLookup charts;
            if (id == luzmo.id)
                charts = [&backends, id] { return backends.clientFor(id); };
            AccountSync sync(repository, *source, charts);
            QSignalSpy finished(&sync, &AccountSync::finished);
            QSignalSpy failed(&sync, &AccountSync::failed);
            sync.start();
            QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 30000);
            QVERIFY2(failed.isEmpty(), qPrintable(id));
        }
        QTest::qWait(100); // the keychain's last writes
        settings.sync();
    } // quit

    // Every file, read raw.
    QStringList leaks;
    QStringList scanned;
    QByteArray all; // for the checks that the scan sees what it should
    QDirIterator it(
        g_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.startsWith(remoteDir.path()))
            continue;
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        scanned << path.mid(g_root.size() + 1);
        all += bytes;
        for (const Secret &secret : std::as_const(secrets)) {
            for (const auto &[form, needle] : forms(secret.value)) {
                if (bytes.contains(needle))
                    leaks << path + u": "_s + secret.name + u" ("_s + form + u')';
            }
        }
    }
    qInfo("%lld files scanned: %s", qlonglong(scanned.size()), qPrintable(scanned.join(u", ")));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    // The scan did read the settings, the log and the store: the non-secret ids the settings
    // keep, and the stored answers, are found.
    QVERIFY(scanned.contains(u"config/Chartroom/chartroom.conf"_s));
    QVERIFY(scanned.contains(u"logs/chartroom.log"_s) || !QFile::exists(logFile()));
    QVERIFY(all.contains(luzmoServer.key().toUtf8()));
    QVERIFY(all.contains(lookerClientId.toUtf8()));
    QVERIFY(all.contains("Revenue grew 12% in Q3."));
    QVERIFY(all.contains("It grew 12%.")); // synced from Looker
}

int main(int argc, char *argv[])
{
    // HOME, the XDG folders and TMPDIR below one temporary folder, set before anything reads
    // them; removed at the end.
    QTemporaryDir root;
    if (!root.isValid())
        return 1;
    g_root = root.path();
    for (const auto &[variable, folder] : { std::pair { "HOME", "home" },
             { "XDG_CONFIG_HOME", "config" }, { "XDG_DATA_HOME", "share" },
             { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" }, { "TMPDIR", "tmp" } }) {
        const QString path = g_root + u'/' + QString::fromLatin1(folder);
        QDir().mkpath(path);
        qputenv(variable, path.toUtf8());
    }
    QDir().mkpath(g_root + u"/logs"_s);
    qunsetenv("CHARTROOM_DATA_DIR");
    g_previous = qInstallMessageHandler(logMessage);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Chartroom"_s);
    QCoreApplication::setApplicationName(u"chartroom"_s);
    TestSecretsLeak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretsleak.moc"
