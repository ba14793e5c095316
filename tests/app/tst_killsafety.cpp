// Crash safety: `chartroom-cli ask` is killed with SIGKILL at a random moment while an answer
// streams from the built-in server. Each time the store must reopen intact (PRAGMA
// integrity_check), keep everything already stored, and keep the partial answer, marked
// interrupted at the next start (a conversation killed before its question was stored is
// removed then, so none is left empty). Iterations: CHARTROOM_KILL_RUNS (default 20).

#include "models/database.h"
#include "models/repository.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestKillSafety : public QObject
{
    Q_OBJECT

private:
    static QString integrity(Database &db)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next())
            return u"cannot run integrity_check"_s;
        return q.value(0).toString();
    }

private Q_SLOTS:
    void killedWhileStreaming()
    {
        const int runs = qEnvironmentVariableIntValue("CHARTROOM_KILL_RUNS") > 0
            ? qEnvironmentVariableIntValue("CHARTROOM_KILL_RUNS")
            : 20;
        QTemporaryDir dir;
        QRandomGenerator rng(20261124);
        int completed = 0, cut = 0;
        qsizetype stored = 0; // conversations stored so far: never fewer after a kill
        QString fullAnswer;
        for (int run = 0; run < runs; ++run) {
            QProcess cli;
            cli.start(qEnvironmentVariable("CHARTROOM_CLI"),
                { u"ask"_s, u"--agent"_s, u"item"_s, u"--data-dir"_s, dir.path(),
                    u"Show monthly revenue as a line chart"_s });
            QVERIFY(cli.waitForStarted(10000));
            // Anywhere from start-up to the end of the answer (it takes well under a second).
            QTest::qWait(int(rng.bounded(30, 700)));
            if (cli.state() == QProcess::Running)
                ::kill(pid_t(cli.processId()), SIGKILL);
            QVERIFY(cli.state() == QProcess::NotRunning || cli.waitForFinished(10000));
            const bool killed = cli.exitStatus() == QProcess::CrashExit;

            Database db;
            const StoreStatus opened = db.open(dir.path());
            QVERIFY2(!opened, opened ? qPrintable(opened->toString()) : "");
            QCOMPARE(integrity(db), u"ok"_s);
            Repository repo(db);
            // What the app does at start-up: unfinished answers become interrupted, and a
            // conversation killed before its question was stored is removed.
            QVERIFY(repo.markStreamingInterrupted());
            QVERIFY(repo.removeConversationsLeftEmpty());
            auto conversations = repo.conversations(1000);
            QVERIFY(conversations);
            // Everything stored before is still there (a run killed before it stored anything
            // adds nothing).
            QVERIFY2(conversations->size() >= stored,
                qPrintable(QString::number(conversations->size())));
            stored = conversations->size();
            for (const Conversation &c : *conversations) {
                auto messages = repo.messages(c.id);
                QVERIFY(messages);
                QVERIFY(!messages->isEmpty());
                QCOMPARE(messages->first().role, MessageRole::User);
                QCOMPARE(messages->first().text, u"Show monthly revenue as a line chart"_s);
                for (const Message &m : *messages) {
                    QVERIFY(
                        m.status != MessageStatus::Streaming && m.status != MessageStatus::Pending);
                    if (m.role != MessageRole::Assistant)
                        continue;
                    if (m.status == MessageStatus::Complete) {
                        if (fullAnswer.isEmpty())
                            fullAnswer = m.text;
                        QCOMPARE(m.text, fullAnswer);
                        QCOMPARE(m.assets.size(), 1);
                    } else {
                        QCOMPARE(m.status, MessageStatus::Interrupted);
                        // A partial answer is a prefix of the whole one, never garbage.
                        if (!fullAnswer.isEmpty())
                            QVERIFY2(fullAnswer.startsWith(m.text), qPrintable(m.text));
                    }
                }
            }
            killed ? ++cut : ++completed;
        }
        qInfo("%d runs: %d killed mid-way, %d completed", runs, cut, completed);
        QVERIFY(cut > 0); // the test did kill
    }
};

QTEST_GUILESS_MAIN(TestKillSafety)
#include "tst_killsafety.moc"
