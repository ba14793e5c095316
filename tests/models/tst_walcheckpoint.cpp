// Where WAL checkpoints run: SQLite's own (in the commit, on the committing connection's
// thread), WalCheckpointHook's (only a call to `due`), and the app's (the background thread's
// connection). Seen from the history file's size: a checkpoint is what copies the log's pages
// into it, so a 4 MB write leaves the file small until one has run.

#include "models/repository.h"
#include "models/types.h"
#include "models/walcheckpointhook.h"
#include "tests/support/tempstore.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 megabytes4 = 4 * 1024 * 1024;

qint64 fileSize(const TempStore &store)
{
    return QFileInfo(store.database.path()).size();
}

// One committed transaction with 4 MB of text (about 1,000 pages of the log).
bool write4MB(const TempStore &store)
{
    QSqlQuery q(store.database.connection());
    return q.exec(u"CREATE TABLE IF NOT EXISTS scratch (x TEXT)"_s)
        && q.exec(u"INSERT INTO scratch VALUES (printf('%.*c', 4194304, 'x'))"_s);
}
} // namespace

class TestWalCheckpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whoCheckpoints_data();
    void whoCheckpoints();
    void theBackgroundThreadCheckpoints();
};

void TestWalCheckpoint::whoCheckpoints_data()
{
    QTest::addColumn<bool>("hooked");
    QTest::addColumn<bool>("removedAgain");
    QTest::addColumn<bool>("fileGrows");
    QTest::addColumn<int>("dueCalls");
    QTest::newRow("SQLite's own, in the commit") << false << false << true << 0;
    QTest::newRow("hooked: only `due` is called") << true << false << false << 1;
    QTest::newRow("hook removed: SQLite's own again") << true << true << true << 0;
}

void TestWalCheckpoint::whoCheckpoints()
{
    QFETCH(bool, hooked);
    QFETCH(bool, removedAgain);
    QFETCH(bool, fileGrows);
    QFETCH(int, dueCalls);
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    int due = 0;
    std::optional<WalCheckpointHook> hook;
    if (hooked) {
        hook.emplace(store.database.connection(), 1000, [&due] { ++due; });
        QVERIFY(hook->installed());
    }
    if (removedAgain)
        hook.reset();
    const qint64 before = fileSize(store);
    QVERIFY(write4MB(store));
    QCOMPARE(fileSize(store) >= before + megabytes4, fileGrows);
    QCOMPARE(due, dueCalls);
}

// As the app runs: the window's connection commits, the thread copies the log into the file.
void TestWalCheckpoint::theBackgroundThreadCheckpoints()
{
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    store.repository->indexLongMessagesInBackground();
    const qint64 before = fileSize(store);
    const qint64 id = store.addConversation(u"Long"_s, 0);
    Message m;
    m.conversationId = id;
    m.role = MessageRole::User;
    m.text = QString(megabytes4, u'x');
    QSignalSpy checkpointed(store.repository.get(), &Repository::walCheckpointed);
    QVERIFY(store.repository->addMessage(m));
    QTRY_VERIFY_WITH_TIMEOUT(!checkpointed.isEmpty(), 20000);
    const QList<QVariant> last = checkpointed.last();
    QVERIFY(last.at(0).toInt() >= 1000); // the log's pages
    QCOMPARE(last.at(1).toInt(), last.at(0).toInt()); // all copied: no reader held them
    QVERIFY(fileSize(store) >= before + megabytes4);
}

QTEST_GUILESS_MAIN(TestWalCheckpoint)
#include "tst_walcheckpoint.moc"
