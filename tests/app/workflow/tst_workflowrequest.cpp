// The pure parts of the workflow backend around the stream: the request body and its checks, the
// resume state saved for a restart, the reconnection delays and the endpoint's URL.

#include "app/workflow/workflowconfig.h"
#include "app/workflow/workflowrequest.h"
#include "app/workflow/workflowresumestate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

class TestWorkflowRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBody()
    {
        WorkflowConfig config;
        config.name = u"Mailer"_s;
        config.preferredMode = u"building"_s;
        config.definition = QJsonObject { { u"nodes"_s,
            QJsonObject { { u"root"_s, QJsonObject { { u"type"_s, u"manual"_s } } } } } };
        WorkflowRequest request = WorkflowRequest::create(config, u"Send a mail"_s, {});
        request.imagesBase64 << QByteArray("aGVsbG8=");
        QVERIFY(request.validate().isEmpty());
        QVERIFY(!QUuid::fromString(request.conversationId).isNull());
        QCOMPARE(QUuid::fromString(request.requestId).version(), QUuid::Random);
        const QJsonObject first = request.toJson();
        QCOMPARE(first.value(u"message").toString(), u"Send a mail"_s);
        QCOMPARE(first.value(u"timezone").toString(),
            QString::fromLatin1(QTimeZone::systemTimeZoneId()));
        QCOMPARE(first.value(u"name").toString(), u"Mailer"_s);
        QCOMPARE(first.value(u"preferredMode").toString(), u"building"_s);
        QCOMPARE(first.value(u"images")[0][u"base64"].toString(), u"aGVsbG8="_s);
        QVERIFY(first.value(u"definition").isObject());
        QVERIFY(!first.contains(u"lastEventIndex"_s));
        QVERIFY(!first.contains(u"agentVersion"_s)); // empty: not sent

        const QJsonObject again = request.toJson(4);
        QCOMPARE(again.value(u"lastEventIndex").toInt(), 4);
        QCOMPARE(again.value(u"conversationId").toString(), request.conversationId);
        QCOMPARE(again.value(u"requestId").toString(), request.requestId);
        QVERIFY(!again.contains(u"message"_s));

        QCOMPARE(WorkflowRequest::create(config, u"x"_s, u"kept"_s).conversationId, u"kept"_s);
    }

    void requestValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("bad mode") << u"preferredMode"_s << u"dreaming"_s << u"planning"_s;
        QTest::newRow("bad agent") << u"agentVersion"_s << u"v9"_s << u"v1, v2, both"_s;
        QTest::newRow("definition without root")
            << u"definition"_s << u"{\"nodes\":{\"a\":{\"type\":\"http\"}}}"_s << u"root"_s;
        QTest::newRow("definition without nodes")
            << u"definition"_s << u"{\"name\":\"x\"}"_s << u"nodes"_s;
        QTest::newRow("empty message") << u"message"_s << QString() << u"question"_s;
    }

    void requestValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        WorkflowRequest request = WorkflowRequest::create({}, u"hello"_s, {});
        if (field == u"preferredMode")
            request.preferredMode = value;
        else if (field == u"agentVersion")
            request.agentVersion = value;
        else if (field == u"definition")
            request.definition = QJsonDocument::fromJson(value.toUtf8()).object();
        else
            request.message = value;
        QVERIFY2(request.validate().contains(problem), qPrintable(request.validate()));
    }

    void resumeStateRoundTrip()
    {
        WorkflowResumeState state;
        state.conversationId = u"c"_s;
        state.requestId = u"r"_s;
        state.lastEventIndex = 6;
        state.text = u"Planning…"_s;
        state.nodes = QJsonArray { QJsonObject { { u"id"_s, u"root"_s } } };
        state.message = u"q"_s;
        const auto back = WorkflowResumeState::fromJson(state.toJson());
        QVERIFY(back);
        QVERIFY(*back == state);
        QVERIFY(!state.toJson().contains("token"));
        QVERIFY(!WorkflowResumeState::fromJson("{}"));
        QVERIFY(!WorkflowResumeState::fromJson("nope"));
    }

    void reconnectDelays()
    {
        WorkflowConfig::Reconnect policy;
        QCOMPARE(policy.delayMs(1), 250);
        QCOMPARE(policy.delayMs(2), 500);
        QCOMPARE(policy.delayMs(3), 1000);
        QCOMPARE(policy.delayMs(10), 8000);
        QCOMPARE(policy.delayMs(1000), 8000);
    }

    void streamUrl()
    {
        WorkflowConfig config;
        config.baseUrl = QUrl(u"https://api.example.com/"_s);
        QCOMPARE(config.streamUrl(), QUrl(u"https://api.example.com/v1/ai/workflow/chat/stream"_s));
        config.baseUrl = QUrl(u"http://127.0.0.1:8080/prefix"_s);
        QCOMPARE(config.streamUrl().path(), u"/prefix/v1/ai/workflow/chat/stream"_s);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowRequest)
#include "tst_workflowrequest.moc"
