// Crash safety while syncing: `chartroom-cli sync` is killed with SIGKILL at random moments while
// it pulls 150 conversations in pages of 2 from `chartroom-cli serve`. Each time the store must
// reopen intact, hold no remote id twice, and keep every conversation it stored whole; a final
// run completes the rest. Iterations: CHARTROOM_KILL_RUNS (default 20).

#include "app/server/aistore.h"
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/timeoutscale.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

class TestSyncKill : public QObject
{
    Q_OBJECT

private:
    static constexpr int conversations = 150;
    static constexpr int messagesEach = 6;
    QTemporaryDir m_serverDir;
    QProcess m_serve;
    QString m_url;
    QString m_program;

    static QString integrity(Database &db)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next())
            return u"cannot run integrity_check"_s;
        return q.value(0).toString();
    }
    static int scalar(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }
    QProcess *startSync(const QString &dataDir)
    {
        auto *p = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CHARTROOM_SYNC_PAGE_SIZE"_s, u"2"_s);
        p->setProcessEnvironment(env);
        p->start(m_program,
            { u"sync"_s, u"--url"_s, m_url, u"--key"_s, u"k"_s, u"--token"_s, u"t"_s,
                u"--data-dir"_s, dataDir });
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        {
            AiStore store;
            QVERIFY(!store.open(m_serverDir.path()));
            for (int i = 0; i < conversations; ++i) {
                auto c = store.createConversation(u"Conversation "_s + QString::number(i));
                QVERIFY(c);
                const QString id = c->value(u"id").toString();
                for (int m = 0; m < messagesEach; ++m) {
                    const bool user = m % 2 == 0;
                    QList<QJsonObject> assets;
                    if (!user)
                        assets << QJsonObject { { u"type"_s, u"item"_s },
                            { u"value"_s, QJsonObject { { u"type"_s, u"line-chart"_s } } } };
                    QVERIFY(store.addMessage(id, user ? u"user"_s : u"assistant"_s,
                        u"turn "_s + QString::number(m), u"analyst"_s, u"generate"_s, u"en"_s,
                        assets));
                }
            }
        }
        const QString cli = qEnvironmentVariable("CHARTROOM_CLI");
        m_serve.start(cli,
            { u"serve"_s, u"--data-dir"_s, m_serverDir.path(), u"--key"_s, u"k"_s, u"--token"_s,
                u"t"_s });
        QVERIFY(m_serve.waitForStarted(10000));
        const QRegularExpression listening(u"listening on (\\S+)"_s);
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(m_serve.readAllStandardOutput()),
                                     listening.match(out).hasMatch()),
            15000);
        m_url = listening.match(out).captured(1);
        m_program = cli;
    }

    void cleanupTestCase()
    {
        if (m_serve.state() == QProcess::Running) {
            m_serve.terminate();
            if (!m_serve.waitForFinished(5000))
                m_serve.kill();
        }
    }

    void killedWhileSyncing()
    {
        const int runs = qEnvironmentVariableIntValue("CHARTROOM_KILL_RUNS") > 0
            ? qEnvironmentVariableIntValue("CHARTROOM_KILL_RUNS")
            : 20;
        QRandomGenerator rng(20250301);
        int killedMidway = 0;
        for (int run = 0; run < runs; ++run) {
            // Each run: a fresh store, two syncs killed at random moments, then one that ends.
            QTemporaryDir dir;
            int previous = 0;
            for (int attempt = 0; attempt < 2; ++attempt) {
                std::unique_ptr<QProcess> sync(startSync(dir.path()));
                QVERIFY(sync->waitForStarted(scaledMs(10000)));
                QTest::qWait(scaledMs(int(rng.bounded(5, 500)))); // a slower build starts later
                if (sync->state() == QProcess::Running)
                    ::kill(pid_t(sync->processId()), SIGKILL);
                QVERIFY(sync->state() == QProcess::NotRunning
                    || sync->waitForFinished(scaledMs(10000)));
                if (sync->exitStatus() == QProcess::NormalExit)
                    QVERIFY2(sync->exitCode() == 0, sync->readAllStandardError().constData());
                int stored = 0;
                checkStore(dir.path(), &stored);
                if (QTest::currentTestFailed())
                    return;
                QVERIFY2(stored >= previous, "a killed sync lost conversations stored before");
                if (stored > 0 && stored < conversations)
                    ++killedMidway;
                previous = stored;
            }
            std::unique_ptr<QProcess> last(startSync(dir.path()));
            QVERIFY(last->waitForFinished(scaledMs(60000)));
            QCOMPARE(last->exitStatus(), QProcess::NormalExit);
            QVERIFY2(last->exitCode() == 0, last->readAllStandardError().constData());
            int stored = 0;
            checkStore(dir.path(), &stored);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(stored, conversations); // the last sync completed the rest
        }
        qInfo("%d of %d killed syncs had stored part of the history", killedMidway, 2 * runs);
        QVERIFY(killedMidway > 0); // the kills did land mid-sync
    }

private:
    // Reopens the store: intact, no remote id twice, every stored conversation whole.
    void checkStore(const QString &dir, int *stored)
    {
        Database db;
        const StoreStatus opened = db.open(dir);
        QVERIFY2(!opened, opened ? qPrintable(opened->toString()) : "");
        QCOMPARE(integrity(db), u"ok"_s);
        QCOMPARE(scalar(db,
                     u"SELECT count(*) FROM (SELECT 1 FROM conversations GROUP BY backend, "
                     u"remote_id HAVING count(*) > 1)"_s),
            0);
        QCOMPARE(scalar(db,
                     u"SELECT count(*) FROM (SELECT 1 FROM messages GROUP BY remote_id "
                     u"HAVING count(*) > 1)"_s),
            0);
        Repository repo(db);
        auto list = repo.conversations(1000);
        QVERIFY(list);
        *stored = int(list->size());
        for (const Conversation &c : *list) {
            auto messages = repo.messages(c.id);
            QCOMPARE(messages->size(), messagesEach); // a stored page is whole
            for (int m = 0; m < messagesEach; ++m) {
                QCOMPARE(messages->at(m).text, u"turn "_s + QString::number(m));
                QCOMPARE(messages->at(m).assets.size(), m % 2 == 0 ? 0 : 1);
            }
        }
        QCOMPARE(scalar(db, u"SELECT count(*) FROM messages"_s), *stored * messagesEach);
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
