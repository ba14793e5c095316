// The embedded analyst server driven over real HTTP on loopback by Chartroom's own client.

#include "app/core/chatsession.h"
#include "app/datasets/datasetstore.h"
#include "app/luzmo/luzmobackend.h"
#include "app/net/apicall.h"
#include "app/server/localserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLocalServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;
    QNetworkAccessManager m_network;

    LuzmoConfig config(const QString &token = {}) const
    {
        LuzmoConfig c;
        c.host = QUrl(m_server->url());
        c.key = m_server->key();
        c.token = token.isEmpty() ? m_server->token() : token;
        return c;
    }

    struct Outcome
    {
        bool ok = false;
        QJsonObject body;
        ApiError error;
    };

    static Outcome wait(ApiCall *call)
    {
        Outcome o;
        bool done = false;
        QObject::connect(call, &ApiCall::succeeded, call, [&](const QByteArray &body) {
            o.ok = true;
            o.body = QJsonDocument::fromJson(body).object();
            done = true;
        });
        QObject::connect(call, &ApiCall::failed, call, [&](const ApiError &e) {
            o.error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            o.error = ApiErrors::make(ApiError::Code::Timeout, u"test: no answer"_s);
        return o;
    }

    Outcome call(const QString &resource, const QString &action, const QJsonObject &fields,
        const QString &token = {})
    {
        LuzmoClient client(m_network, config(token));
        QObject owner;
        if (action == u"create")
            return wait(client.create(resource, fields, &owner));
        return wait(client.get(resource, fields, &owner));
    }

    Outcome prompt(const QString &text, const QString &conversationId = {},
        const QString &agent = u"item"_s, const QString &task = u"generate"_s)
    {
        AiPromptRequest request;
        request.agent = agent;
        request.task = task;
        request.texts = { text };
        request.conversationId = conversationId;
        request.stream = false;
        LuzmoClient client(m_network, config());
        QObject owner;
        return wait(client.createAiPrompt(request, &owner));
    }

    int rawStatus(const QByteArray &method, const QByteArray &path, const QByteArray &body)
    {
        QNetworkRequest request(QUrl(m_server->url() + QString::fromLatin1(path)));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return 0;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        // Every error is a JSON body with a message.
        if (status >= 400 && json.value(u"message").toString().isEmpty())
            return -status;
        return status;
    }

    QByteArray credentials() const
    {
        return "\"key\":\"" + m_server->key().toLatin1() + "\",\"token\":\""
            + m_server->token().toLatin1() + "\"";
    }

private Q_SLOTS:
    void initTestCase()
    {
        LocalServer::Options options;
        options.dataDirectory = m_dir.path();
        options.streamDelayMs = 0;
        m_server = std::make_unique<LocalServer>(options);
        const QString error = m_server->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_server->port() > 0);
        QVERIFY(m_server->url().startsWith(u"http://127.0.0.1:"_s));
        QVERIFY(m_server->token().size() >= 32); // random per run
    }

    void promptCreatesConversationMessagesAndChart()
    {
        const Outcome first = prompt(u"Show monthly revenue as a line chart"_s);
        QVERIFY2(first.ok, qPrintable(first.error.toString()));
        const QString conversation = first.body[u"conversation_id"_s].toString();
        QVERIFY(!conversation.isEmpty());
        QCOMPARE(first.body[u"user_message"_s][u"role"_s].toString(), u"user"_s);
        const QJsonObject answer = first.body[u"assistant_message"_s].toObject();
        QCOMPARE(answer[u"role"_s].toString(), u"assistant"_s);
        QVERIFY(answer[u"message"_s].toString().contains(u"Revenue"_s));
        QVERIFY(answer[u"message"_s].toString().contains(u"$"_s)); // real numbers
        const QJsonArray assets = answer[u"aiMessageAssets"_s].toArray();
        QCOMPARE(assets.size(), 1);
        QCOMPARE(assets[0][u"value"_s][u"type"_s].toString(), u"line-chart"_s);

        const Outcome followUp = prompt(u"and by region?"_s, conversation);
        QVERIFY(followUp.ok);
        QCOMPARE(followUp.body[u"conversation_id"_s].toString(), conversation);

        // Search with nested include, where, order.
        const Outcome search = call(u"aiconversation"_s, u"get"_s,
            QJsonObject { { u"where"_s, QJsonObject { { u"id"_s, conversation } } },
                { u"include"_s,
                    QJsonArray { QJsonObject { { u"model"_s, u"AIMessage"_s },
                        { u"include"_s,
                            QJsonArray {
                                QJsonObject { { u"model"_s, u"AIMessageAsset"_s } } } } } } } });
        QVERIFY(search.ok);
        QCOMPARE(search.body[u"count"_s].toInt(), 1);
        const QJsonArray messages = search.body[u"rows"_s][0][u"aiMessages"_s].toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0][u"message"_s].toString(), u"Show monthly revenue as a line chart"_s);
        QCOMPARE(messages[1][u"aiMessageAssets"_s].toArray().size(), 1);

        const Outcome latest = call(u"aimessage"_s, u"get"_s,
            QJsonObject { { u"where"_s, QJsonObject { { u"role"_s, u"user"_s } } },
                { u"order"_s,
                    QJsonArray { QJsonValue(QJsonArray { u"created_at"_s, u"desc"_s }) } },
                { u"limit"_s, 1 }, { u"attributes"_s, QJsonArray { u"id"_s, u"message"_s } } });
        QVERIFY(latest.ok);
        QCOMPARE(latest.body[u"count"_s].toInt(), 2);
        const QJsonObject row = latest.body[u"rows"_s][0].toObject();
        QCOMPARE(row.keys(), (QStringList { u"id"_s, u"message"_s })); // no assets unless included
        QCOMPARE(row[u"message"_s].toString(), u"and by region?"_s);
    }

    void datasetsAndData()
    {
        const Outcome datasets = call(u"dataset"_s, u"get"_s, {});
        QVERIFY(datasets.ok);
        QVERIFY(datasets.body[u"count"_s].toInt() >= 1);
        const QJsonObject sales = datasets.body[u"rows"_s][0].toObject();
        QCOMPARE(sales[u"name"_s][u"en"_s].toString(), u"Sales"_s);
        QString dateColumn, revenueColumn;
        for (const QJsonValue &c : sales[u"columns"_s].toArray()) {
            if (c[u"type"_s].toString() == u"datetime")
                dateColumn = c[u"id"_s].toString();
            if (c[u"name"_s][u"en"_s].toString() == u"Revenue")
                revenueColumn = c[u"id"_s].toString();
        }
        QVERIFY(!dateColumn.isEmpty() && !revenueColumn.isEmpty());
        const QString ds = sales[u"id"_s].toString();
        const QJsonObject find { { u"queries"_s,
            QJsonArray { QJsonObject {
                { u"dimensions"_s,
                    QJsonArray { QJsonObject { { u"column_id"_s, dateColumn },
                        { u"dataset_id"_s, ds }, { u"level"_s, 1 } } } },
                { u"measures"_s,
                    QJsonArray { QJsonObject { { u"column_id"_s, revenueColumn },
                        { u"dataset_id"_s, ds },
                        { u"aggregation"_s, QJsonObject { { u"type"_s, u"sum"_s } } } } } } } } } };
        const Outcome data = call(u"data"_s, u"get"_s, find);
        QVERIFY2(data.ok, qPrintable(data.error.toString()));
        const QJsonArray rows = data.body[u"data"_s].toArray();
        QCOMPARE(rows.size(), 3); // 2022, 2023, 2024
        QVERIFY(rows[0][0].toString().startsWith(u"2022-01-01"_s));
        QVERIFY(rows[2][1].toDouble() > rows[0][1].toDouble()); // the sample grows

        // Paging with limit {by, offset}: the second and third years.
        QJsonObject paged = find;
        QJsonArray queries = paged[u"queries"_s].toArray();
        QJsonObject query = queries[0].toObject();
        query.insert(u"limit"_s, QJsonObject { { u"by"_s, 2 }, { u"offset"_s, 1 } });
        queries[0] = query;
        paged.insert(u"queries"_s, queries);
        const Outcome page = call(u"data"_s, u"get"_s, paged);
        QVERIFY(page.ok);
        const QJsonArray pageRows = page.body[u"data"_s].toArray();
        QCOMPARE(pageRows.size(), 2);
        QCOMPARE(pageRows[0], rows[1]);
        QCOMPARE(pageRows[1], rows[2]);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("wrong token")
            << QByteArray("SEARCH") << QByteArray("/0.1.0/aimessage")
            << QByteArray(R"({"action":"get","key":"k","token":"nope"})") << 401;
        QTest::newRow("malformed json") << QByteArray("POST") << QByteArray("/0.1.0/aiprompt")
                                        << QByteArray("{\"action\": \"create\",") << 400;
        QTest::newRow("unknown resource") << QByteArray("SEARCH") << QByteArray("/0.1.0/dashboard")
                                          << QByteArray("{CRED,\"action\":\"get\"}") << 404;
        QTest::newRow("unknown action") << QByteArray("POST") << QByteArray("/0.1.0/aimessage")
                                        << QByteArray("{CRED,\"action\":\"explode\"}") << 400;
        QTest::newRow("unknown path")
            << QByteArray("GET") << QByteArray("/") << QByteArray() << 404;
        QTest::newRow("invalid prompt")
            << QByteArray("POST") << QByteArray("/0.1.0/aiprompt")
            << QByteArray("{CRED,\"action\":\"create\",\"properties\":{\"agent\":\"analyst\","
                          "\"task\":\"suggest\",\"text\":\"q\"}}")
            << 400;
        QTest::newRow("unknown conversation")
            << QByteArray("POST") << QByteArray("/0.1.0/aiprompt")
            << QByteArray("{CRED,\"action\":\"create\",\"properties\":{\"conversation_id\":"
                          "\"nope\",\"text\":\"q\"}}")
            << 404;
        QTest::newRow("bad where")
            << QByteArray("SEARCH") << QByteArray("/0.1.0/aimessage")
            << QByteArray("{CRED,\"action\":\"get\",\"find\":{\"where\":{\"id\":{\"near\":1}}}}")
            << 400;
        QTest::newRow("oversized body") << QByteArray("POST") << QByteArray("/0.1.0/aiprompt")
                                        << QByteArray(5 * 1024 * 1024, ' ') << 413;
    }

    void errors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        body.replace("CRED", credentials());
        QCOMPARE(rawStatus(method, path, body), status);
    }

    void wrongCredentialsThroughTheClient()
    {
        const Outcome o = call(u"aimessage"_s, u"get"_s, {}, u"wrong"_s);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, ApiError::Code::Auth);
        QCOMPARE(o.error.serverMessage, u"Invalid API key or token."_s);
    }

    void streamsIntoTheAppStore()
    {
        TempStore store;
        LuzmoBackend backend(m_network, config(), u"local"_s);
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        session.setAgent(u"item"_s);
        int deltas = 0;
        connect(&session, &ChatSession::eventReceived, this,
            [&deltas](const StreamEvent &e) { deltas += e.type == StreamEvent::Type::TextDelta; });
        QSignalSpy text(&session, &ChatSession::answerTextChanged);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"weekly units by region in 2024"_s);
        QVERIFY(conversation);
        QVERIFY(finished.wait(15000));
        QVERIFY(deltas > 2); // it streamed in several deltas
        QVERIFY(text.count() >= 1); // announced as it came (those read together at once)
        const Message answer = store.repository->messages(*conversation)->last();
        QCOMPARE(answer.status, MessageStatus::Complete);
        QVERIFY(!answer.text.isEmpty());
        QCOMPARE(answer.assets.size(), 1);
        const QJsonObject item = QJsonDocument::fromJson(answer.assets.first().valueJson).object();
        QCOMPARE(item[u"type"_s].toString(), u"line-chart"_s);
        QCOMPARE(item[u"slots"_s].toArray().size(), 3); // x-axis, measure, legend
    }

    void clientLeavingMidStreamDoesNotHurtTheServer()
    {
        LocalServer::Options options;
        QTemporaryDir dir;
        options.dataDirectory = dir.path();
        options.streamDelayMs = 30;
        LocalServer slow(options);
        QVERIFY(slow.start().isEmpty());
        for (int attempt = 0; attempt < 3; ++attempt) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, slow.port());
            QVERIFY(socket.waitForConnected(5000));
            const QByteArray body = "{\"action\":\"create\",\"key\":\"" + slow.key().toLatin1()
                + "\",\"token\":\"" + slow.token().toLatin1()
                + "\",\"properties\":{\"stream\":true,\"text\":\"Show monthly revenue\"}}";
            socket.write("POST /0.1.0/aiprompt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                         "application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QTRY_VERIFY_WITH_TIMEOUT(
                socket.bytesAvailable() > 0 || socket.waitForReadyRead(100), 5000);
            QVERIFY(socket.readAll().startsWith("HTTP/1.1 200"));
            socket.abort(); // gone mid-stream
            QTest::qWait(100);
        }
        // Still serving.
        LuzmoConfig c;
        c.host = QUrl(slow.url());
        c.key = slow.key();
        c.token = slow.token();
        LuzmoClient client(m_network, c);
        QObject owner;
        const Outcome o = wait(client.get(u"aiconversation"_s, {}, &owner));
        QVERIFY(o.ok);
        QCOMPARE(o.body[u"count"_s].toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
