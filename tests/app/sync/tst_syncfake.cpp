// SyncEngine against a scripted Luzmo-compatible history (FakeLuzmoHistory on loopback): paging
// boundaries, incremental requests, remote deletions, a server error mid-sync and a history
// of 10,000 messages.

#include "app/luzmo/luzmoclient.h"
#include "app/sync/luzmosyncsource.h"
#include "models/syncwriter.h"
#include "tests/app/sync/fakeluzmohistory.h"
#include "tests/app/sync/syncrun.h"
#include "tests/support/tempstore.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

class TestSyncFake : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    const QDateTime m_start = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);

    LuzmoClient client(const FakeLuzmoHistory &history)
    {
        LuzmoConfig config;
        config.host = QUrl(history.url());
        config.key = u"k"_s;
        config.token = u"t"_s;
        return LuzmoClient(m_network, config);
    }
    static int scalar(TempStore &store, const QString &sql)
    {
        QSqlQuery q(store.database.connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }
    static int duplicates(TempStore &store)
    {
        return scalar(store,
                   u"SELECT count(*) FROM (SELECT remote_id FROM conversations WHERE remote_id "
                   u"IS NOT NULL GROUP BY backend, remote_id HAVING count(*) > 1)"_s)
            + scalar(store,
                u"SELECT count(*) FROM (SELECT remote_id FROM messages WHERE remote_id IS NOT "
                u"NULL GROUP BY remote_id HAVING count(*) > 1)"_s)
            + scalar(store,
                u"SELECT count(*) FROM (SELECT remote_id FROM message_assets WHERE remote_id IS "
                u"NOT NULL GROUP BY remote_id HAVING count(*) > 1)"_s);
    }

private Q_SLOTS:
    void paging_data()
    {
        QTest::addColumn<int>("conversations");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("pages");
        QTest::newRow("empty history") << 0 << 2 << 1;
        QTest::newRow("one short page") << 1 << 2 << 1;
        QTest::newRow("exactly two pages") << 4 << 2 << 2;
        QTest::newRow("one over a page") << 5 << 2 << 3;
        QTest::newRow("pages of one") << 3 << 1 << 3;
        QTest::newRow("many pages") << 50 << 7 << 8;
    }
    void paging()
    {
        QFETCH(int, conversations);
        QFETCH(int, pageSize);
        QFETCH(int, pages);
        FakeLuzmoHistory history;
        QVERIFY(history.listen());
        history.generate(conversations, 4, m_start);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        LuzmoClient c = client(history);
        LuzmoSyncSource source(c, u"luzmo"_s);
        source.setPageSize(pageSize);
        SyncEngine engine(*store.repository, source);
        QSignalSpy progress(&engine, &SyncEngine::progressChanged);

        const SyncRun first = SyncRun::of(engine);
        QVERIFY2(first.finished, qPrintable(first.error.message));
        QCOMPARE(first.report.pages, pages);
        QCOMPARE(first.report.conversationsAdded, conversations);
        QCOMPARE(first.report.messagesAdded, conversations * 4);
        QCOMPARE(first.report.assetsAdded, conversations * 2);
        QCOMPARE(progress.size(), pages);
        const auto last = progress.last().first().value<SyncProgress>();
        QCOMPARE(last.conversationsDone, conversations);
        QCOMPARE(last.conversationsTotal, conversations);
        QCOMPARE(*store.repository->conversationCount(), conversations);
        QCOMPARE(duplicates(store), 0);
        // Messages keep the server's order.
        if (conversations > 0) {
            auto list = store.repository->conversations(1); // newest
            auto messages = store.repository->messages(list->first().id);
            QCOMPARE(messages->size(), 4);
            for (int i = 0; i < 4; ++i)
                QVERIFY(messages->at(i).remoteId.endsWith(u"-m" + QString::number(i)));
        }

        // The next run asks only for what changed after the newest row, and finds nothing.
        history.clearFinds();
        const SyncRun again = SyncRun::of(engine);
        QVERIFY(again.finished);
        QCOMPARE(again.report.conversationsSeen, 0);
        QCOMPARE(again.report.conversationsAdded + again.report.conversationsUpdated, 0);
        QCOMPARE(again.report.messagesAdded + again.report.messagesUpdated, 0);
        if (conversations > 0) {
            const QJsonObject where = history.finds().first().value(u"where").toObject();
            QCOMPARE(where.value(u"updated_at").toObject().value(u"gt").toString(),
                FakeLuzmoHistory::time(m_start.addSecs(conversations - 1)));
        }
    }

    void incrementalAsksOnlyForNewMessages()
    {
        FakeLuzmoHistory history;
        QVERIFY(history.listen());
        history.generate(3, 2, m_start);
        TempStore store;
        LuzmoClient c = client(history);
        LuzmoSyncSource source(c, u"luzmo"_s);
        SyncEngine engine(*store.repository, source);
        QVERIFY(SyncRun::of(engine).finished);

        const QDateTime later = m_start.addSecs(3600);
        history.addMessage(FakeLuzmoHistory::conversationId(1), u"And by quarter?"_s, later);
        history.clearFinds();
        const SyncRun run = SyncRun::of(engine);
        QVERIFY(run.finished);
        const QJsonObject find = history.finds().first();
        const QString since = FakeLuzmoHistory::time(m_start.addSecs(2));
        QCOMPARE(
            find.value(u"where").toObject().value(u"updated_at").toObject().value(u"gt"), since);
        const QJsonObject include = find.value(u"include").toArray().first().toObject();
        QCOMPARE(
            include.value(u"where").toObject().value(u"updated_at").toObject().value(u"gt"), since);
        QCOMPARE(run.report.conversationsSeen, 1);
        QCOMPARE(run.report.messagesSeen, 1);
        QCOMPARE(run.report.messagesAdded, 1);
        QCOMPARE(run.report.conversationsUpdated, 1);
        auto list = store.repository->conversations(10);
        QCOMPARE(list->first().remoteId, FakeLuzmoHistory::conversationId(1)); // newest now
        auto messages = store.repository->messages(list->first().id);
        QCOMPARE(messages->size(), 3);
        QCOMPARE(messages->last().text, u"And by quarter?"_s);
        QCOMPARE(messages->last().seq, 3);
    }

    void remoteDeletionBecomesSoftDelete()
    {
        FakeLuzmoHistory history;
        QVERIFY(history.listen());
        history.generate(3, 2, m_start);
        TempStore store;
        LuzmoClient c = client(history);
        LuzmoSyncSource source(c, u"luzmo"_s);
        SyncEngine engine(*store.repository, source);
        QVERIFY(SyncRun::of(engine).finished);
        auto local = store.repository->createConversation(u"Only here"_s); // never synced

        history.remove(FakeLuzmoHistory::conversationId(1));
        QSignalSpy removed(store.repository.get(), &Repository::conversationRemoved);
        const SyncRun run = SyncRun::of(engine);
        QVERIFY(run.finished);
        QCOMPARE(run.report.conversationsDeleted, 1);
        QCOMPARE(removed.size(), 1);
        auto gone = store.repository->conversation(removed.first().first().toLongLong());
        QVERIFY(gone->deleted);
        QCOMPARE(gone->remoteId, FakeLuzmoHistory::conversationId(1));
        QCOMPARE(*store.repository->messageCount(gone->id), 2); // soft: the rows stay
        QCOMPARE(*store.repository->conversationCount(), 3); // 2 remote + the local one
        QVERIFY(!store.repository->conversation(local->id)->deleted);

        const SyncRun again = SyncRun::of(engine);
        QCOMPARE(again.report.conversationsDeleted, 0);
    }

    void serverErrorMidSyncKeepsStoredPages()
    {
        FakeLuzmoHistory history;
        QVERIFY(history.listen());
        history.generate(6, 2, m_start);
        history.failRequest(2, 500);
        TempStore store;
        LuzmoClient c = client(history);
        LuzmoSyncSource source(c, u"luzmo"_s);
        source.setPageSize(2);
        SyncEngine engine(*store.repository, source);
        const SyncRun broken = SyncRun::of(engine);
        QVERIFY(broken.failed);
        QCOMPARE(broken.error.code, SyncError::Code::Backend);
        QVERIFY(broken.error.api);
        QCOMPARE(broken.error.api->httpStatus, 500);
        QVERIFY2(broken.error.message.contains(u"(2)"), qPrintable(broken.error.message));
        QCOMPARE(*store.repository->conversationCount(), 2); // the first page is kept
        // The cursor moved with the stored page only.
        SyncWriter writer(store.database);
        const QJsonObject cursor
            = QJsonDocument::fromJson(writer.cursor(u"luzmo"_s)->toUtf8()).object();
        QCOMPARE(
            cursor.value(u"after").toObject().value(u"id"), FakeLuzmoHistory::conversationId(1));
        QVERIFY(!writer.syncedAt(u"luzmo"_s)->isValid());

        history.clearFinds();
        const SyncRun resumed = SyncRun::of(engine);
        QVERIFY2(resumed.finished, qPrintable(resumed.error.message));
        QCOMPARE(resumed.report.conversationsAdded, 4); // the rest, nothing twice
        const QJsonArray orWhere
            = history.finds().first().value(u"where").toObject().value(u"or").toArray();
        QCOMPARE(orWhere.size(), 2);
        QCOMPARE(*store.repository->conversationCount(), 6);
        QCOMPARE(duplicates(store), 0);
        QVERIFY(writer.syncedAt(u"luzmo"_s)->isValid());
    }

    void cancelStopsTheRun()
    {
        FakeLuzmoHistory history;
        QVERIFY(history.listen());
        history.generate(10, 2, m_start);
        TempStore store;
        LuzmoClient c = client(history);
        LuzmoSyncSource source(c, u"luzmo"_s);
        source.setPageSize(2);
        SyncEngine engine(*store.repository, source);
        connect(&engine, &SyncEngine::progressChanged, &engine, [&engine](const SyncProgress &p) {
            if (p.pages == 2)
                engine.cancel();
        });
        const SyncRun run = SyncRun::of(engine);
        QVERIFY(run.failed);
        QCOMPARE(run.error.code, SyncError::Code::Cancelled);
        QCOMPARE(*store.repository->conversationCount(), 4);
        QVERIFY(!engine.isRunning());
    }

    void tenThousandMessagesInPages()
    {
        FakeLuzmoHistory history;
        QVERIFY(history.listen());
        history.generate(100, 100, m_start);
        TempStore store;
        LuzmoClient c = client(history);
        LuzmoSyncSource source(c, u"luzmo"_s);
        SyncEngine engine(*store.repository, source);
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, &ticker, [&ticks] { ++ticks; });
        ticker.start();
        const SyncRun run = SyncRun::of(engine, 120000);
        QVERIFY2(run.finished, qPrintable(run.error.message));
        QVERIFY(run.report.pages > 10); // ~500 messages a page
        QCOMPARE(run.report.messagesAdded, 10000);
        QCOMPARE(run.report.assetsAdded, 5000);
        QCOMPARE(scalar(store, u"SELECT count(*) FROM messages"_s), 10000);
        QVERIFY(ticks > 0); // the event loop ran during the sync (the bench measures the gaps)
    }
};

QTEST_GUILESS_MAIN(TestSyncFake)
#include "tst_syncfake.moc"
