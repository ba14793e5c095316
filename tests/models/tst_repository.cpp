#include "models/database.h"
#include "models/repository.h"
#include "tests/support/tempstore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversationLifecycle()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        QSignalSpy added(&repo, &Repository::conversationAdded);
        QSignalSpy changed(&repo, &Repository::conversationChanged);
        QSignalSpy removed(&repo, &Repository::conversationRemoved);

        auto c = repo.createConversation(u"Revenue questions"_s, u"luzmo"_s, u"remote-1"_s);
        QVERIFY(c);
        QVERIFY(c->id > 0);
        QCOMPARE(added.count(), 1);
        auto read = repo.conversation(c->id);
        QVERIFY(read);
        QCOMPARE(read->title, u"Revenue questions"_s);
        QCOMPARE(read->backend, u"luzmo"_s);
        QCOMPARE(read->remoteId, u"remote-1"_s);
        QVERIFY(read->createdAt.isValid());

        QVERIFY(!repo.renameConversation(c->id, u"Margins"_s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<Conversation>().title, u"Margins"_s);
        QCOMPARE(repo.conversation(c->id)->title, u"Margins"_s);

        QVERIFY(!repo.deleteConversation(c->id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(*repo.conversationCount(), 0);
        QVERIFY(repo.conversation(c->id)->deleted); // soft delete: the row is kept
        auto again = repo.deleteConversation(c->id);
        QVERIFY(again.has_value());
        QCOMPARE(again->code, StoreError::Code::NotFound);
        QCOMPARE(repo.renameConversation(4242, u"x"_s)->code, StoreError::Code::NotFound);
    }

    void sameRemoteIdTwiceIsRefused()
    {
        TempStore store;
        QVERIFY(store.repository->createConversation(u"a"_s, u"luzmo"_s, u"r1"_s));
        auto dup = store.repository->createConversation(u"b"_s, u"luzmo"_s, u"r1"_s);
        QVERIFY(!dup);
        QVERIFY(store.repository->createConversation(u"c"_s, u"looker"_s, u"r1"_s));
    }

    void newestFirstWithPaging()
    {
        TempStore store;
        const qint64 a = store.addConversation(u"oldest"_s, 1);
        const qint64 b = store.addConversation(u"middle"_s, 1);
        const qint64 c = store.addConversation(u"newest"_s, 1);
        QVERIFY(a && b && c);
        // A new message in the oldest conversation makes it the newest.
        Message m;
        m.conversationId = a;
        m.text = u"bump"_s;
        QTest::qWait(2); // distinct millisecond timestamps
        QVERIFY(store.repository->addMessage(m));
        auto first = store.repository->conversations(2, 0);
        auto second = store.repository->conversations(2, 2);
        QVERIFY(first && second);
        QCOMPARE(first->size(), 2);
        QCOMPARE(first->at(0).id, a);
        QCOMPARE(first->at(1).id, c);
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->at(0).id, b);
    }

    void messagesAndAssets()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"Chart"_s, 0);
        QSignalSpy added(&repo, &Repository::messageAdded);
        QSignalSpy changed(&repo, &Repository::messageChanged);

        Message answer;
        answer.conversationId = conv;
        answer.role = MessageRole::Assistant;
        answer.agent = u"item"_s;
        answer.task = u"generate"_s;
        answer.localeId = u"en"_s;
        answer.status = MessageStatus::Streaming;
        Asset chart;
        chart.type = u"item"_s;
        chart.valueJson = R"({"type":"line-chart","slots":[]})";
        answer.assets << chart;
        auto stored = repo.addMessage(answer);
        QVERIFY(stored);
        QCOMPARE(stored->seq, 1);
        QCOMPARE(stored->assets.size(), 1);
        QVERIFY(stored->assets.first().id > 0);
        QCOMPARE(added.count(), 1);

        Message update = *stored;
        update.text = u"Monthly revenue grew 12%."_s;
        update.status = MessageStatus::Complete;
        update.remoteId = u"msg-9"_s;
        QVERIFY(!repo.updateMessage(update,
            Repository::MessageField::Text | Repository::MessageField::Status
                | Repository::MessageField::RemoteId));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).value<Repository::MessageFields>(),
            Repository::MessageField::Text | Repository::MessageField::Status
                | Repository::MessageField::RemoteId);

        auto read = repo.message(stored->id);
        QVERIFY(read);
        QCOMPARE(read->text, u"Monthly revenue grew 12%."_s);
        QCOMPARE(read->status, MessageStatus::Complete);
        QCOMPARE(read->remoteId, u"msg-9"_s);
        QCOMPARE(read->agent, u"item"_s);
        QCOMPARE(read->localeId, u"en"_s);
        QCOMPARE(read->assets.size(), 1);
        QCOMPARE(read->assets.first().valueJson, chart.valueJson);

        const QDateTime at = QDateTime::currentDateTimeUtc();
        const qint64 assetId = read->assets.first().id;
        QVERIFY(!repo.setAssetSnapshot(assetId, R"({"rows":[[1,2]]})", at));
        auto asset = repo.asset(assetId);
        QVERIFY(asset);
        QCOMPARE(asset->dataJson, QByteArray(R"({"rows":[[1,2]]})"));
        QCOMPARE(asset->dataTakenAt.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
    }

    void pagesFromTheNewestEnd()
    {
        TempStore store;
        const qint64 conv = store.addConversation(u"Long"_s, 25);
        auto newest = store.repository->messages(conv, 0, 10);
        QVERIFY(newest);
        QCOMPARE(newest->size(), 10);
        QCOMPARE(newest->first().seq, 16);
        QCOMPARE(newest->last().seq, 25);
        auto older = store.repository->messages(conv, newest->first().seq, 10);
        QCOMPARE(older->first().seq, 6);
        QCOMPARE(older->last().seq, 15);
        auto oldest = store.repository->messages(conv, older->first().seq, 10);
        QCOMPARE(oldest->size(), 5);
        QCOMPARE(oldest->first().text, u"message 1"_s);
    }

    void failedWriteRollsBackEverything()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"Rollback"_s, 1);
        const QDateTime before = repo.conversation(conv)->updatedAt;
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"CREATE TEMP TRIGGER refuse_assets BEFORE INSERT ON message_assets "
                       u"BEGIN SELECT RAISE(ABORT, 'asset refused'); END"_s));
        QSignalSpy added(&repo, &Repository::messageAdded);
        Message m;
        m.conversationId = conv;
        m.text = u"with a chart"_s;
        Asset a;
        a.type = u"item"_s;
        a.valueJson = "{}";
        m.assets << a;
        QTest::qWait(2);
        auto result = repo.addMessage(m);
        QVERIFY(!result);
        QVERIFY(result.error().detail.contains(u"asset refused"_s));
        QCOMPARE(added.count(), 0);
        QCOMPARE(*repo.messageCount(conv), 1); // the message insert was rolled back too
        QCOMPARE(repo.conversation(conv)->updatedAt, before);
        QCOMPARE(repo.search(u"chart"_s)->size(), 0);
    }

    void unknownConversationIsRefused()
    {
        TempStore store;
        Message m;
        m.conversationId = 999;
        m.text = u"orphan"_s;
        QVERIFY(!store.repository->addMessage(m)); // foreign keys are on
    }

    void searchFindsMessagesAndTitles()
    {
        TempStore store;
        Repository &repo = *store.repository;
        auto c = repo.createConversation(u"Regional margins"_s);
        Message m;
        m.conversationId = c->id;
        m.text = u"Compare the margin by region for 2024"_s;
        QVERIFY(repo.addMessage(m));
        m.text = u"Show monthly revenue as a line chart"_s;
        QVERIFY(repo.addMessage(m));

        auto hits = repo.search(u"margin"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1); // "margins" in the title is another word
        QCOMPARE(hits->first().messageId > 0, true);
        QVERIFY(hits->first().snippetWith(u"["_s, u"]"_s).contains(u"[margin]"_s));

        hits = repo.search(u"margin*"_s);
        QCOMPARE(hits->size(), 2); // the title and the message
        QCOMPARE(hits->first().messageId, 0);

        QCOMPARE(repo.search(u"\"line chart\""_s)->size(), 1);
        QCOMPARE(repo.search(u"\"chart line\""_s)->size(), 0);
        QCOMPARE(repo.search(u"revenue OR region"_s)->size(), 2);
        QCOMPARE(repo.search(u"revenue NOT monthly"_s)->size(), 0);
        QCOMPARE(repo.search(u"REVENUE"_s)->size(), 1); // case-insensitive
        QVERIFY(repo.search(u"(\"*:^"_s)); // syntax characters never make an error

        // Streaming updates keep the index in step.
        Message streaming = repo.messages(c->id)->last();
        streaming.text = u"Quarterly forecast"_s;
        QVERIFY(!repo.updateMessage(streaming, Repository::MessageField::Text));
        QCOMPARE(repo.search(u"forecast"_s)->size(), 1);
        QCOMPARE(repo.search(u"monthly"_s)->size(), 0);

        QVERIFY(!repo.deleteConversation(c->id));
        QCOMPARE(repo.search(u"forecast"_s)->size(), 0);
    }

    void messagesAreRankedByRelevance()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"Ranking"_s, 0);
        Message m;
        m.conversationId = conv;
        m.text = u"A long note that mentions forecast once among many other words about cost, "
                 u"units, regions, products, quarters and the weather"_s;
        const qint64 weak = repo.addMessage(m)->id;
        m.text = u"Forecast: the forecast for Q3"_s;
        const qint64 strong = repo.addMessage(m)->id;
        m.text = u"unrelated"_s;
        QVERIFY(repo.addMessage(m));
        auto hits = repo.search(u"forecast"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->at(0).messageId, strong); // denser match first, though not the newest
        QCOMPARE(hits->at(1).messageId, weak);
        QVERIFY(hits->at(0).rank < hits->at(1).rank);
        QCOMPARE(repo.search(u"forecast"_s, 1)->size(), 1);
    }

    void searchFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<bool>("hasChart");
        QTest::addColumn<QStringList>("expected");

        const QString revenue = u"revenue"_s;
        const QDate any;
        // Titles: "title A" (local, updated 2024-03-25, has a chart), "title C" (looker, updated
        // 2024-06-01, no chart). Messages: a1 (local, 2024-03-01, chart), a2 (local, 2024-03-20
        // 23:30, no chart), b1 (luzmo, 2024-05-05, chart).
        QTest::newRow("no filter")
            << revenue << QString() << any << any << false
            << QStringList { u"title A"_s, u"title C"_s, u"a1"_s, u"a2"_s, u"b1"_s };
        QTest::newRow("backend local") << revenue << u"local"_s << any << any << false
                                       << QStringList { u"title A"_s, u"a1"_s, u"a2"_s };
        QTest::newRow("backend luzmo")
            << revenue << u"luzmo"_s << any << any << false << QStringList { u"b1"_s };
        QTest::newRow("backend unknown")
            << revenue << u"nowhere"_s << any << any << false << QStringList {};
        QTest::newRow("from only") << revenue << QString() << QDate(2024, 3, 15) << any << false
                                   << QStringList { u"title A"_s, u"title C"_s, u"a2"_s, u"b1"_s };
        QTest::newRow("to is inclusive") << revenue << QString() << any << QDate(2024, 3, 20)
                                         << false << QStringList { u"a1"_s, u"a2"_s };
        QTest::newRow("one month")
            << revenue << QString() << QDate(2024, 3, 1) << QDate(2024, 3, 31) << false
            << QStringList { u"title A"_s, u"a1"_s, u"a2"_s };
        QTest::newRow("one day") << revenue << QString() << QDate(2024, 5, 5) << QDate(2024, 5, 5)
                                 << false << QStringList { u"b1"_s };
        QTest::newRow("has chart") << revenue << QString() << any << any << true
                                   << QStringList { u"title A"_s, u"a1"_s, u"b1"_s };
        QTest::newRow("all filters") << revenue << u"local"_s << QDate(2024, 2, 1)
                                     << QDate(2024, 3, 10) << true << QStringList { u"a1"_s };
        QTest::newRow("prefix and backend")
            << u"rev*"_s << u"looker"_s << any << any << false << QStringList { u"title C"_s };
        QTest::newRow("phrase and chart")
            << u"\"revenue by\""_s << QString() << any << any << true << QStringList { u"a1"_s };
        QTest::newRow("OR and backend") << u"forecast OR margin"_s << u"luzmo"_s << any << any
                                        << false << QStringList { u"title B"_s, u"b1"_s };
    }

    void searchFilters()
    {
        QFETCH(QString, query);
        QFETCH(QString, backend);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(bool, hasChart);
        QFETCH(QStringList, expected);

        TempStore store;
        Repository &repo = *store.repository;
        QHash<qint64, QString> names;
        const auto add = [&](qint64 conversation, const QString &name, const QString &text,
                             const QDateTime &at, bool chart) {
            Message m;
            m.conversationId = conversation;
            m.role = MessageRole::Assistant;
            m.text = text;
            m.createdAt = at;
            if (chart) {
                Asset a;
                a.type = u"item"_s;
                a.valueJson = R"({"type":"line-chart"})";
                m.assets << a;
            }
            auto stored = repo.addMessage(m);
            QVERIFY(stored);
            names.insert(stored->id, name);
        };
        const auto local = [](int y, int mo, int d, int h = 12, int mi = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::LocalTime);
        };
        const qint64 a = repo.createConversation(u"Revenue review"_s, u"local"_s)->id;
        const qint64 b = repo.createConversation(u"Margin talk"_s, u"luzmo"_s, u"r1"_s)->id;
        const qint64 c = repo.createConversation(u"Revenue plans"_s, u"looker"_s, u"r2"_s)->id;
        add(a, u"a1"_s, u"Revenue by region as a line chart"_s, local(2024, 3, 1), true);
        add(a, u"a2"_s, u"The revenue forecast for Q2"_s, local(2024, 3, 20, 23, 30), false);
        add(b, u"b1"_s, u"Revenue and margin per plan"_s, local(2024, 5, 5), true);
        add(c, u"c1"_s, u"No numbers yet"_s, local(2024, 6, 1), false);
        QSqlQuery q(repo.database().connection());
        QVERIFY(q.prepare(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s));
        for (const auto &[id, at] : { std::pair { a, local(2024, 3, 25) },
                 std::pair { b, local(2024, 5, 6) }, std::pair { c, local(2024, 6, 1) } }) {
            q.addBindValue(at.toMSecsSinceEpoch());
            q.addBindValue(id);
            QVERIFY(q.exec());
        }

        const auto hits = repo.search(query, 50, SearchFilter { backend, from, to, hasChart });
        QVERIFY(hits);
        QStringList found;
        for (const SearchHit &hit : *hits) {
            found << (hit.messageId ? names.value(hit.messageId)
                                    : u"title "_s
                        + (hit.conversationId == a        ? u"A"_s
                                : hit.conversationId == b ? u"B"_s
                                                          : u"C"_s));
        }
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void filterAppliesBeforeTheRankingWindow()
    {
        // Newer matches that the filter rejects must not fill the window and hide the old one.
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 local = repo.createConversation(u"Local"_s, u"local"_s)->id;
        const qint64 remote = repo.createConversation(u"Remote"_s, u"luzmo"_s, u"r"_s)->id;
        Message old;
        old.conversationId = remote;
        old.text = u"forecast from the remote history"_s;
        const qint64 oldId = repo.addMessage(old)->id;
        QSqlDatabase db = repo.database().connection();
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(u"INSERT INTO messages (conversation_id, role, text, created_at, "
                          u"updated_at, seq) VALUES (?, 'user', 'forecast again', 0, 0, ?)"_s));
        for (int i = 0; i < Repository::rankingWindow + 10; ++i) {
            q.addBindValue(local);
            q.addBindValue(i + 1);
            QVERIFY(q.exec());
        }
        QVERIFY(db.commit());

        auto hits = repo.search(u"forecast"_s, 5, SearchFilter { u"luzmo"_s, {}, {}, false });
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().messageId, oldId);
        QCOMPARE(repo.search(u"forecast"_s, 5)->size(), 5); // unfiltered: the newest window
    }

    void searchableBackendsAreDistinct()
    {
        TempStore store;
        Repository &repo = *store.repository;
        QCOMPARE(*repo.searchableBackends(), QStringList {});
        repo.createConversation(u"One"_s, u"local"_s);
        repo.createConversation(u"Two"_s, u"luzmo"_s, u"x"_s);
        repo.createConversation(u"Three"_s, u"local"_s);
        const qint64 gone = repo.createConversation(u"Four"_s, u"looker"_s, u"y"_s)->id;
        QVERIFY(!repo.deleteConversation(gone));
        QCOMPARE(*repo.searchableBackends(), (QStringList { u"local"_s, u"luzmo"_s }));
    }

    void startupMarksUnfinishedAnswersInterrupted()
    {
        TempStore store;
        const qint64 conv = store.addConversation(u"Crash"_s, 0);
        Message m;
        m.conversationId = conv;
        m.role = MessageRole::Assistant;
        m.status = MessageStatus::Streaming;
        m.text = u"partial ans"_s;
        auto stored = store.repository->addMessage(m);
        QCOMPARE(*store.repository->markStreamingInterrupted(), 1);
        auto read = store.repository->message(stored->id);
        QCOMPARE(read->status, MessageStatus::Interrupted);
        QCOMPARE(read->text, u"partial ans"_s);
        QVERIFY(!read->errorDetail.isEmpty());
        QCOMPARE(*store.repository->markStreamingInterrupted(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
