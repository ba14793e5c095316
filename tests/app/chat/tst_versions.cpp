// Editing the last question and sending it again, and regenerating the last answer (issue 16.4):
// a real store, the Luzmo backend, real HTTP over loopback. What they replace stays, marked as
// an earlier version; every expectation about the rows is read back with plain SQL.
#include "app/core/chatsession.h"
#include "app/export/conversationexporter.h"
#include "app/luzmo/luzmobackend.h"
#include "models/jsonformat.h"
#include "tests/app/chat/fakeluzmoconfig.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
// Each row of the conversation as "seq role text|current" or "... |earlier", in seq order.
QStringList rows(const Database &db, qint64 conversation)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT seq, role, text, superseded_at IS NULL FROM messages "
              u"WHERE conversation_id = ? ORDER BY seq"_s);
    q.addBindValue(conversation);
    QStringList out;
    if (!q.exec())
        return { q.lastError().text() };
    while (q.next()) {
        out << u"%1 %2 %3|%4"_s.arg(q.value(0).toString(), q.value(1).toString(),
            q.value(2).toString().left(20), q.value(3).toBool() ? u"current"_s : u"earlier"_s);
    }
    return out;
}

QString askedText(const FakeHttpServer &server, int request)
{
    const QJsonObject body = QJsonDocument::fromJson(server.requests().at(request).body).object();
    return body[u"properties"_s][u"input"_s][0][u"text"_s].toString();
}

// The recorded answer's text, abbreviated as rows() shows it.
const QString answer20 = u"Here is the monthly "_s;
} // namespace

class TestVersions : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    struct Chat
    {
        TempStore store;
        FakeHttpServer server;
        std::unique_ptr<LuzmoBackend> backend;
        std::unique_ptr<ChatSession> session;
    };

    bool open(Chat &chat)
    {
        if (!chat.store.error.isEmpty() || !chat.server.listen())
            return false;
        chat.server.setHandler([n = 0](const FakeHttpServer::Request &) mutable {
            return FakeHttpServer::sse({ recordedLuzmoAnswer(++n) });
        });
        chat.backend = std::make_unique<LuzmoBackend>(m_network, fakeLuzmoConfig(chat.server));
        chat.session = std::make_unique<ChatSession>(*chat.store.repository);
        chat.session->setBackend(chat.backend.get());
        return true;
    }

    // Sends `text` (or resends it in place of `questionId`) and waits for the answer.
    static bool ask(Chat &chat, qint64 *conversation, const QString &text, qint64 questionId = 0)
    {
        QSignalSpy finished(chat.session.get(), &ChatSession::answerFinished);
        const auto sent = questionId ? chat.session->resend(questionId, text)
                                     : chat.session->send(*conversation, text);
        if (!sent)
            return false;
        *conversation = *sent;
        return finished.wait(10000);
    }

    static qint64 idAt(const Database &db, qint64 conversation, int seq)
    {
        QSqlQuery q(db.connection());
        q.prepare(u"SELECT id FROM messages WHERE conversation_id = ? AND seq = ?"_s);
        q.addBindValue(conversation);
        q.addBindValue(seq);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

private Q_SLOTS:
    void regenerateKeepsTheEarlierAnswer();
    void resendReplacesTheLastTurn();
    void onlyTheLastTurn_data();
    void onlyTheLastTurn();
    void notStoredRestoresTheEarlierVersion();
};

void TestVersions::regenerateKeepsTheEarlierAnswer()
{
    Chat chat;
    QVERIFY(open(chat));
    qint64 c = 0;
    QVERIFY(ask(chat, &c, u"Show monthly revenue"_s));
    const qint64 first = idAt(chat.store.database, c, 2);
    QSignalSpy finished(chat.session.get(), &ChatSession::answerFinished);
    QSignalSpy changed(chat.store.repository.get(), &Repository::messageChanged);
    QCOMPARE(chat.session->regenerate(first).value_or(0), c);
    QVERIFY(finished.wait(10000));
    QCOMPARE(rows(chat.store.database, c),
        QStringList({ u"1 user Show monthly revenue|current"_s,
            u"2 assistant "_s + answer20 + u"|earlier"_s,
            u"3 assistant "_s + answer20 + u"|current"_s }));
    // The same question asked again, in the same remote conversation.
    QCOMPARE(chat.server.requests().size(), 2);
    QCOMPARE(askedText(chat.server, 1), u"Show monthly revenue"_s);
    // The transcript heard that the first answer is now an earlier version.
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [first](const QList<QVariant> &args) {
        const Message m = args.at(0).value<Message>();
        return m.id == first && m.supersededAt.isValid()
            && (args.at(1).value<Repository::MessageFields>()
                & Repository::MessageField::Superseded);
    }));
    QVERIFY(chat.store.repository->message(first)->supersededAt.isValid());

    // Exported, the earlier answer says what it is (Markdown), and JSON carries when.
    const auto md = ConversationExporter::markdown(*chat.store.repository, c);
    QVERIFY(md);
    QCOMPARE(md->count(u"### Assistant · earlier version · "_s), 1);
    QCOMPARE(md->count(u"### Assistant · "_s), 2);
    QCOMPARE(md->count(u"### You · "_s), 1);
    auto messages = chat.store.repository->messages(c);
    QVERIFY(messages);
    QCOMPARE(messages->size(), 3);
    QVERIFY(JsonFormat::message(messages->at(0)).value(u"superseded_at"_s).isNull());
    QVERIFY(JsonFormat::message(messages->at(2)).value(u"superseded_at"_s).isNull());
    const QDateTime at = QDateTime::fromString(
        JsonFormat::message(messages->at(1)).value(u"superseded_at"_s).toString(),
        Qt::ISODateWithMs);
    QVERIFY(at.isValid());
    QCOMPARE(at, messages->at(1).supersededAt);
}

void TestVersions::resendReplacesTheLastTurn()
{
    Chat chat;
    QVERIFY(open(chat));
    qint64 c = 0;
    QVERIFY(ask(chat, &c, u"Show monthly revenue"_s));
    QVERIFY(ask(chat, &c, u"Show revenue by region"_s, idAt(chat.store.database, c, 1)));
    QCOMPARE(rows(chat.store.database, c),
        QStringList({ u"1 user Show monthly revenue|earlier"_s,
            u"2 assistant "_s + answer20 + u"|earlier"_s, u"3 user Show revenue by regi|current"_s,
            u"4 assistant "_s + answer20 + u"|current"_s }));
    QCOMPARE(askedText(chat.server, 1), u"Show revenue by region"_s);
    // Edited again: both earlier versions stay.
    QVERIFY(ask(chat, &c, u"Revenue by region, 2025"_s, idAt(chat.store.database, c, 3)));
    QCOMPARE(rows(chat.store.database, c).filter(u"|current"_s),
        QStringList({ u"5 user Revenue by region, 2|current"_s,
            u"6 assistant "_s + answer20 + u"|current"_s }));
    QCOMPARE(rows(chat.store.database, c).filter(u"|earlier"_s).size(), 4);
}

void TestVersions::onlyTheLastTurn_data()
{
    QTest::addColumn<int>("seq"); // of the message asked about, in two finished turns
    QTest::addColumn<bool>("regenerate"); // else resend
    QTest::addColumn<QString>("why");
    QTest::newRow("regenerate the first answer")
        << 2 << true << u"Only the last answer of a conversation can be regenerated."_s;
    QTest::newRow("regenerate a question")
        << 3 << true << u"Only the last answer of a conversation can be regenerated."_s;
    QTest::newRow("resend the first question")
        << 1 << false
        << u"Only the last question of a conversation can be edited and sent again."_s;
    QTest::newRow("resend an answer")
        << 4 << false
        << u"Only the last question of a conversation can be edited and sent again."_s;
}

void TestVersions::onlyTheLastTurn()
{
    QFETCH(int, seq);
    QFETCH(bool, regenerate);
    QFETCH(QString, why);
    Chat chat;
    QVERIFY(open(chat));
    qint64 c = 0;
    QVERIFY(ask(chat, &c, u"Show monthly revenue"_s));
    QVERIFY(ask(chat, &c, u"And by region?"_s));
    const QStringList before = rows(chat.store.database, c);
    const qint64 id = idAt(chat.store.database, c, seq);
    const auto result
        = regenerate ? chat.session->regenerate(id) : chat.session->resend(id, u"Something else"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().code, StoreError::Code::Invalid);
    QCOMPARE(result.error().message, why);
    QCOMPARE(rows(chat.store.database, c), before); // nothing replaced, nothing asked
    QCOMPARE(chat.server.requests().size(), 2);

    // While an answer arrives, neither is possible.
    QVERIFY(chat.session->send(c, u"Third"_s));
    const qint64 last = idAt(chat.store.database, c, 6);
    QCOMPARE(chat.session->regenerate(last).error().code, StoreError::Code::Busy);
    QCOMPARE(chat.session->resend(idAt(chat.store.database, c, 5), u"x"_s).error().code,
        StoreError::Code::Busy);
    QCOMPARE(chat.session->resend(last, u"  "_s).error().code, StoreError::Code::Invalid);
}

void TestVersions::notStoredRestoresTheEarlierVersion()
{
    Chat chat;
    QVERIFY(open(chat));
    qint64 c = 0;
    QVERIFY(ask(chat, &c, u"Show monthly revenue"_s));
    const QStringList before = rows(chat.store.database, c);
    QSqlQuery q(chat.store.database.connection());
    QVERIFY2(q.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON messages "
                    u"BEGIN SELECT RAISE(ABORT, 'no room for this message'); END"_s),
        qPrintable(q.lastError().text()));
    const auto sent = chat.session->resend(idAt(chat.store.database, c, 1), u"Edited"_s);
    QVERIFY(!sent);
    QVERIFY2(sent.error().toString().contains(u"no room for this message"_s),
        qPrintable(sent.error().toString()));
    QCOMPARE(rows(chat.store.database, c), before); // the earlier version is current again
    const auto regenerated = chat.session->regenerate(idAt(chat.store.database, c, 2));
    QVERIFY(!regenerated);
    QCOMPARE(rows(chat.store.database, c), before);
    QCOMPARE(chat.server.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestVersions)
#include "tst_versions.moc"
