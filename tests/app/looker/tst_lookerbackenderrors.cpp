// The Looker backend's errors end to end: a real ChatSession and store, the fake Looker server
// over loopback HTTP answering each error class, an agent's error message, rate limits honoured
// and exhausted, and a wrong secret.

#include "tests/app/looker/lookerbackendfixture.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace LookerBackendFixture;

class TestLookerBackendErrors : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void errors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("times");
        QTest::addColumn<int>("messageStatus");
        QTest::addColumn<QStringList>("words");

        const int error = int(MessageStatus::Error);
        QTest::newRow("400 bad request")
            << QByteArray("POST") << conversationsPath << 400
            << FakeLookerServer::messageBody(u"Malformed JSON"_s) << 1 << error
            << QStringList { u"malformed"_s, u"HTTP 400"_s, u"Malformed JSON"_s };
        QTest::newRow("404 not found")
            << QByteArray("POST") << chatPath << 404
            << FakeLookerServer::messageBody(u"Conversation not found"_s) << 1 << error
            << QStringList { u"does not know this conversation"_s, u"HTTP 404"_s };
        QTest::newRow("409 already exists")
            << QByteArray("POST") << conversationsPath << 409
            << FakeLookerServer::messageBody(u"Conversation already exists"_s) << 1 << error
            << QStringList { u"already exists"_s, u"HTTP 409"_s };
        QTest::newRow("422 lists the fields")
            << QByteArray("POST") << conversationsPath << 422
            << FakeLookerServer::validationBody({ { u"name"_s, u"is too long"_s },
                   { u"sources"_s, u"unknown explore orderz"_s } })
            << 1 << error
            << QStringList { u"invalid"_s, u"name: is too long"_s,
                   u"sources: unknown explore orderz"_s, u"HTTP 422"_s };
        QTest::newRow("500 server") << QByteArray("POST") << chatPath << 500
                                    << FakeLookerServer::messageBody(u"Internal error"_s) << 1
                                    << error << QStringList { u"HTTP 500"_s, u"Internal error"_s };
        QTest::newRow("persisting the turn fails")
            << QByteArray("POST") << QByteArray("/api/4.0/conversations/") << 404
            << FakeLookerServer::messageBody(u"Conversation not found"_s) << 1
            << int(MessageStatus::Interrupted)
            << QStringList { u"did not save this turn"_s, u"HTTP 404"_s };
        QTest::newRow("401 after a new login")
            << QByteArray("POST") << chatPath << 401
            << FakeLookerServer::messageBody(u"Requires authentication."_s) << 2 << error
            << QStringList { u"client id/secret"_s, u"HTTP 401"_s };
    }

    void errors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, times);
        QFETCH(int, messageStatus);
        QFETCH(QStringList, words);
        TempStore store;
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::text(u"An answer."_s) });
        server.injectError(method, path, status, body, times);
        LookerBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);

        qint64 conversation = 0;
        const Message answer = ask(session, store, &conversation, u"Revenue by month"_s);
        QCOMPARE(int(answer.status), messageStatus);
        for (const QString &word : words)
            QVERIFY2(answer.errorDetail.contains(word), qPrintable(answer.errorDetail));
    }

    void agentErrorMessage()
    {
        TempStore store;
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::thought(u"Planning"_s),
            FakeLookerServer::errorMessage(u"The Explore orders is not available"_s) });
        LookerBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        qint64 conversation = 0;
        const Message answer = ask(session, store, &conversation, u"Revenue"_s);
        QCOMPARE(answer.status, MessageStatus::Error);
        QCOMPARE(answer.errorDetail, u"The Explore orders is not available"_s);
    }

    void rateLimited_data()
    {
        QTest::addColumn<int>("limitedResponses");
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<int>("messageStatus");
        QTest::addColumn<int>("chatRequests");
        QTest::newRow("retry-after honoured, then success")
            << 1 << 2 << int(MessageStatus::Complete) << 2;
        QTest::newRow("retries exhausted") << 5 << 1 << int(MessageStatus::Error) << 2;
    }

    void rateLimited()
    {
        QFETCH(int, limitedResponses);
        QFETCH(int, maxRetries);
        QFETCH(int, messageStatus);
        QFETCH(int, chatRequests);
        TempStore store;
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setChatScript({ FakeLookerServer::text(u"Eventually."_s) });
        server.injectError("POST", chatPath, 429,
            FakeLookerServer::messageBody(u"Too Many Requests"_s), limitedResponses, "1");
        LookerBackend backend(m_network, config(server, maxRetries));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy progress(&session, &ChatSession::progressChanged);

        qint64 conversation = 0;
        QElapsedTimer clock;
        clock.start();
        const Message answer = ask(session, store, &conversation, u"Revenue"_s);
        QCOMPARE(int(answer.status), messageStatus);
        QCOMPARE(server.requestsTo("POST", chatPath).size(), chatRequests);
        QVERIFY(clock.elapsed() >= 900); // Retry-After: 1 was honoured
        QStringList lines;
        for (const auto &args : progress)
            lines << args.at(1).toString();
        QVERIFY2(lines.contains(u"Looker is busy: trying again in 1 second(s)"_s),
            qPrintable(lines.join(u" | ")));
        if (answer.status == MessageStatus::Complete) {
            QCOMPARE(answer.text, u"Eventually."_s);
        } else {
            QVERIFY2(answer.errorDetail.contains(u"too many requests: try again in 1 second"_s),
                qPrintable(answer.errorDetail));
        }
    }

    void wrongSecret()
    {
        TempStore store;
        FakeLookerServer server;
        QVERIFY(server.listen());
        server.setCredentials(u"looker-id"_s, u"another-secret"_s);
        LookerBackend backend(m_network, config(server));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        qint64 conversation = 0;
        const Message answer = ask(session, store, &conversation, u"Revenue"_s);
        QCOMPARE(answer.status, MessageStatus::Error);
        QVERIFY2(answer.errorDetail.contains(u"Looker refused the client id/secret"_s),
            qPrintable(answer.errorDetail));
        QVERIFY(!answer.errorDetail.contains(u"looker-secret"_s));
        QCOMPARE(server.loginCount(), 1);
        QCOMPARE(server.requestsTo("POST", conversationsPath).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLookerBackendErrors)
#include "tst_lookerbackenderrors.moc"
