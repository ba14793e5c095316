// The pure parts of the workflow backend around the stream: the request body and its checks, the
// resume state saved for a restart, the reconnection delays and the endpoint's URL.

#include "workflowconfig.h"
#include "workflowrequest.h"
#include "workflowresumestate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

class TestWorkflowRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBody()
    {
        WorkflowConfig config;
        config.name = u"Mailer"_qs;
        config.preferredMode = u"building"_qs;
        config.definition = QJsonObject { { u"nodes"_qs,
            QJsonObject { { u"root"_qs, QJsonObject { { u"type"_qs, u"manual"_qs } } } } } };
        WorkflowRequest request = WorkflowRequest::create(config, u"Send a mail"_qs, {});
        request.imagesBase64 << QByteArray("aGVsbG8=");
        QVERIFY(request.validate().isEmpty());
        QVERIFY(!QUuid::fromString(request.conversationId).isNull());
        QCOMPARE(QUuid::fromString(request.requestId).version(), QUuid::Random);
        const QJsonObject first = request.toJson();
        QCOMPARE(first.value(u"message").toString(), u"Send a mail"_qs);
        QCOMPARE(first.value(u"timezone").toString(),
            QString::fromLatin1(QTimeZone::systemTimeZoneId()));
        QCOMPARE(first.value(u"name").toString(), u"Mailer"_qs);
        QCOMPARE(first.value(u"preferredMode").toString(), u"building"_qs);
        QCOMPARE(first.value(u"images")[0][u"base64"].toString(), u"aGVsbG8="_qs);
        QVERIFY(first.value(u"definition").isObject());
        QVERIFY(!first.contains(u"lastEventIndex"_qs));
        QVERIFY(!first.contains(u"agentVersion"_qs)); // empty: not sent

        const QJsonObject again = request.toJson(4);
        QCOMPARE(again.value(u"lastEventIndex").toInt(), 4);
        QCOMPARE(again.value(u"conversationId").toString(), request.conversationId);
        QCOMPARE(again.value(u"requestId").toString(), request.requestId);
        QVERIFY(!again.contains(u"message"_qs));

        QCOMPARE(WorkflowRequest::create(config, u"x"_qs, u"kept"_qs).conversationId, u"kept"_qs);
    }

    void requestValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("bad mode") << u"preferredMode"_qs << u"dreaming"_qs << u"planning"_qs;
        QTest::newRow("bad agent") << u"agentVersion"_qs << u"v9"_qs << u"v1, v2, both"_qs;
        QTest::newRow("definition without root")
            << u"definition"_qs << u"{\"nodes\":{\"a\":{\"type\":\"http\"}}}"_qs << u"root"_qs;
        QTest::newRow("definition without nodes")
            << u"definition"_qs << u"{\"name\":\"x\"}"_qs << u"nodes"_qs;
        QTest::newRow("empty message") << u"message"_qs << QString() << u"question"_qs;
    }

    void requestValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        WorkflowRequest request = WorkflowRequest::create({}, u"hello"_qs, {});
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
        state.conversationId = u"c"_qs;
        state.requestId = u"r"_qs;
        state.lastEventIndex = 6;
        state.text = u"Planning…"_qs;
        state.nodes = QJsonArray { QJsonObject { { u"id"_qs, u"root"_qs } } };
        state.message = u"q"_qs;
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
        config.baseUrl = QUrl(u"https://api.example.com/"_qs);
        QCOMPARE(
            config.streamUrl(), QUrl(u"https://api.example.com/v1/ai/workflow/chat/stream"_qs));
        config.baseUrl = QUrl(u"http://127.0.0.1:8080/prefix"_qs);
        QCOMPARE(config.streamUrl().path(), u"/prefix/v1/ai/workflow/chat/stream"_qs);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowRequest)
#include "tst_workflowrequest.moc"
