// One running Chartroom per data folder (issue 13.6): DataDirLock refuses a second holder in
// words and takes over a lock a dead process left behind.
#include "app/core/datadirlock.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDataDirLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondHolderIsRefusedInWords();
    void releasedLockCanBeTakenAgain();
    void staleLockOfDeadProcessIsTakenOver();
    void secondAppOnTheSameFolderIsRefused();
};

void TestDataDirLock::secondHolderIsRefusedInWords()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DataDirLock first(dir.path());
    QVERIFY(first.tryLock());
    DataDirLock second(dir.path());
    QVERIFY(!second.tryLock());
    QVERIFY(!second.isLocked());
    const QString expected = u"Chartroom is already running with the data folder "_s
        + QDir::toNativeSeparators(dir.path());
    QVERIFY2(second.message().startsWith(expected), qPrintable(second.message()));
    QVERIFY(first.isLocked());
}

void TestDataDirLock::releasedLockCanBeTakenAgain()
{
    QTemporaryDir dir;
    {
        DataDirLock first(dir.path());
        QVERIFY(first.tryLock());
    }
    DataDirLock second(dir.path());
    QVERIFY(second.tryLock());
    QVERIFY(second.message().isEmpty());
}

void TestDataDirLock::staleLockOfDeadProcessIsTakenOver()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(DataDirLock::lockFileName());
    // A lock file as a live holder writes it, then the holder's pid swapped for one that ended.
    QByteArray content;
    {
        DataDirLock holder(dir.path());
        QVERIFY(holder.tryLock());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        content = file.readAll();
    }
    QProcess child;
    child.start(u"true"_s, {});
    QVERIFY(child.waitForFinished());
    const qint64 deadPid = child.processId() > 0 ? child.processId() : 0;
    QList<QByteArray> lines = content.split('\n');
    QVERIFY(!lines.isEmpty());
    // processId() is 0 once the child ended; a pid past the kernel's limit never runs either.
    lines[0] = QByteArray::number(deadPid > 0 ? deadPid : 4194304 + 17);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
    }
    DataDirLock next(dir.path());
    QVERIFY2(next.tryLock(), qPrintable(next.message()));
}

namespace {
// The real app (CHARTROOM_GUI, offscreen) on `folder`; its stderr is read by the caller.
void startApp(QProcess &app, const QString &folder)
{
    app.setProgram(qEnvironmentVariable("CHARTROOM_GUI"));
    app.setArguments({ u"--data-dir"_s, folder });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, folder + u"/config"_s); // its own settings, not the user's
    app.setProcessEnvironment(env);
    app.start();
}

void stop(QProcess &app)
{
    if (app.state() != QProcess::NotRunning) {
        app.kill();
        app.waitForFinished(5000);
    }
}
} // namespace

// Two real Chartroom processes on one data folder: the second says so in words and does not
// open the store; a third on another folder starts as usual.
void TestDataDirLock::secondAppOnTheSameFolderIsRefused()
{
    if (qEnvironmentVariableIsEmpty("CHARTROOM_GUI"))
        QSKIP("CHARTROOM_GUI (the chartroom binary) is not set");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"data"_s);
    const QString lockPath = QDir(folder).filePath(DataDirLock::lockFileName());
    const QString storePath = QDir(folder).filePath(u"chartroom.sqlite"_s);

    QProcess first;
    startApp(first, folder);
    QVERIFY2(first.waitForStarted(10000), qPrintable(first.errorString()));
    // The store is opened after the lock is taken: both exist once the first app is up.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(lockPath) && QFile::exists(storePath), 30000);

    QProcess second;
    startApp(second, folder);
    QVERIFY(second.waitForStarted(10000));
    QByteArray said;
    const QByteArray expected = "Chartroom is already running with the data folder "
        + QDir::toNativeSeparators(folder).toUtf8() + " (process "
        + QByteArray::number(first.processId()) + ")";
    QTRY_VERIFY_WITH_TIMEOUT((said += second.readAllStandardError()).contains(expected), 30000);
    QVERIFY(first.state() == QProcess::Running);

    QTemporaryDir other;
    QProcess third;
    startApp(third, other.filePath(u"data"_s));
    QVERIFY(third.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(
        QFile::exists(QDir(other.filePath(u"data"_s)).filePath(DataDirLock::lockFileName())),
        30000);
    QVERIFY(!third.readAllStandardError().contains("already running"));

    stop(second);
    stop(third);
    stop(first);
}

QTEST_GUILESS_MAIN(TestDataDirLock)
#include "tst_datadirlock.moc"
