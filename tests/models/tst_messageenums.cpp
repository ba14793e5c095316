#include "models/outboxentry.h"
#include "models/types.h"
#include "tests/support/tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

// The spellings SQLite holds (written by hand here, as the migrations' CHECK constraints list
// them), read and written through QMetaEnum.
class TestMessageEnums : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roles_data()
    {
        QTest::addColumn<MessageRole>("role");
        QTest::addColumn<QString>("stored");
        QTest::newRow("user") << MessageRole::User << u"user"_s;
        QTest::newRow("assistant") << MessageRole::Assistant << u"assistant"_s;
        QTest::newRow("system") << MessageRole::System << u"system"_s;
    }
    void roles()
    {
        QFETCH(MessageRole, role);
        QFETCH(QString, stored);
        QCOMPARE(roleName(role), stored);
        MessageRole parsed = role == MessageRole::User ? MessageRole::System : MessageRole::User;
        QVERIFY(parseRole(stored, &parsed));
        QCOMPARE(parsed, role);
        QCOMPARE(QVariant::fromValue(role).toString(), stored);
    }

    void statuses_data()
    {
        QTest::addColumn<MessageStatus>("status");
        QTest::addColumn<QString>("stored");
        QTest::newRow("pending") << MessageStatus::Pending << u"pending"_s;
        QTest::newRow("streaming") << MessageStatus::Streaming << u"streaming"_s;
        QTest::newRow("complete") << MessageStatus::Complete << u"complete"_s;
        QTest::newRow("interrupted") << MessageStatus::Interrupted << u"interrupted"_s;
        QTest::newRow("error") << MessageStatus::Error << u"error"_s;
    }
    void statuses()
    {
        QFETCH(MessageStatus, status);
        QFETCH(QString, stored);
        QCOMPARE(statusName(status), stored);
        MessageStatus parsed
            = status == MessageStatus::Error ? MessageStatus::Pending : MessageStatus::Error;
        QVERIFY(parseStatus(stored, &parsed));
        QCOMPARE(parsed, status);
        QCOMPARE(QVariant::fromValue(status).toString(), stored);
    }

    void outboxStatuses()
    {
        using S = OutboxEntry::Status;
        const QList<std::pair<S, QString>> expected { { S::Queued, u"queued"_s },
            { S::Sending, u"sending"_s }, { S::Sent, u"sent"_s }, { S::Cancelled, u"cancelled"_s },
            { S::Failed, u"failed"_s } };
        for (const auto &[status, stored] : expected) {
            QCOMPARE(OutboxEntry::statusName(status), stored);
            S parsed = status == S::Queued ? S::Failed : S::Queued;
            QVERIFY(OutboxEntry::parseStatus(stored, &parsed));
            QCOMPARE(parsed, status);
        }
    }

    void onlyTheStoredSpellingParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("key's own case") << u"Streaming"_s;
        QTest::newRow("upper case") << u"STREAMING"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("padded") << u" streaming"_s;
        QTest::newRow("unknown") << u"thinking"_s;
    }
    void onlyTheStoredSpellingParses()
    {
        QFETCH(QString, text);
        MessageStatus status = MessageStatus::Complete;
        QVERIFY(!parseStatus(text, &status));
        QCOMPARE(status, MessageStatus::Complete); // untouched
        MessageRole role = MessageRole::User;
        QVERIFY(!parseRole(text, &role));
        OutboxEntry::Status outbox = OutboxEntry::Status::Sent;
        QVERIFY(!OutboxEntry::parseStatus(text, &outbox));
    }

    void theStoreWritesTheSpellings()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const qint64 conv = store.addConversation(u"spellings"_s, 0);
        Message m;
        m.conversationId = conv;
        m.role = MessageRole::Assistant;
        m.status = MessageStatus::Interrupted;
        QVERIFY(store.repository->addMessage(m));
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"SELECT role, status FROM messages"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"assistant"_s);
        QCOMPARE(q.value(1).toString(), u"interrupted"_s);
    }
};

QTEST_GUILESS_MAIN(TestMessageEnums)
#include "tst_messageenums.moc"
