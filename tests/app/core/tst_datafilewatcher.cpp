// DataFileWatcher: a data file renamed over (also before it was watched, while held open),
// removed or overwritten with garbage while the app runs is reported once, in words, with no
// explicit check() call; the file's own writes (still an SQLite file, same inode) are not.
#include "app/core/datafilewatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
const QByteArray sqliteHeader("SQLite format 3\0", 16);

bool writeFile(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode)
{
    QFile f(path);
    return f.open(mode) && f.write(bytes) == bytes.size();
}
} // namespace

class TestDataFileWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void changeIsReportedInWords_data();
    void changeIsReportedInWords();
};

void TestDataFileWatcher::changeIsReportedInWords_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected"); // empty: nothing reported
    QTest::newRow("renamed over") << u"rename"_s << u"was replaced by another file"_s;
    QTest::newRow("renamed over before watching, while open")
        << u"rename before"_s << u"was replaced by another file"_s;
    QTest::newRow("removed") << u"remove"_s << u"was removed"_s;
    QTest::newRow("overwritten with garbage")
        << u"garbage"_s << u"was overwritten with something that is not a database"_s;
    QTest::newRow("its own writes") << u"write"_s << QString();
}

void TestDataFileWatcher::changeIsReportedInWords()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chartroom.sqlite"_s);
    QVERIFY(writeFile(path, sqliteHeader + QByteArray(4080, 'a'), QIODevice::WriteOnly));
    QFile opened(path); // held open, as SQLite holds its file
    QVERIFY(opened.open(QIODevice::ReadOnly));
    if (change == u"rename before") {
        QVERIFY(writeFile(path + u".new"_s, sqliteHeader, QIODevice::WriteOnly));
        QCOMPARE(std::rename(qPrintable(path + u".new"_s), qPrintable(path)), 0);
    }
    DataFileWatcher watcher;
    QVERIFY(watcher.watch(path));
    QVERIFY(!watcher.watch(dir.filePath(u"missing.sqlite"_s)));
    QCOMPARE(watcher.files(), QStringList { path });
    QSignalSpy lost(&watcher, &DataFileWatcher::fileLost);

    if (change == u"rename before") {
        // already done: the watcher knows the file opened, not the one the name shows now
    } else if (change == u"rename") {
        QVERIFY(writeFile(path + u".new"_s, sqliteHeader + QByteArray(4080, 'b'),
            QIODevice::WriteOnly)); // even a valid database: not the one opened
        QCOMPARE(std::rename(qPrintable(path + u".new"_s), qPrintable(path)), 0);
    } else if (change == u"remove") {
        QVERIFY(QFile::remove(path));
    } else if (change == u"garbage") {
        QVERIFY(writeFile(path, QByteArray(4096, '\x5a'), QIODevice::ReadWrite));
    } else {
        QVERIFY(writeFile(path, QByteArray(100, 'c'), QIODevice::Append));
    }

    if (expected.isEmpty()) {
        QTest::qWait(0); // the change notice, if one came, is handled
        watcher.check();
        QCOMPARE(lost.count(), 0);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 10000); // from the notice, no check() call
    QCOMPARE(lost.first().at(0).toString(), path);
    const QString message = lost.first().at(1).toString();
    QVERIFY2(message.startsWith(u"The data file "_s + QDir::toNativeSeparators(path) + u' '),
        qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(u"Quit Chartroom"_s), qPrintable(message));
    watcher.check(); // once per file
    QCOMPARE(lost.count(), 1);
}

QTEST_GUILESS_MAIN(TestDataFileWatcher)
#include "tst_datafilewatcher.moc"
