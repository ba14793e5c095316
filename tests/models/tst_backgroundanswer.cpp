// Repository::updateMessageInBackground (issue 14.3): a long answer's text is written by the
// background thread's connection and reported afterwards, in order with the other writes asked
// for; a short one is written at once. Every expectation is read back with plain SQL on the
// test's own connection, or on a fresh connection after the store was closed.
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/tempstore.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using Field = Repository::MessageField;

struct Row
{
    QString text;
    QString status;
};

Row rowOf(const Database &db, qint64 messageId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT text, status FROM messages WHERE id = ?"_s);
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        qFatal("select failed: %s", qPrintable(q.lastError().text()));
    return { q.value(0).toString(), q.value(1).toString() };
}

// A streaming answer in a new conversation, as ChatSession stores one.
Message streamingAnswer(Repository &repo)
{
    const qint64 c = repo.createConversation(u"Notes"_s)->id;
    Message m;
    m.conversationId = c;
    m.role = MessageRole::Assistant;
    m.status = MessageStatus::Streaming;
    return *repo.addMessage(m);
}

struct Outcome
{
    int calls = 0;
    StoreStatus error;
};

std::function<void(const StoreStatus &)> recordInto(Outcome &outcome)
{
    return [&outcome](const StoreStatus &e) {
        ++outcome.calls;
        outcome.error = e;
    };
}

} // namespace

class TestBackgroundAnswer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longTextIsWrittenInTheBackground()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        Message answer = streamingAnswer(repo);
        answer.text = u"quartz "_s.repeated(300) + u"omega"_s; // 2,105 characters
        answer.status = MessageStatus::Complete;
        const Repository::MessageFields fields = Field::Text | Field::Status;
        QVERIFY(repo.savesTextInBackground(answer, fields));
        QSignalSpy changed(&repo, &Repository::messageChanged);

        Outcome outcome;
        repo.updateMessageInBackground(answer, fields, this, recordInto(outcome));
        QCOMPARE(outcome.calls, 0); // reported from the loop, not from the call
        QCOMPARE(changed.count(), 0);

        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->toString()) : "");
        const Row row = rowOf(store.database, answer.id);
        QCOMPARE(row.text, answer.text);
        QCOMPARE(row.status, u"complete"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<Message>().id, answer.id);
        QCOMPARE(changed.first().at(1).value<Repository::MessageFields>(), fields);
        // Final, so the same thread indexes it: search finds it.
        QTRY_COMPARE(repo.search(u"omega"_s)->size(), 1);
    }

    void whatIsWrittenAtOnce_data()
    {
        QTest::addColumn<int>("threadLimit"); // 0: no background thread
        QTest::addColumn<int>("length");
        QTest::newRow("short text") << 1000 << 999;
        QTest::newRow("long text, no thread") << 0 << 200000;
    }
    void whatIsWrittenAtOnce()
    {
        QFETCH(int, threadLimit);
        QFETCH(int, length);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        if (threadLimit > 0)
            repo.indexLongMessagesInBackground(threadLimit);
        Message answer = streamingAnswer(repo);
        answer.text = QString(length, u'x');
        QVERIFY(!repo.savesTextInBackground(answer, Field::Text));
        Outcome outcome;
        repo.updateMessageInBackground(answer, Field::Text, this, recordInto(outcome));
        QCOMPARE(outcome.calls, 1);
        QVERIFY(!outcome.error);
        QCOMPARE(rowOf(store.database, answer.id).text.size(), length);
    }

    // A long streaming text is queued, then the end's shorter, reconciled text: the second goes
    // after the first, so the store ends with the shorter one, final.
    void aLaterShorterTextIsNotOverwritten()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        Message answer = streamingAnswer(repo);
        answer.text = QString(2'000'000, u'a');
        Outcome first;
        repo.updateMessageInBackground(answer, Field::Text, this, recordInto(first));
        Message ended = answer;
        ended.text = u"The reconciled answer."_s;
        ended.status = MessageStatus::Complete;
        QVERIFY(repo.savesTextInBackground(ended, Field::Text | Field::Status));
        Outcome second;
        repo.updateMessageInBackground(
            ended, Field::Text | Field::Status, this, recordInto(second));
        QTRY_COMPARE(second.calls, 1);
        QCOMPARE(first.calls, 1);
        QVERIFY(!first.error && !second.error);
        const Row row = rowOf(store.database, answer.id);
        QCOMPARE(row.text, ended.text);
        QCOMPARE(row.status, u"complete"_s);
        // Nothing queued any more: a short text is written at once again.
        QVERIFY(!repo.savesTextInBackground(ended, Field::Text));
    }

    // The background write fails (a trigger refuses it, as a full disk would): the report says
    // why in words and the text stored before stays.
    void aFailedWriteKeepsWhatWasStored()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        Message answer = streamingAnswer(repo);
        answer.text = u"kept"_s;
        QVERIFY(!repo.updateMessage(answer, Field::Text));
        QSqlQuery q(store.database.connection());
        QVERIFY2(q.exec(u"CREATE TRIGGER refuse_long BEFORE UPDATE ON messages "
                        u"WHEN length(NEW.text) > 1000 "
                        u"BEGIN SELECT RAISE(ABORT, 'no room for this answer'); END"_s),
            qPrintable(q.lastError().text()));
        QSignalSpy changed(&repo, &Repository::messageChanged);
        answer.text = QString(5000, u'y');
        Outcome outcome;
        repo.updateMessageInBackground(answer, Field::Text, this, recordInto(outcome));
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->toString().contains(u"no room for this answer"_s),
            qPrintable(outcome.error->toString()));
        QCOMPARE(rowOf(store.database, answer.id).text, u"kept"_s);
        QCOMPARE(changed.count(), 0);
    }

    // The caller is gone before the write is done: the text is still written, and nothing is
    // called on the caller.
    void theCallerMayGoFirst()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        Message answer = streamingAnswer(repo);
        answer.text = QString(300'000, u'z');
        QSignalSpy changed(&repo, &Repository::messageChanged);
        Outcome outcome;
        auto caller = std::make_unique<QObject>();
        repo.updateMessageInBackground(answer, Field::Text, caller.get(), recordInto(outcome));
        caller.reset();
        QTRY_COMPARE(changed.count(), 1);
        QTest::qWait(50); // the report would have come with the signal
        QCOMPARE(outcome.calls, 0);
        QCOMPARE(rowOf(store.database, answer.id).text.size(), 300'000);
    }

    // The store is closed (the app quits) with the write still queued: it is done first.
    void closingTheStoreWaitsForTheWrite()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Message answer = streamingAnswer(*store.repository);
        store.repository->indexLongMessagesInBackground(1000);
        answer.text = QString(3'000'000, u'w');
        answer.status = MessageStatus::Complete;
        Outcome outcome;
        store.repository->updateMessageInBackground(
            answer, Field::Text | Field::Status, this, recordInto(outcome));
        store.repository.reset();
        const Row row = rowOf(store.database, answer.id);
        QCOMPARE(row.text.size(), 3'000'000);
        QCOMPARE(row.status, u"complete"_s);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundAnswer)
#include "tst_backgroundanswer.moc"
