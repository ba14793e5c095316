// Search indexing of streaming answers and long messages (migration 9, DeferredIndex,
// SearchIndexThread): a streaming answer is not indexed until it is final, then exactly its final
// text is; a long message is indexed off the writing thread when the app asks for that. Every
// expectation is read back with plain SQL over the FTS5 table (MATCH, FTS5's own integrity-check
// against the messages table), not through the code under test.
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/tempstore.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The ids of the messages the index finds for `word`.
QList<qint64> indexed(const Database &db, const QString &word)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid"_s);
    q.addBindValue(word);
    if (!q.exec())
        qFatal("MATCH failed: %s", qPrintable(q.lastError().text()));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

int deferredCount(const Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(u"SELECT count(*) FROM messages WHERE fts_deferred = 1"_s) || !q.next())
        qFatal("count failed");
    return q.value(0).toInt();
}

// FTS5's own check of an external-content index against its table (rank 1: compare contents).
bool indexMatchesTable(const Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(u"INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)"_s);
}

Message answerIn(qint64 conversationId, MessageStatus status, const QString &text)
{
    Message m;
    m.conversationId = conversationId;
    m.role = MessageRole::Assistant;
    m.status = status;
    m.text = text;
    return m;
}

} // namespace

class TestDeferredIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamingAnswerIsIndexedWhenFinal_data()
    {
        QTest::addColumn<MessageStatus>("final");
        QTest::newRow("complete") << MessageStatus::Complete;
        QTest::newRow("interrupted") << MessageStatus::Interrupted;
        QTest::newRow("error") << MessageStatus::Error;
    }
    void streamingAnswerIsIndexedWhenFinal()
    {
        QFETCH(MessageStatus, final);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 c = repo.createConversation(u"Revenue"_s)->id;
        auto answer = repo.addMessage(answerIn(c, MessageStatus::Pending, {}));
        QVERIFY(answer);

        Message m = *answer;
        m.status = MessageStatus::Streaming;
        m.text = u"alpha"_s;
        QVERIFY(!repo.updateMessage(
            m, Repository::MessageField::Text | Repository::MessageField::Status));
        m.text = u"alpha beta"_s;
        QVERIFY(!repo.updateMessage(m, Repository::MessageField::Text));
        QCOMPARE(indexed(store.database, u"alpha"_s), QList<qint64>());
        QCOMPARE(indexed(store.database, u"beta"_s), QList<qint64>());
        QVERIFY(!repo.search(u"beta"_s)->size());

        m.text = u"alpha beta gamma"_s;
        m.status = final;
        QVERIFY(!repo.updateMessage(
            m, Repository::MessageField::Text | Repository::MessageField::Status));
        for (const QString &word : { u"alpha"_s, u"beta"_s, u"gamma"_s })
            QCOMPARE(indexed(store.database, word), QList<qint64> { m.id });
        QCOMPARE(deferredCount(store.database), 0);
        QVERIFY(indexMatchesTable(store.database));
        QCOMPARE(repo.search(u"gamma"_s)->size(), 1);
    }

    // A message indexed before (a queued prompt's failed answer asked again) leaves the index
    // when it streams again, and comes back with its new text only.
    void reusedAnswerDropsItsOldText()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 c = repo.createConversation(u"Revenue"_s)->id;
        auto answer = repo.addMessage(answerIn(c, MessageStatus::Error, u"timeout words"_s));
        QVERIFY(answer);
        QCOMPARE(indexed(store.database, u"timeout"_s), QList<qint64> { answer->id });

        Message m = *answer;
        m.status = MessageStatus::Streaming;
        m.text = u"fresh"_s;
        QVERIFY(!repo.updateMessage(
            m, Repository::MessageField::Text | Repository::MessageField::Status));
        QCOMPARE(indexed(store.database, u"timeout"_s), QList<qint64>());
        QCOMPARE(indexed(store.database, u"fresh"_s), QList<qint64>());

        // Only the status is written at the end: the stored text is what gets indexed.
        m.status = MessageStatus::Complete;
        QVERIFY(!repo.updateMessage(m, Repository::MessageField::Status));
        QCOMPARE(indexed(store.database, u"fresh"_s), QList<qint64> { m.id });
        QCOMPARE(indexed(store.database, u"timeout"_s), QList<qint64>());
        QVERIFY(indexMatchesTable(store.database));
    }

    // A crash mid-answer: the start-up repair marks it interrupted and indexes what was saved.
    void repairIndexesWhatACrashLeft()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 c = repo.createConversation(u"Revenue"_s)->id;
        auto answer = repo.addMessage(answerIn(c, MessageStatus::Streaming, u"partial delta"_s));
        QVERIFY(answer);
        QCOMPARE(deferredCount(store.database), 1);
        QCOMPARE(*repo.markStreamingInterrupted(), 1);
        QCOMPARE(indexed(store.database, u"delta"_s), QList<qint64> { answer->id });
        QCOMPARE(deferredCount(store.database), 0);
        QVERIFY(indexMatchesTable(store.database));
    }

    void deletingAStreamingAnswerKeepsTheIndexWhole()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 c = repo.createConversation(u"Revenue"_s)->id;
        auto kept = repo.addMessage(answerIn(c, MessageStatus::Complete, u"kept words"_s));
        auto streaming = repo.addMessage(answerIn(c, MessageStatus::Streaming, u"gone"_s));
        QVERIFY(kept && streaming);
        QVERIFY(!repo.removeMessage(streaming->id));
        QVERIFY(indexMatchesTable(store.database));
        QCOMPARE(indexed(store.database, u"kept"_s), QList<qint64> { kept->id });
    }

    // With the background indexer (the app): a long message is indexed on its thread, a short
    // one in the write itself.
    void longMessagesIndexedInBackground_data()
    {
        QTest::addColumn<bool>("streamed"); // an answer that streamed, or a pasted question
        QTest::newRow("answer") << true;
        QTest::newRow("question") << false;
    }
    void longMessagesIndexedInBackground()
    {
        QFETCH(bool, streamed);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        QSignalSpy done(&repo, &Repository::searchIndexed);
        const qint64 c = repo.createConversation(u"Revenue"_s)->id;

        auto shortOne = repo.addMessage(answerIn(c, MessageStatus::Complete, u"brief note"_s));
        QVERIFY(shortOne);
        QCOMPARE(indexed(store.database, u"brief"_s), QList<qint64> { shortOne->id });

        const QString longText = u"zeta "_s.repeated(400) + u"omega"_s; // 2,005 bytes
        qint64 longId = 0;
        if (streamed) {
            auto answer = repo.addMessage(answerIn(c, MessageStatus::Streaming, u"zeta"_s));
            QVERIFY(answer);
            Message m = *answer;
            m.text = longText;
            m.status = MessageStatus::Complete;
            QVERIFY(!repo.updateMessage(
                m, Repository::MessageField::Text | Repository::MessageField::Status));
            longId = m.id;
        } else {
            Message question = answerIn(c, MessageStatus::Complete, longText);
            question.role = MessageRole::User;
            auto added = repo.addMessage(question);
            QVERIFY(added);
            longId = added->id;
        }
        QTRY_VERIFY_WITH_TIMEOUT(deferredCount(store.database) == 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
        QCOMPARE(indexed(store.database, u"omega"_s), QList<qint64> { longId });
        QVERIFY(indexMatchesTable(store.database));
    }
};

QTEST_GUILESS_MAIN(TestDeferredIndex)
#include "tst_deferredindex.moc"
