// Repository::addQuestionInBackground (issue 13.2): a long question is joined (typed text and
// paste) and written by the background thread's connection and reported afterwards; a short one
// is written at once. Every expectation is read back with plain SQL on the test's own
// connection.
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/tempstore.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Row
{
    qint64 seq = 0;
    QString role;
    QString text;
};

QList<Row> rows(const Database &db, qint64 conversationId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT seq, role, text FROM messages WHERE conversation_id = ? ORDER BY seq"_s);
    q.addBindValue(conversationId);
    if (!q.exec())
        qFatal("select failed: %s", qPrintable(q.lastError().text()));
    QList<Row> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString() });
    return out;
}

qint64 updatedAt(const Database &db, qint64 conversationId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT updated_at FROM conversations WHERE id = ?"_s);
    q.addBindValue(conversationId);
    if (!q.exec() || !q.next())
        qFatal("select failed");
    return q.value(0).toLongLong();
}

Message questionIn(qint64 conversationId, const QString &text)
{
    Message m;
    m.conversationId = conversationId;
    m.role = MessageRole::User;
    m.text = text;
    return m;
}

struct Outcome
{
    int calls = 0;
    std::optional<StoreResult<Message>> result;
};

} // namespace

class TestBackgroundSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longQuestionIsWrittenInTheBackground()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        const qint64 c = store.addConversation(u"Notes"_s, 2); // seq 1 and 2
        QSqlQuery(store.database.connection())
            .exec(u"UPDATE conversations SET updated_at = 5 WHERE id = %1"_s.arg(c));
        // Typed text and a paste, joined by the background thread (2,031 characters).
        const QuestionText question { u"Summarise this:"_s, u"zeta "_s.repeated(400) + u"omega"_s };
        const QString text = u"Summarise this:\n\n"_s + u"zeta "_s.repeated(400) + u"omega"_s;
        QVERIFY(repo.savesInBackground(question));
        QSignalSpy added(&repo, &Repository::messageAdded);
        QSignalSpy indexed(&repo, &Repository::searchIndexed);

        Outcome outcome;
        repo.addQuestionInBackground(
            questionIn(c, {}), question, [&](const StoreResult<Message> &r) {
                ++outcome.calls;
                outcome.result = r;
            });
        // Not written here: the call returned before its report, which comes from the loop.
        QCOMPARE(outcome.calls, 0);
        QCOMPARE(added.count(), 0);

        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY2(
            *outcome.result, *outcome.result ? "" : qPrintable(outcome.result->error().toString()));
        const Message stored = **outcome.result;
        const QList<Row> inStore = rows(store.database, c);
        QCOMPARE(inStore.size(), 3);
        QCOMPARE(inStore.last().seq, 3);
        QCOMPARE(inStore.last().role, u"user"_s);
        QCOMPARE(inStore.last().text, text);
        QCOMPARE(stored.seq, 3);
        QVERIFY(stored.id > 0);
        QVERIFY(updatedAt(store.database, c) > 5);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().value<Message>().id, stored.id);
        // Then indexed by the same thread: the search finds it. The thread's first run (what an
        // earlier session left, here nothing) may report 0 before this one reports 1.
        const auto indexedOne = [&indexed] {
            return std::any_of(indexed.cbegin(), indexed.cend(),
                [](const QList<QVariant> &args) { return args.first().toInt() == 1; });
        };
        QTRY_VERIFY(indexedOne());
        QCOMPARE(repo.search(u"omega"_s)->size(), 1);
    }

    void shortQuestionsAreWrittenAtOnce_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("stored");
        QTest::newRow("typed") << u"Revenue by month?"_s << QString() << u"Revenue by month?"_s;
        QTest::newRow("typed and pasted")
            << u"Explain:"_s << u"| a | b |"_s << u"Explain:\n\n| a | b |"_s;
        QTest::newRow("blank typed, pasted") << u"  \n"_s << u"| a | b |"_s << u"| a | b |"_s;
    }
    void shortQuestionsAreWrittenAtOnce()
    {
        QFETCH(QString, typed);
        QFETCH(QString, pasted);
        QFETCH(QString, stored);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        const qint64 c = repo.createConversation(u"Notes"_s)->id;
        const QuestionText question { typed, pasted };
        QVERIFY(!repo.savesInBackground(question));
        Outcome outcome;
        repo.addQuestionInBackground(
            questionIn(c, {}), question, [&](const StoreResult<Message> &r) {
                ++outcome.calls;
                outcome.result = r;
            });
        QCOMPARE(outcome.calls, 1);
        QVERIFY(*outcome.result);
        QCOMPARE(rows(store.database, c).size(), 1);
        QCOMPARE(rows(store.database, c).first().text, stored);
    }

    // Without the background thread (no file, or the app did not ask) nothing is deferred.
    void withoutTheThreadEverythingIsWrittenAtOnce()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        QVERIFY(!store.repository->savesInBackground(QuestionText(u"x"_s.repeated(200000))));
    }

    // The background connection's write fails (here a trigger refuses it, as a full disk would):
    // the report carries the reason in words, nothing is stored and no signal says otherwise.
    void aFailedWriteStoresNothingAndSaysWhy()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        repo.indexLongMessagesInBackground(1000);
        const qint64 c = store.addConversation(u"Notes"_s, 2);
        QSqlQuery q(store.database.connection());
        QVERIFY2(q.exec(u"CREATE TRIGGER refuse_long BEFORE INSERT ON messages "
                        u"WHEN length(NEW.text) > 1000 "
                        u"BEGIN SELECT RAISE(ABORT, 'no room for this message'); END"_s),
            qPrintable(q.lastError().text()));
        QSignalSpy added(&repo, &Repository::messageAdded);
        Outcome outcome;
        repo.addQuestionInBackground(questionIn(c, {}), QuestionText(u"y"_s.repeated(5000)),
            [&](const StoreResult<Message> &r) {
                ++outcome.calls;
                outcome.result = r;
            });
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(!*outcome.result);
        QVERIFY2(outcome.result->error().toString().contains(u"no room for this message"_s),
            qPrintable(outcome.result->error().toString()));
        QCOMPARE(rows(store.database, c).size(), 2);
        QCOMPARE(added.count(), 0);
        // The window's own writes go on afterwards (the background transaction was ended).
        QVERIFY(repo.addMessage(questionIn(c, u"short"_s)));
        QCOMPARE(rows(store.database, c).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSave)
#include "tst_backgroundsave.moc"
