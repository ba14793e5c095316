// Crash safety of the real window (issue 15.4): `chartroom` (offscreen, its own data folder, its
// built-in server slowed by CHARTROOM_STREAM_DELAY_MS) asks a question at start-up (--ask) and is
// SIGKILLed while the answer streams, as soon as the store holds part of its text. Restarted on
// the same folder, the app keeps that partial answer, marked interrupted, and everything stored
// before (a conversation asked earlier with chartroom-cli). All checks are plain SQL on the file.
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
const QString question = u"Show monthly revenue as a line chart"_s;

// A plain read-only SQLite connection to the store (not the app's code), for the life of the
// object.
class PlainSql
{
public:
    explicit PlainSql(const QString &file)
        : m_name(u"plain-"_s + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        db.open();
    }
    ~PlainSql() { QSqlDatabase::removeDatabase(m_name); }
    // The rows of `sql`, each as its columns joined by " | ".
    QStringList rows(const QString &sql) const
    {
        QStringList out;
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql))
            return { u"error: "_s + q.lastError().text() };
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i)
                columns << q.value(i).toString();
            out << columns.join(u" | "_s);
        }
        return out;
    }
    QString value(const QString &sql) const { return rows(sql).value(0); }

private:
    QString m_name;
};

struct Folders
{
    QTemporaryDir root;
    QString data() const { return root.filePath(u"data"_s); }
    QString store() const { return QDir(data()).filePath(u"chartroom.sqlite"_s); }
};

void startGui(QProcess &app, const Folders &folders, const QStringList &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"HOME"_s, folders.root.filePath(u"home"_s)); // its own settings, not the user's
    env.insert(u"XDG_CONFIG_HOME"_s, folders.root.filePath(u"config"_s));
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s); // no keychain
    env.insert(u"CHARTROOM_STREAM_DELAY_MS"_s, u"250"_s); // an answer takes seconds
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(qEnvironmentVariable("CHARTROOM_GUI"),
        QStringList { u"--data-dir"_s, folders.data() } + extra);
}

void stop(QProcess &app)
{
    if (app.state() == QProcess::NotRunning)
        return;
    app.terminate();
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished(10000);
    }
}

const QString messagesOfFirst = u"SELECT role, status, text FROM messages WHERE conversation_id = "
                                u"(SELECT min(id) FROM conversations) ORDER BY seq, id"_s;
} // namespace

class TestGuiKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CHARTROOM_GUI"), "CHARTROOM_GUI is not set");
        QVERIFY2(!qEnvironmentVariableIsEmpty("CHARTROOM_CLI"), "CHARTROOM_CLI is not set");
    }
    void killedWhileStreamingKeepsThePartialAnswer();
};

void TestGuiKill::killedWhileStreamingKeepsThePartialAnswer()
{
    Folders folders;
    QVERIFY(folders.root.isValid());

    // Stored before: one whole conversation, asked with the CLI from the same built-in server.
    // Its answer is also the whole text the killed answer must be the beginning of.
    QProcess cli;
    cli.start(qEnvironmentVariable("CHARTROOM_CLI"),
        { u"ask"_s, u"--agent"_s, u"analyst"_s, u"--data-dir"_s, folders.data(), question });
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QStringList before;
    QString fullAnswer;
    {
        PlainSql sql(folders.store());
        before = sql.rows(messagesOfFirst);
        QCOMPARE(before.size(), 2);
        QCOMPARE(before.first(), u"user | complete | "_s + question);
        fullAnswer = sql.value(u"SELECT text FROM messages WHERE role = 'assistant'"_s);
        QVERIFY2(fullAnswer.size() > 100, qPrintable(fullAnswer));
    }

    QProcess app;
    startGui(app, folders, { u"--ask"_s, question });
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    // The answer is streaming and part of its text is in the file: kill now.
    QString partial;
    {
        PlainSql sql(folders.store());
        QTRY_VERIFY_WITH_TIMEOUT(
            !(partial = sql.value(u"SELECT text FROM messages WHERE role = 'assistant' AND "
                                  u"status = 'streaming' AND length(text) > 0"_s))
                 .isEmpty(),
            60000);
        QVERIFY(app.state() == QProcess::Running);
        ::kill(pid_t(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);
        // Killed mid-answer: the file still says it is streaming.
        QCOMPARE(sql.value(u"SELECT count(*) FROM messages WHERE status = 'streaming'"_s), u"1"_s);
    }
    QVERIFY2(fullAnswer.startsWith(partial), qPrintable(partial));

    // Restart on the same folder: the unfinished answer is marked interrupted at start-up.
    QProcess again;
    startGui(again, folders, {});
    QVERIFY2(again.waitForStarted(10000), qPrintable(again.errorString()));
    {
        PlainSql sql(folders.store());
        QTRY_COMPARE_WITH_TIMEOUT(
            sql.value(u"SELECT count(*) FROM messages WHERE status = 'interrupted'"_s), u"1"_s,
            60000);
    }
    QVERIFY(again.state() == QProcess::Running); // it started and stays up
    stop(again);

    PlainSql sql(folders.store());
    QCOMPARE(sql.value(u"PRAGMA integrity_check"_s), u"ok"_s);
    QCOMPARE(sql.value(u"SELECT count(*) FROM conversations"_s), u"2"_s);
    QCOMPARE(sql.rows(messagesOfFirst), before); // what was stored before, unchanged
    const QStringList killed = sql.rows(u"SELECT role, status, text FROM messages WHERE "
                                        u"conversation_id = (SELECT max(id) FROM conversations) "
                                        u"ORDER BY seq, id"_s);
    QCOMPARE(killed.size(), 2);
    QCOMPARE(killed.first(), u"user | complete | "_s + question);
    const QString prefix = u"assistant | interrupted | "_s;
    QVERIFY2(killed.last().startsWith(prefix), qPrintable(killed.last()));
    const QString kept = killed.last().mid(prefix.size());
    // At least what was seen before the kill, and the beginning of the whole answer.
    QVERIFY2(kept.startsWith(partial), qPrintable(kept));
    QVERIFY2(fullAnswer.startsWith(kept), qPrintable(kept));
    qInfo("kept %lld of %lld characters of the answer", qlonglong(kept.size()),
        qlonglong(fullAnswer.size()));
}

QTEST_GUILESS_MAIN(TestGuiKill)
#include "tst_guikill.moc"
