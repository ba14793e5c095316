// The outbox store: order, cancel only while queued, the link to the pending message, restart.

#include "models/outbox.h"
#include "tests/support/tempstore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestOutbox : public QObject
{
    Q_OBJECT

private:
    static qint64 pendingQuestion(TempStore &store, qint64 conversation, const QString &text)
    {
        Message m;
        m.conversationId = conversation;
        m.role = MessageRole::User;
        m.text = text;
        m.status = MessageStatus::Pending;
        auto stored = store.repository->addMessage(m);
        return stored ? stored->id : 0;
    }

private Q_SLOTS:
    void keepsTheOrderWritten()
    {
        TempStore store;
        QVERIFY(store.error.isEmpty());
        Outbox outbox(store.database);
        QSignalSpy changed(&outbox, &Outbox::changed);
        const qint64 c = store.repository->createConversation(u"c"_s, u"luzmo"_s)->id;
        for (const QString &text : { u"first"_s, u"second"_s, u"third"_s })
            QVERIFY(outbox.enqueue(c, u"luzmo"_s, text, u"analyst"_s, u"generate"_s));
        QVERIFY(outbox.enqueue(c, u"looker"_s, u"elsewhere"_s, {}, {}));
        QCOMPARE(changed.count(), 4);

        auto all = outbox.queued();
        QVERIFY(all);
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->at(0).text, u"first"_s);
        QCOMPARE(all->at(1).text, u"second"_s);
        QCOMPARE(all->at(2).text, u"third"_s);
        QCOMPARE(all->at(0).agent, u"analyst"_s);
        QCOMPARE(all->at(0).status, OutboxEntry::Status::Queued);
        QVERIFY(all->at(0).createdAt.isValid());
        QCOMPARE(outbox.queued(u"looker"_s)->size(), 1);
        QCOMPARE(*outbox.queuedCount(u"luzmo"_s), 3);
        QCOMPARE(*outbox.queuedCount(), 4);
        QVERIFY(*outbox.hasQueued(c));
    }

    void cancelsOnlyWhileQueued_data()
    {
        QTest::addColumn<OutboxEntry::Status>("status");
        QTest::addColumn<bool>("cancels");
        QTest::newRow("queued") << OutboxEntry::Status::Queued << true;
        QTest::newRow("sending") << OutboxEntry::Status::Sending << false;
        QTest::newRow("sent") << OutboxEntry::Status::Sent << false;
        QTest::newRow("failed") << OutboxEntry::Status::Failed << false;
        QTest::newRow("cancelled") << OutboxEntry::Status::Cancelled << false;
    }

    void cancelsOnlyWhileQueued()
    {
        QFETCH(OutboxEntry::Status, status);
        QFETCH(bool, cancels);
        TempStore store;
        Outbox outbox(store.database);
        const qint64 c = store.repository->createConversation(u"c"_s, u"luzmo"_s)->id;
        const qint64 id = outbox.enqueue(c, u"luzmo"_s, u"q"_s, {}, {})->id;
        QVERIFY(!outbox.setStatus(id, status));
        auto cancelled = outbox.cancel(id);
        QVERIFY(cancelled);
        QCOMPARE(*cancelled, cancels);
        QCOMPARE(outbox.entry(id)->status, cancels ? OutboxEntry::Status::Cancelled : status);
        QCOMPARE(*outbox.queuedCount(), 0);
    }

    void findsItsPendingMessage()
    {
        TempStore store;
        Outbox outbox(store.database);
        const qint64 c = store.repository->createConversation(u"c"_s, u"luzmo"_s)->id;
        // The same text twice: the oldest pending message goes with the oldest row.
        const qint64 first = pendingQuestion(store, c, u"again"_s);
        const qint64 second = pendingQuestion(store, c, u"again"_s);
        QVERIFY(first && second);
        const OutboxEntry a = *outbox.enqueue(c, u"luzmo"_s, u"again"_s, {}, {});
        QCOMPARE(*outbox.messageFor(a), first);
        Message sent = *store.repository->message(first);
        sent.status = MessageStatus::Complete;
        QVERIFY(!store.repository->updateMessage(sent, Repository::MessageField::Status));
        const OutboxEntry b = *outbox.enqueue(c, u"luzmo"_s, u"again"_s, {}, {});
        QCOMPARE(*outbox.messageFor(b), second);
        const OutboxEntry other = *outbox.enqueue(c, u"luzmo"_s, u"not stored"_s, {}, {});
        QCOMPARE(*outbox.messageFor(other), qint64(0));
    }

    void survivesReopening()
    {
        TempStore store;
        const QString path = store.database.path();
        qint64 c = 0;
        {
            Outbox outbox(store.database);
            c = store.repository->createConversation(u"c"_s, u"luzmo"_s)->id;
            QVERIFY(pendingQuestion(store, c, u"one"_s));
            QVERIFY(pendingQuestion(store, c, u"two"_s));
            QVERIFY(outbox.enqueue(c, u"luzmo"_s, u"one"_s, {}, {}));
            const qint64 two = outbox.enqueue(c, u"luzmo"_s, u"two"_s, {}, {})->id;
            QVERIFY(outbox.enqueue(c, u"luzmo"_s, u"three"_s, {}, {}));
            QVERIFY(!outbox.setStatus(two, OutboxEntry::Status::Sending));
        }
        store.repository.reset();
        store.database.close();

        Database reopened;
        QVERIFY(!reopened.openFile(path));
        Repository repository(reopened);
        // The start-up repair leaves the waiting questions alone...
        QVERIFY(repository.markStreamingInterrupted());
        const auto messages = repository.messages(c);
        QCOMPARE(messages->size(), 2);
        QCOMPARE(messages->at(0).status, MessageStatus::Pending);
        QCOMPARE(messages->at(1).status, MessageStatus::Pending);
        // ...and a row cut off while sending is failed, not sent twice.
        Outbox outbox(reopened);
        QCOMPARE(*outbox.failInterruptedSends(), 1);
        const auto queued = outbox.queued();
        QCOMPARE(queued->size(), 2);
        QCOMPARE(queued->at(0).text, u"one"_s);
        QCOMPARE(queued->at(1).text, u"three"_s);
        QCOMPARE(*outbox.messageFor(queued->at(0)), messages->at(0).id);
    }

    void deletedConversationTakesItsQueue()
    {
        TempStore store;
        Outbox outbox(store.database);
        const qint64 c = store.repository->createConversation(u"c"_s, u"luzmo"_s)->id;
        QVERIFY(outbox.enqueue(c, u"luzmo"_s, u"q"_s, {}, {}));
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"DELETE FROM conversations WHERE id = "_s + QString::number(c)));
        QCOMPARE(*outbox.queuedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
