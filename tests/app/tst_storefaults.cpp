// Data files Chartroom cannot use (issue 15.4), with the real app (chartroom, offscreen) on a
// data folder that chartroom-cli filled first (a whole conversation, the built-in server's
// stores):
// - a read-only folder or store: the app says why in words (stderr, as in its dialog), stays up
//   showing it (no crash) and changes no file. chmod does not stop root, so when the test runs
//   as root the app is started as nobody (uid/gid 65534) through QProcess's child modifier; the
//   test is skipped only if that is refused.
// - a data file replaced by garbage while the app runs (renamed over, as a sync tool or a
//   restore does): the app says so at once in words (DataFileWatcher) and stays up; at its next
//   start it says which file is damaged, leaves that file as it found it, and every other data
//   file is unchanged.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr uid_t nobody = 65534;
constexpr int cannotDropPrivileges = 77;

const QString lockName = u".chartroom.lock"_s;

// Each file of `dir` (the lock file aside) and the SHA-256 of its bytes.
QMap<QString, QByteArray> contents(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName() == lockName)
            continue;
        QFile f(path);
        out.insert(it.fileName(),
            f.open(QIODevice::ReadOnly)
                ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()
                : QByteArray("unreadable"));
    }
    return out;
}

struct Folders
{
    QTemporaryDir root;
    QString data() const { return root.filePath(u"data"_s); }
    QString file(const QString &name) const { return QDir(data()).filePath(name); }
};

// A whole conversation asked with the CLI: the history and the built-in server's stores.
bool seed(const Folders &folders)
{
    QProcess cli;
    cli.start(qEnvironmentVariable("CHARTROOM_CLI"),
        { u"ask"_s, u"--data-dir"_s, folders.data(), u"Show monthly revenue as a line chart"_s });
    return cli.waitForFinished(60000) && cli.exitStatus() == QProcess::NormalExit
        && cli.exitCode() == 0;
}

// The app on the folder. As root it runs as nobody, so that file modes count; HOME and the
// config folder are its own, writable by it.
void startApp(QProcess &app, const Folders &folders, bool asNobody)
{
    const QString home = folders.root.filePath(u"home"_s);
    const QString config = folders.root.filePath(u"config"_s);
    QDir().mkpath(home);
    QDir().mkpath(config);
    ::chmod(qPrintable(home), 0777);
    ::chmod(qPrintable(config), 0777);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, config);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    env.remove(u"XDG_RUNTIME_DIR"_s);
    app.setProcessEnvironment(env);
    if (asNobody) {
        app.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0)
                ::_exit(cannotDropPrivileges);
        });
    }
    app.start(qEnvironmentVariable("CHARTROOM_GUI"), { u"--data-dir"_s, folders.data() });
}

void stop(QProcess &app)
{
    if (app.state() != QProcess::NotRunning) {
        app.kill();
        app.waitForFinished(10000);
    }
}

// Waits until the app's stderr holds `expected`; returns all it said.
QByteArray waitToSay(QProcess &app, const QByteArray &expected, bool *said)
{
    QByteArray out;
    *said = QTest::qWaitFor(
        [&] {
            out += app.readAllStandardError();
            return out.contains(expected) || app.state() == QProcess::NotRunning;
        },
        60000);
    out += app.readAllStandardError();
    *said = out.contains(expected);
    return out;
}
} // namespace

class TestStoreFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CHARTROOM_GUI"), "CHARTROOM_GUI is not set");
        QVERIFY2(!qEnvironmentVariableIsEmpty("CHARTROOM_CLI"), "CHARTROOM_CLI is not set");
    }
    void readOnlyDataIsRefusedInWords_data();
    void readOnlyDataIsRefusedInWords();
    void garbageReplacingAFileIsNamedInWords_data();
    void garbageReplacingAFileIsNamedInWords();
};

void TestStoreFaults::readOnlyDataIsRefusedInWords_data()
{
    QTest::addColumn<bool>("folderReadOnly");
    QTest::addColumn<QString>("expected"); // %1: the folder, %2: the store
    QTest::newRow("folder and files read-only")
        << true
        << u"Chartroom cannot write to the data folder %1: it is read-only. Make it writable, or "
           u"start Chartroom with another --data-dir."_s;
    QTest::newRow("files read-only in a writable folder")
        << false
        << u"Chartroom cannot open its history: The history database %2 is read-only. Chartroom "
           u"needs to write to it."_s;
}

void TestStoreFaults::readOnlyDataIsRefusedInWords()
{
    QFETCH(bool, folderReadOnly);
    QFETCH(QString, expected);
    Folders folders;
    QVERIFY(seed(folders));
    const bool asNobody = ::geteuid() == 0;
    ::chmod(qPrintable(folders.root.path()), 0755); // nobody may walk to the folder
    const QMap<QString, QByteArray> before = contents(folders.data());
    QVERIFY(before.contains(u"chartroom.sqlite"_s));
    for (auto it = before.begin(); it != before.end(); ++it)
        QCOMPARE(::chmod(qPrintable(folders.file(it.key())), 0444), 0);
    if (asNobody && !folderReadOnly) // writable by the user the app runs as
        QCOMPARE(::chown(qPrintable(folders.data()), nobody, nobody), 0);
    QCOMPARE(::chmod(qPrintable(folders.data()), folderReadOnly ? 0555 : 0755), 0);

    QProcess app;
    startApp(app, folders, asNobody);
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    bool said = false;
    const QByteArray words
        = QString(expected)
              .replace(u"%1"_s, QDir::toNativeSeparators(folders.data()))
              .replace(u"%2"_s, QDir::toNativeSeparators(folders.file(u"chartroom.sqlite"_s)))
              .toUtf8();
    const QByteArray err = waitToSay(app, words, &said);
    if (asNobody && app.state() == QProcess::NotRunning && app.exitStatus() == QProcess::NormalExit
        && app.exitCode() == cannotDropPrivileges)
        QSKIP("Running as root, where file modes do not stop writes, and the app could not be "
              "started as nobody (setuid refused)");
    QVERIFY2(said, err.constData());
    QVERIFY2(app.state() == QProcess::Running, "the app ended instead of showing the error");
    stop(app);

    ::chmod(qPrintable(folders.data()), 0755);
    QCOMPARE(contents(folders.data()), before); // nothing written, nothing added
}

void TestStoreFaults::garbageReplacingAFileIsNamedInWords_data()
{
    QTest::addColumn<QString>("replaced");
    QTest::addColumn<QString>("expected"); // %1: the replaced file
    QTest::newRow("history")
        << u"chartroom.sqlite"_s
        << u"Chartroom cannot open its history: The history database %1 is damaged or is not an "
           u"SQLite database. It was left unchanged; move it away to start a new history."_s;
    QTest::newRow("datasets") << u"datasets.sqlite"_s
                              << u"The built-in analyst server could not start: "_s;
}

void TestStoreFaults::garbageReplacingAFileIsNamedInWords()
{
    QFETCH(QString, replaced);
    QFETCH(QString, expected);
    Folders folders;
    QVERIFY(seed(folders));
    QVERIFY(QFile::exists(folders.file(replaced)));

    QProcess app;
    startApp(app, folders, false);
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    // Up: the folder locked, the history and the replaced file open (their -shm files exist).
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(folders.file(lockName))
            && QFile::exists(folders.file(u"chartroom.sqlite-shm"_s))
            && QFile::exists(folders.file(replaced + u"-shm"_s)),
        60000);

    // Garbage of the same size, renamed over the file.
    const qint64 size = QFileInfo(folders.file(replaced)).size();
    QByteArray garbage(size, Qt::Uninitialized);
    QRandomGenerator rng(20261203);
    for (char &c : garbage)
        c = char(rng.bounded(256));
    {
        QFile f(folders.file(replaced + u".new"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(garbage), size);
    }
    QVERIFY(
        ::rename(qPrintable(folders.file(replaced + u".new"_s)), qPrintable(folders.file(replaced)))
        == 0);
    // Noticed while it runs, in words (the window's error line says the same), and it stays up.
    bool noticed = false;
    const QByteArray firstRun = waitToSay(app,
        u"The data file "_s.toUtf8() + QDir::toNativeSeparators(folders.file(replaced)).toUtf8()
            + " was replaced by another file while Chartroom was running",
        &noticed);
    QVERIFY2(noticed, firstRun.constData());
    QVERIFY(app.state() == QProcess::Running);
    stop(app);
    QVERIFY2(app.exitStatus() == QProcess::CrashExit, firstRun.constData()); // our kill, not its

    // The other files as they are now (the -wal and -shm of the replaced file aside: they
    // belong to the file that is gone).
    QMap<QString, QByteArray> others = contents(folders.data());
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        others.remove(replaced + suffix);
    QVERIFY(!others.isEmpty());

    QProcess again;
    startApp(again, folders, false);
    QVERIFY2(again.waitForStarted(10000), qPrintable(again.errorString()));
    bool said = false;
    const QByteArray words
        = expected.arg(QDir::toNativeSeparators(folders.file(replaced))).toUtf8();
    const QByteArray err = waitToSay(again, words, &said);
    QVERIFY2(said, err.constData());
    if (replaced == u"datasets.sqlite")
        QVERIFY2(err.contains("damaged") || err.contains("not a database"), err.constData());
    QVERIFY2(again.state() == QProcess::Running, "the app ended instead of showing the error");
    stop(again);

    QFile kept(folders.file(replaced));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage); // left as it was found
    QMap<QString, QByteArray> now = contents(folders.data());
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        now.remove(replaced + suffix);
    if (replaced != u"chartroom.sqlite") {
        // The history opened: its own -wal and -shm may differ; its rows must not.
        for (const QString &suffix : { u"-wal"_s, u"-shm"_s }) {
            now.remove(u"chartroom.sqlite"_s + suffix);
            others.remove(u"chartroom.sqlite"_s + suffix);
        }
    }
    QCOMPARE(now, others);
}

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "tst_storefaults.moc"
