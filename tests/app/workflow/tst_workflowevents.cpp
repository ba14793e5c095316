// The pure parts of the workflow backend: frame reading, event mapping, the request body, the
// resume state and the reconnection delays.

#include "sseevent.h"
#include "workflowconfig.h"
#include "workfloweventmapper.h"
#include "workflowframe.h"
#include "workflowrequest.h"
#include "workflowresumestate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

namespace {
SseEvent sse(const QString &type, const QString &data, const QString &id)
{
    return SseEvent { type, data, id };
}

QString typesOf(const QList<StreamEvent> &events)
{
    QStringList names;
    for (const StreamEvent &e : events)
        names << e.typeName;
    return names.join(u' ');
}
} // namespace

class TestWorkflowEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<SseEvent>("event");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("text"); // text, error message, node id or definition key

        using K = WorkflowFrame::Kind;
        QTest::newRow("named chunk with text")
            << sse(u"chunk"_qs, u"{\"type\":\"chunk\",\"text\":\"Planning \"}"_qs, u"0"_qs)
            << int(K::Chunk) << 0 << u"Planning "_qs;
        QTest::newRow("type field only, content")
            << sse(u"message"_qs, u"{\"type\":\"chunk\",\"content\":\"Hi\"}"_qs, u"4"_qs)
            << int(K::Chunk) << 4 << u"Hi"_qs;
        QTest::newRow("delta instead of text") << sse(u"chunk"_qs, u"{\"delta\":\"more\"}"_qs,
            u"2"_qs) << int(K::Chunk) << 2 << u"more"_qs;
        QTest::newRow("named event wins over type")
            << sse(u"node"_qs, u"{\"type\":\"chunk\",\"node\":{\"id\":\"a\"}}"_qs, u"1"_qs)
            << int(K::Node) << 1 << u"a"_qs;
        QTest::newRow("done with definition")
            << sse(u"done"_qs, u"{\"type\":\"done\",\"definition\":{\"nodes\":{}}}"_qs, u"8"_qs)
            << int(K::Done) << 8 << u"nodes"_qs;
        QTest::newRow("error message")
            << sse(u"error"_qs, u"{\"type\":\"error\",\"message\":\"Quota exceeded\"}"_qs, u"3"_qs)
            << int(K::Error) << 3 << u"Quota exceeded"_qs;
        QTest::newRow("error as object") << sse(
            u"message"_qs, u"{\"type\":\"error\",\"error\":{\"message\":\"Boom\"}}"_qs, QString())
                                         << int(K::Error) << -1 << u"Boom"_qs;
        QTest::newRow("index in the data when no id")
            << sse(u"chunk"_qs, u"{\"text\":\"x\",\"index\":7}"_qs, QString()) << int(K::Chunk) << 7
            << u"x"_qs;
        QTest::newRow("unknown event")
            << sse(u"heartbeat"_qs, u"{}"_qs, u"5"_qs) << int(K::Unknown) << 5 << QString();
        QTest::newRow("done without data")
            << sse(u"done"_qs, QString(), u"9"_qs) << int(K::Done) << 9 << QString();
    }

    void decode()
    {
        QFETCH(SseEvent, event);
        QFETCH(int, kind);
        QFETCH(int, index);
        QFETCH(QString, text);
        const WorkflowFrame::Result result = WorkflowFrame::decode(event);
        QVERIFY(std::holds_alternative<WorkflowFrame>(result));
        const WorkflowFrame frame = std::get<WorkflowFrame>(result);
        QCOMPARE(int(frame.kind), kind);
        QCOMPARE(frame.index, index);
        switch (frame.kind) {
        case WorkflowFrame::Kind::Chunk:
            QCOMPARE(frame.text, text);
            break;
        case WorkflowFrame::Kind::Error:
            QCOMPARE(frame.errorMessage, text);
            break;
        case WorkflowFrame::Kind::Node:
            QCOMPARE(frame.node.value(u"id").toString(), text);
            break;
        case WorkflowFrame::Kind::Done:
            QCOMPARE(frame.definition.keys().value(0), text);
            break;
        case WorkflowFrame::Kind::Unknown:
            break;
        }
    }

    void decodeInvalid_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<int>("code");
        QTest::newRow("cut json") << u"{\"type\":\"chu"_qs << int(DecodeError::Code::InvalidJson);
        QTest::newRow("array") << u"[1,2]"_qs << int(DecodeError::Code::NotAnObject);
    }

    void decodeInvalid()
    {
        QFETCH(QString, data);
        QFETCH(int, code);
        const auto result = WorkflowFrame::decode(sse(u"chunk"_qs, data, u"1"_qs));
        QVERIFY(std::holds_alternative<DecodeError>(result));
        QCOMPARE(int(std::get<DecodeError>(result).code), code);
        QVERIFY(!std::get<DecodeError>(result).message.isEmpty());
    }

    void mapping_data()
    {
        QTest::addColumn<QList<SseEvent>>("frames");
        QTest::addColumn<QString>("types");
        QTest::addColumn<QString>("text");

        const SseEvent c0 = sse(u"chunk"_qs, u"{\"text\":\"Plan \"}"_qs, u"0"_qs);
        const SseEvent c1 = sse(u"chunk"_qs, u"{\"text\":\"done.\"}"_qs, u"1"_qs);
        const SseEvent n2
            = sse(u"node"_qs, u"{\"node\":{\"id\":\"root\",\"type\":\"manual\"}}"_qs, u"2"_qs);
        const SseEvent d3 = sse(u"done"_qs,
            u"{\"definition\":{\"nodes\":{\"root\":{\"type\":\"manual\"}}}}"_qs, u"3"_qs);
        const SseEvent e3 = sse(u"error"_qs, u"{\"message\":\"No credits\"}"_qs, u"3"_qs);
        const SseEvent unknown = sse(u"ping"_qs, u"{}"_qs, u"4"_qs);
        QTest::newRow("chunks, node, done")
            << QList<SseEvent> { c0, c1, n2, d3 }
            << u"start text_start text_delta text_delta progress text_end asset_start "
               "asset_delta asset_end finish done"_qs
            << u"Plan done."_qs;
        QTest::newRow("error after text")
            << QList<SseEvent> { c0, e3 } << u"start text_start text_delta text_end error done"_qs
            << u"Plan "_qs;
        QTest::newRow("done without text nor definition")
            << QList<SseEvent> { sse(u"done"_qs, QString(), u"0"_qs) } << u"start finish done"_qs
            << QString();
        QTest::newRow("unknown ignored, nothing after done")
            << QList<SseEvent> { unknown, c0, d3, c1 }
            << u"start text_start text_delta text_end asset_start asset_delta asset_end finish "
               "done"_qs
            << u"Plan "_qs;
    }

    void mapping()
    {
        QFETCH(QList<SseEvent>, frames);
        QFETCH(QString, types);
        QFETCH(QString, text);
        WorkflowEventMapper mapper(u"conv-1"_qs);
        QList<StreamEvent> events = mapper.begin();
        for (const SseEvent &frame : frames)
            events << mapper.map(std::get<WorkflowFrame>(WorkflowFrame::decode(frame)));
        QCOMPARE(typesOf(events), types);
        QCOMPARE(mapper.text(), text);
        QVERIFY(mapper.isFinished());
        for (const StreamEvent &e : events)
            QCOMPARE(e.conversationId, u"conv-1"_qs);
        for (const StreamEvent &e : events) {
            if (e.type == StreamEvent::Type::AssetDelta)
                QCOMPARE(e.text, u"{\"nodes\":{\"root\":{\"type\":\"manual\"}}}"_qs);
            if (e.type == StreamEvent::Type::Progress)
                QCOMPARE(e.progressMessage, u"Added node root (manual)"_qs);
            if (e.type == StreamEvent::Type::Error)
                QCOMPARE(e.errorMessage, u"No credits"_qs);
        }
    }

    void nodesAreKeptAndReplaced()
    {
        WorkflowEventMapper mapper;
        for (const QString &data : { u"{\"node\":{\"id\":\"root\",\"type\":\"manual\"}}"_qs,
                 u"{\"node\":{\"id\":\"send\",\"type\":\"http\"}}"_qs,
                 u"{\"node\":{\"id\":\"root\",\"type\":\"manual\",\"children\":[\"send\"]}}"_qs })
            mapper.map(std::get<WorkflowFrame>(WorkflowFrame::decode(sse(u"node"_qs, data, {}))));
        QCOMPARE(mapper.nodes().size(), 2);
        QCOMPARE(mapper.nodes().at(0).value(u"children").toArray().size(), 1);
        QCOMPARE(
            WorkflowEventMapper::describeNode(mapper.nodes().at(1)), u"Added node send (http)"_qs);
    }

    void restoredTextIsHandedOnAgain()
    {
        WorkflowEventMapper mapper(u"c"_qs);
        mapper.restore(
            u"Earlier text "_qs, QJsonArray { QJsonObject { { u"id"_qs, u"root"_qs } } });
        const QList<StreamEvent> events = mapper.begin();
        QCOMPARE(typesOf(events), u"start text_start text_delta"_qs);
        QCOMPARE(events.last().text, u"Earlier text "_qs);
        QCOMPARE(mapper.nodes().size(), 1);
        // The next chunk continues the same text block.
        const auto more = mapper.map(std::get<WorkflowFrame>(
            WorkflowFrame::decode(sse(u"chunk"_qs, u"{\"text\":\"and more\"}"_qs, u"5"_qs))));
        QCOMPARE(typesOf(more), u"text_delta"_qs);
        QCOMPARE(mapper.text(), u"Earlier text and more"_qs);
    }

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

QTEST_GUILESS_MAIN(TestWorkflowEvents)
#include "tst_workflowevents.moc"
