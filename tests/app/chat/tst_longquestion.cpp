// A long question in the chat session (issue 13.2): the store writes it on its background
// thread and the answer is asked for once it is stored; if it cannot be stored, the session
// says so with the text, and the conversation made for it is gone. Real store, the Luzmo
// backend, real HTTP over loopback; the store is read back with plain SQL.

#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "tests/app/chat/fakeluzmoconfig.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray recordedStream()
{
    QFile f(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// (role, status) of the conversation's messages in order.
QStringList messagesOf(const Database &db, qint64 conversationId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT role, status FROM messages WHERE conversation_id = ? ORDER BY seq"_s);
    q.addBindValue(conversationId);
    if (!q.exec())
        qFatal("select failed: %s", qPrintable(q.lastError().text()));
    QStringList out;
    while (q.next())
        out << q.value(0).toString() + u'/' + q.value(1).toString();
    return out;
}

bool deleted(const Database &db, qint64 conversationId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT deleted FROM conversations WHERE id = ?"_s);
    q.addBindValue(conversationId);
    return q.exec() && q.next() && q.value(0).toBool();
}

// About 200,000 characters of a question (a pasted report), ending in a word to find.
QString longQuestion()
{
    return u"Revenue in EMEA grew against the prior quarter. "_s.repeated(4000)
        + u"Summarise this report."_s;
}
} // namespace

class TestLongQuestion : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void storedThenAsked()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        store.repository->indexLongMessagesInBackground(); // as the app does (64 KiB)
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray stream = recordedStream();
        QVERIFY(!stream.isEmpty());
        server.setHandler(
            [&](const FakeHttpServer::Request &) { return FakeHttpServer::sse({ stream }); });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QSignalSpy notSaved(&session, &ChatSession::questionNotSaved);

        const QString text = longQuestion();
        const auto conversation = session.send(0, text);
        QVERIFY2(conversation, conversation ? "" : qPrintable(conversation.error().toString()));
        QVERIFY(session.isSavingQuestion());
        QVERIFY(!session.isBusy()); // nothing is asked before the question is stored
        // A second question meanwhile is refused in words.
        const auto again = session.send(*conversation, u"And by region?"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().code, StoreError::Code::Busy);

        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !notSaved.isEmpty(), 10000);
        QVERIFY2(notSaved.isEmpty(),
            notSaved.isEmpty() ? ""
                               : qPrintable(notSaved.first().at(2).value<StoreError>().toString()));
        QVERIFY(!session.isSavingQuestion());
        QCOMPARE(messagesOf(store.database, *conversation),
            (QStringList { u"user/complete"_s, u"assistant/complete"_s }));
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"SELECT text FROM messages WHERE role = 'user'"_s) && q.next());
        QCOMPARE(q.value(0).toString(), text);
        // The request asked the stored question, whole.
        QCOMPARE(server.requests().size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(server.requests().first().body).object();
        const QJsonArray inputs = body[u"properties"_s][u"input"_s].toArray();
        QVERIFY(!inputs.isEmpty());
        QCOMPARE(inputs.first()[u"type"_s].toString(), u"text"_s);
        QCOMPARE(inputs.first()[u"text"_s].toString(), text);
    }

    void notStoredIsGivenBack()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        store.repository->indexLongMessagesInBackground();
        QSqlQuery q(store.database.connection());
        QVERIFY2(q.exec(u"CREATE TRIGGER refuse_long BEFORE INSERT ON messages "
                        u"WHEN length(NEW.text) > 100000 "
                        u"BEGIN SELECT RAISE(ABORT, 'no room for this message'); END"_s),
            qPrintable(q.lastError().text()));
        FakeHttpServer server;
        QVERIFY(server.listen());
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy notSaved(&session, &ChatSession::questionNotSaved);

        const QString text = longQuestion();
        const auto conversation = session.send(0, text);
        QVERIFY(conversation);
        QVERIFY(notSaved.wait(10000));
        QCOMPARE(notSaved.first().at(0).toLongLong(), *conversation);
        QCOMPARE(notSaved.first().at(1).value<QuestionText>().joined(), text);
        QVERIFY(notSaved.first().at(2).value<StoreError>().toString().contains(
            u"no room for this message"_s));
        QVERIFY(!session.isSavingQuestion());
        QCOMPARE(messagesOf(store.database, *conversation), QStringList());
        QVERIFY(deleted(store.database, *conversation));
        QCOMPARE(server.requests().size(), 0);
        // The session takes the next question.
        QVERIFY(session.send(0, u"Show monthly revenue"_s));
    }
};

QTEST_MAIN(TestLongQuestion)
#include "tst_longquestion.moc"
