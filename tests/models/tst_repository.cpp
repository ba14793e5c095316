// Repository: conversations (create, rename, soft delete, paging), messages and assets, the
// all-or-nothing writes and the startup clean-up (search: tst_repositorysearch).
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

    void startupRemovesConversationsLeftEmpty()
    {
        // Killed between creating a conversation and storing its question: nothing to show.
        TempStore store;
        QVERIFY(store.addConversation(u"Killed before the question"_s, 0));
        const qint64 asked = store.addConversation(u"Asked"_s, 1);
        const qint64 remote
            = store.repository->createConversation(u"On the server"_s, u"luzmo"_s, u"r-1"_s)->id;
        QCOMPARE(*store.repository->removeConversationsLeftEmpty(), 1);
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"SELECT id FROM conversations WHERE deleted = 0 ORDER BY id"_s));
        QList<qint64> kept;
        while (q.next())
            kept.append(q.value(0).toLongLong());
        QCOMPARE(kept, (QList<qint64> { asked, remote }));
        QCOMPARE(*store.repository->removeConversationsLeftEmpty(), 0);
    }

    void resumableAnswerIsTheNewestInterruptedOneWithAState()
    {
        // Found through the partial index of migration 6: a resume state, interrupted, in a
        // conversation that is not deleted; the newest update wins.
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 live = store.addConversation(u"Live"_s, 0);
        const qint64 gone = store.addConversation(u"Gone"_s, 0);
        QSqlQuery q(repo.database().connection());
        qint64 updatedAt = 1000;
        const auto add = [&](qint64 conversation, MessageStatus status, const QVariant &state) {
            Message m;
            m.conversationId = conversation;
            m.role = MessageRole::Assistant;
            m.status = status;
            const qint64 id = repo.addMessage(m)->id;
            q.prepare(u"UPDATE messages SET resume_state = ?, updated_at = ? WHERE id = ?"_s);
            q.addBindValue(state);
            q.addBindValue(++updatedAt);
            q.addBindValue(id);
            return q.exec() ? id : 0;
        };
        QVERIFY(!repo.resumableAnswer()->has_value());
        const qint64 older = add(live, MessageStatus::Interrupted, u"{}"_s);
        add(live, MessageStatus::Interrupted, QVariant()); // nothing to resume from
        add(live, MessageStatus::Complete, u"{}"_s);
        const qint64 newer = add(gone, MessageStatus::Interrupted, u"{}"_s);
        QVERIFY(older && newer);
        QVERIFY(!repo.deleteConversation(gone));
        QCOMPARE(repo.resumableAnswer()->value().id, older);
        q.prepare(u"UPDATE conversations SET deleted = 0 WHERE id = ?"_s);
        q.addBindValue(gone);
        QVERIFY(q.exec());
        QCOMPARE(repo.resumableAnswer()->value().id, newer);
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
