// How ChatSession announces the text of an answer as it arrives (answerTextChanged): the deltas
// one read of the socket brings are announced together, once, with the whole text so far; a
// delta that arrives alone is announced without waiting for more; the last announcement is the
// stored text, before answerFinished. Real HTTP over loopback, a real store.

#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "tests/app/chat/fakeluzmoconfig.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray frame(const QJsonObject &event)
{
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray head()
{
    return frame({ { u"type"_s, u"start"_s }, { u"conversation_id"_s, u"c1"_s } })
        + frame({ { u"type"_s, u"text_start"_s }, { u"index"_s, 0 } });
}

QByteArray delta(const QString &text)
{
    return frame({ { u"type"_s, u"text_delta"_s }, { u"index"_s, 0 }, { u"delta"_s, text } });
}

QByteArray tail()
{
    return frame({ { u"type"_s, u"text_end"_s }, { u"index"_s, 0 } }) + "data: [DONE]\n\n";
}
} // namespace

class TestChatSessionText : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void deltasReadTogetherAreAnnouncedOnce()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        // 400 deltas in one write: the client reads them in a few reads, not 400.
        QByteArray body = head();
        QString expected;
        for (int i = 0; i < 400; ++i) {
            const QString word = u"w%1 "_s.arg(i);
            expected += word;
            body += delta(word);
        }
        body += tail();
        server.setHandler(
            [&](const FakeHttpServer::Request &) { return FakeHttpServer::sse({ body }); });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QStringList announced;
        bool afterFinish = false;
        connect(&session, &ChatSession::answerTextChanged, this,
            [&](qint64, const QString &text) { announced << text; });
        connect(&session, &ChatSession::answerFinished, this, [&] {
            afterFinish = true;
            QVERIFY(!announced.isEmpty());
        });
        connect(&session, &ChatSession::answerTextChanged, this, [&] { QVERIFY(!afterFinish); });
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QVERIFY(session.send(0, u"Many words at once"_s));
        const qint64 answerId = session.activeAnswerId();
        QVERIFY(finished.wait(10000));

        // A handful of announcements (the body is 30 KB), each the text so far, the last whole.
        QVERIFY2(announced.size() <= 20, qPrintable(QString::number(announced.size())));
        for (qsizetype i = 1; i < announced.size(); ++i)
            QVERIFY(announced.at(i).startsWith(announced.at(i - 1)));
        QCOMPARE(announced.last(), expected);
        QCOMPARE(store.repository->message(answerId)->text, expected);
        QCOMPARE(store.repository->message(answerId)->status, MessageStatus::Complete);
    }

    void aDeltaAloneIsAnnouncedAtOnce()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r = FakeHttpServer::sse({ head() + delta(u"alone "_s) });
            r.stallAfterChunks = true; // nothing more comes: no waiting for company
            return r;
        });
        LuzmoBackend backend(m_network, fakeLuzmoConfig(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy text(&session, &ChatSession::answerTextChanged);
        QVERIFY(session.send(0, u"One word"_s));
        QVERIFY(text.wait(5000));
        QCOMPARE(text.last().at(1).toString(), u"alone "_s);

        QSignalSpy finished(&session, &ChatSession::answerFinished);
        session.stop();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(text.count(), 1); // stopping changed nothing more
    }
};

QTEST_GUILESS_MAIN(TestChatSessionText)
#include "tst_chatsessiontext.moc"
