// The pure parts of the workflow backend: frame reading and event mapping (the request, the
// resume state and the reconnection delays: tst_workflowrequest).

#include "app/stream/sseevent.h"
#include "app/workflow/workflowconfig.h"
#include "app/workflow/workfloweventmapper.h"
#include "app/workflow/workflowframe.h"
#include "app/workflow/workflowrequest.h"
#include "app/workflow/workflowresumestate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
SseEvent sse(const QString &type, const QString &data, const QString &id)
{
    return SseEvent { type, data, id };
}

// The fields a frame of each kind carries, as one string (done: type|definition keys|message|
// incomplete fields|nodeId=message;…).
QString summaryOf(const WorkflowFrame &f)
{
    using K = WorkflowFrame::Kind;
    switch (f.kind) {
    case K::Chunk:
    case K::Thinking:
        return f.text;
    case K::ToolStart:
    case K::ToolResult:
        return f.toolName;
    case K::ModeSwitch:
        return f.mode;
    case K::Node:
        return f.node.value(u"id").toString();
    case K::Error:
        return f.errorMessage;
    case K::Done: {
        QStringList errors;
        for (const auto &e : f.validationErrors)
            errors << e.nodeId + u'=' + e.message;
        return QStringList { f.doneType, f.definition.keys().join(u','), f.text,
            f.incompleteFields.join(u','), errors.join(u';') }
            .join(u'|');
    }
    case K::SheetData:
    case K::Unknown:
        return {};
    }
    return {};
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
    // Rows named "b3os …" are the shapes of B3OS's own client and its test
    // (packages/mcp/src/sse-client.ts, __tests__/sse-client.test.ts): no `event:` nor `id:`
    // line, the kind in the JSON `type`. "legacy …" rows are the older, tolerated shapes.
    void decode_data()
    {
        QTest::addColumn<SseEvent>("event");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("summary"); // see summary()

        using K = WorkflowFrame::Kind;
        const auto b3os = [](const QString &data) { return sse(u"message"_s, data, {}); };
        QTest::newRow("b3os thinking")
            << b3os(u"{\"type\":\"thinking\",\"message\":\"Searching actions...\"}"_s)
            << int(K::Thinking) << -1 << u"Searching actions..."_s;
        QTest::newRow("b3os tool_start")
            << b3os(u"{\"type\":\"tool_start\",\"toolName\":\"search_actions\"}"_s)
            << int(K::ToolStart) << -1 << u"search_actions"_s;
        QTest::newRow("tool_result with a result in data")
            << b3os(u"{\"type\":\"tool_result\",\"toolName\":\"search_actions\",\"data\":\"3\"}"_s)
            << int(K::ToolResult) << -1 << u"search_actions"_s;
        QTest::newRow("tool_result without a name")
            << b3os(u"{\"type\":\"tool_result\",\"data\":\"3 actions\"}"_s) << int(K::ToolResult)
            << -1 << QString();
        QTest::newRow("mode_switch") << b3os(u"{\"type\":\"mode_switch\",\"mode\":\"building\"}"_s)
                                     << int(K::ModeSwitch) << -1 << u"building"_s;
        QTest::newRow("b3os chunk, text in data")
            << b3os(u"{\"type\":\"chunk\",\"data\":\"hello\"}"_s) << int(K::Chunk) << -1
            << u"hello"_s;
        QTest::newRow("chunk in content")
            << b3os(u"{\"type\":\"chunk\",\"content\":\"Hi\"}"_s) << int(K::Chunk) << -1 << u"Hi"_s;
        QTest::newRow("chunk in text") << b3os(u"{\"type\":\"chunk\",\"text\":\"Plan \"}"_s)
                                       << int(K::Chunk) << -1 << u"Plan "_s;
        QTest::newRow("chunk in delta") << b3os(u"{\"type\":\"chunk\",\"delta\":\"more\"}"_s)
                                        << int(K::Chunk) << -1 << u"more"_s;
        // SseParser joins data lines with '\n' (WHATWG); B3OS's client joins them with nothing.
        QTest::newRow("b3os two data lines, split between tokens")
            << b3os(u"{\"type\":\"chunk\",\n\"data\":\"hello\"}"_s) << int(K::Chunk) << -1
            << u"hello"_s;
        QTest::newRow("two data lines, split inside a string")
            << b3os(u"{\"type\":\"chu\nnk\",\"data\":\"hel\nlo\"}"_s) << int(K::Chunk) << -1
            << u"hello"_s;
        QTest::newRow("b3os node, the node in data")
            << b3os(u"{\"type\":\"node\",\"data\":{\"id\":\"send\",\"type\":\"http\"}}"_s)
            << int(K::Node) << -1 << u"send"_s;
        QTest::newRow("node id beside the node")
            << b3os(u"{\"type\":\"node\",\"nodeId\":\"send\",\"data\":{\"type\":\"http\"}}"_s)
            << int(K::Node) << -1 << u"send"_s;
        QTest::newRow("legacy node in node")
            << sse(u"node"_s, u"{\"type\":\"node\",\"node\":{\"id\":\"a\"}}"_s, u"1"_s)
            << int(K::Node) << 1 << u"a"_s;
        QTest::newRow("b3os done workflow")
            << b3os(u"{\"type\":\"done\",\"data\":{\"type\":\"workflow\",\"workflow\":{\"nodes\":"
                    "{}}},\"usage\":{\"inputTokens\":100,\"outputTokens\":50}}"_s)
            << int(K::Done) << -1 << u"workflow|nodes|||"_s;
        QTest::newRow("b3os done message")
            << b3os(u"{\"type\":\"done\",\"data\":{\"type\":\"message\",\"message\":\"hi\"}}"_s)
            << int(K::Done) << -1 << u"message||hi||"_s;
        QTest::newRow("done with incomplete fields and validation errors")
            << b3os(u"{\"type\":\"done\",\"data\":{\"type\":\"workflow\",\"workflow\":{\"nodes\":"
                    "{}},\"incompleteFields\":[\"root.schedule\",\"send.url\"],"
                    "\"validationErrors\":[{\"nodeId\":\"send\",\"message\":\"URL is missing\"},"
                    "{\"message\":\"No trigger\"}]}}"_s)
            << int(K::Done) << -1
            << u"workflow|nodes||root.schedule,send.url|send=URL is missing;=No trigger"_s;
        QTest::newRow("legacy done with definition")
            << sse(u"done"_s, u"{\"type\":\"done\",\"definition\":{\"nodes\":{}}}"_s, u"8"_s)
            << int(K::Done) << 8 << u"|nodes|||"_s;
        QTest::newRow("legacy done without data")
            << sse(u"done"_s, QString(), u"9"_s) << int(K::Done) << 9 << u"||||"_s;
        QTest::newRow("[DONE]") << b3os(u"[DONE]"_s) << int(K::Done) << -1 << u"||||"_s;
        QTest::newRow("b3os error string")
            << b3os(u"{\"type\":\"error\",\"error\":\"Quota exceeded\"}"_s) << int(K::Error) << -1
            << u"Quota exceeded"_s;
        QTest::newRow("legacy error message")
            << sse(u"error"_s, u"{\"type\":\"error\",\"message\":\"No credits\"}"_s, u"3"_s)
            << int(K::Error) << 3 << u"No credits"_s;
        QTest::newRow("legacy error object")
            << b3os(u"{\"type\":\"error\",\"error\":{\"message\":\"Boom\"}}"_s) << int(K::Error)
            << -1 << u"Boom"_s;
        QTest::newRow("the JSON type wins over a named event")
            << sse(u"node"_s, u"{\"type\":\"chunk\",\"data\":\"x\"}"_s, u"1"_s) << int(K::Chunk)
            << 1 << u"x"_s;
        QTest::newRow("legacy named event without a type")
            << sse(u"chunk"_s, u"{\"text\":\"more\"}"_s, u"2"_s) << int(K::Chunk) << 2 << u"more"_s;
        QTest::newRow("an index in the data is not the event number")
            << b3os(u"{\"type\":\"chunk\",\"data\":\"x\",\"index\":7}"_s) << int(K::Chunk) << -1
            << u"x"_s;
        QTest::newRow("id that is not a number")
            << sse(u"message"_s, u"{\"type\":\"chunk\",\"data\":\"x\"}"_s, u"abc"_s)
            << int(K::Chunk) << -1 << u"x"_s;
        QTest::newRow("sheet_data: known, not shown")
            << b3os(u"{\"type\":\"sheet_data\",\"data\":{\"rows\":[]}}"_s) << int(K::SheetData)
            << -1 << QString();
        QTest::newRow("unknown type")
            << b3os(u"{\"type\":\"plan_update\"}"_s) << int(K::Unknown) << -1 << QString();
    }

    void decode()
    {
        QFETCH(SseEvent, event);
        QFETCH(int, kind);
        QFETCH(int, index);
        QFETCH(QString, summary);
        const WorkflowFrame::Result result = WorkflowFrame::decode(event);
        QVERIFY(result.has_value());
        const WorkflowFrame frame = *result;
        QCOMPARE(int(frame.kind), kind);
        QCOMPARE(frame.index, index);
        QCOMPARE(summaryOf(frame), summary);
    }

    void decodeInvalid_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<int>("code");
        QTest::newRow("cut json") << u"{\"type\":\"chu"_s << int(DecodeError::Code::InvalidJson);
        QTest::newRow("array") << u"[1,2]"_s << int(DecodeError::Code::NotAnObject);
    }

    void decodeInvalid()
    {
        QFETCH(QString, data);
        QFETCH(int, code);
        const auto result = WorkflowFrame::decode(sse(u"chunk"_s, data, u"1"_s));
        QVERIFY(!result.has_value());
        QCOMPARE(int(result.error().code), code);
        QVERIFY(!result.error().message.isEmpty());
    }

    void mapping_data()
    {
        QTest::addColumn<QList<SseEvent>>("frames");
        QTest::addColumn<QString>("types");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("progress");

        const auto b3os = [](const QString &data) { return sse(u"message"_s, data, {}); };
        const SseEvent think = b3os(u"{\"type\":\"thinking\",\"message\":\"Searching\"}"_s);
        const SseEvent tool = b3os(u"{\"type\":\"tool_start\",\"toolName\":\"search_actions\"}"_s);
        const SseEvent result
            = b3os(u"{\"type\":\"tool_result\",\"toolName\":\"search_actions\"}"_s);
        const SseEvent mode = b3os(u"{\"type\":\"mode_switch\",\"mode\":\"building\"}"_s);
        const SseEvent c0 = b3os(u"{\"type\":\"chunk\",\"data\":\"Plan \"}"_s);
        const SseEvent c1 = b3os(u"{\"type\":\"chunk\",\"data\":\"done.\"}"_s);
        const SseEvent n2
            = b3os(u"{\"type\":\"node\",\"data\":{\"id\":\"root\",\"type\":\"manual\"}}"_s);
        const SseEvent d3 = b3os(u"{\"type\":\"done\",\"data\":{\"type\":\"workflow\",\"workflow\":"
                                 "{\"nodes\":{\"root\":{\"type\":\"manual\"}}}}}"_s);
        const SseEvent d3notes
            = b3os(u"{\"type\":\"done\",\"data\":{\"type\":\"workflow\",\"workflow\":"
                   "{\"nodes\":{\"root\":{\"type\":\"manual\"}}},\"incompleteFields\":[\"a\"]}}"_s);
        const SseEvent message = b3os(
            u"{\"type\":\"done\",\"data\":{\"type\":\"message\",\"message\":\"Which chain?\"}}"_s);
        const SseEvent e3 = b3os(u"{\"type\":\"error\",\"error\":\"No credits\"}"_s);
        const SseEvent unknown = b3os(u"{\"type\":\"plan_update\"}"_s);
        const SseEvent sheet = b3os(u"{\"type\":\"sheet_data\"}"_s);
        const QStringList steps { u"Thinking: Searching"_s, u"Using tool search_actions"_s,
            u"Tool search_actions finished"_s, u"Switched to building mode"_s };
        QTest::newRow("b3os steps, chunks, node, done")
            << QList<SseEvent> { think, tool, result, mode, c0, c1, n2, d3 }
            << u"start progress progress progress progress text_start text_delta text_delta "
               "progress text_end asset_start asset_delta asset_end finish done"_s
            << u"Plan done."_s << steps + QStringList { u"Added node root (manual)"_s };
        QTest::newRow("done with notes: a second text block")
            << QList<SseEvent> { c0, d3notes }
            << u"start text_start text_delta text_end text_start text_delta text_end asset_start "
               "asset_delta asset_end finish done"_s
            << u"Plan "_s << QStringList();
        QTest::newRow("done message is the text when no chunk came")
            << QList<SseEvent> { think, message }
            << u"start progress text_start text_delta text_end finish done"_s << u"Which chain?"_s
            << QStringList { u"Thinking: Searching"_s };
        QTest::newRow("done message after chunks is not added")
            << QList<SseEvent> { c0, message }
            << u"start text_start text_delta text_end finish done"_s << u"Plan "_s << QStringList();
        QTest::newRow("error after text")
            << QList<SseEvent> { c0, e3 } << u"start text_start text_delta text_end error done"_s
            << u"Plan "_s << QStringList();
        QTest::newRow("done without text nor definition")
            << QList<SseEvent> { sse(u"done"_s, QString(), u"0"_s) } << u"start finish done"_s
            << QString() << QStringList();
        QTest::newRow("unknown and sheet_data ignored, nothing after done")
            << QList<SseEvent> { unknown, sheet, c0, d3, c1 }
            << u"start text_start text_delta text_end asset_start asset_delta asset_end finish "
               "done"_s
            << u"Plan "_s << QStringList();
    }

    void mapping()
    {
        QFETCH(QList<SseEvent>, frames);
        QFETCH(QString, types);
        QFETCH(QString, text);
        QFETCH(QStringList, progress);
        if (QTest::currentDataTag()
            == QByteArray("unknown and sheet_data ignored, nothing after done"))
            QTest::ignoreMessage(
                QtInfoMsg, "Ignored workflow event of unknown type \"plan_update\"");
        WorkflowEventMapper mapper(u"conv-1"_s);
        QList<StreamEvent> events = mapper.begin();
        for (const SseEvent &frame : frames)
            events << mapper.map(WorkflowFrame::decode(frame).value());
        QCOMPARE(typesOf(events), types);
        QCOMPARE(mapper.text(), text);
        QVERIFY(mapper.isFinished());
        QStringList lines;
        for (const StreamEvent &e : events) {
            QCOMPARE(e.conversationId, u"conv-1"_s);
            if (e.type == StreamEvent::Type::Progress)
                lines << e.progressMessage;
            if (e.type == StreamEvent::Type::AssetDelta)
                QCOMPARE(e.text, u"{\"nodes\":{\"root\":{\"type\":\"manual\"}}}"_s);
            if (e.type == StreamEvent::Type::Error)
                QCOMPARE(e.errorMessage, u"No credits"_s);
            if (e.type == StreamEvent::Type::TextDelta && e.index == 1)
                QCOMPARE(e.text,
                    u"**Incomplete fields** — the workflow needs your input for:\n\n- `a`"_s);
        }
        QCOMPARE(lines, progress);
    }

    void stepsInWords_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("line");
        QTest::newRow("thinking") << u"{\"type\":\"thinking\",\"message\":\"Reading\"}"_s
                                  << u"Thinking: Reading"_s;
        QTest::newRow("thinking, no message") << u"{\"type\":\"thinking\"}"_s << u"Thinking…"_s;
        QTest::newRow("tool_start, no name")
            << u"{\"type\":\"tool_start\"}"_s << u"Using a tool…"_s;
        QTest::newRow("tool_result, no name")
            << u"{\"type\":\"tool_result\"}"_s << u"A tool finished"_s;
        QTest::newRow("mode_switch, no mode")
            << u"{\"type\":\"mode_switch\"}"_s << u"Switched mode"_s;
    }

    void stepsInWords()
    {
        QFETCH(QString, data);
        QFETCH(QString, line);
        const auto frame = WorkflowFrame::decode(sse(u"message"_s, data, {})).value();
        QCOMPARE(WorkflowEventMapper::describeStep(frame), line);
    }

    void notesMarkdown()
    {
        const QString expected = u"**Incomplete fields** — the workflow needs your input for:\n"
                                 "\n"
                                 "- `root.schedule`\n"
                                 "- `send.url`\n"
                                 "\n"
                                 "**Validation errors** — fix these before running it:\n"
                                 "\n"
                                 "- `send`: URL is missing\n"
                                 "- No trigger"_s;
        QCOMPARE(WorkflowEventMapper::notesMarkdown({ u"root.schedule"_s, u"send.url"_s },
                     { { u"send"_s, u"URL is missing"_s }, { QString(), u"No trigger"_s } }),
            expected);
        QCOMPARE(WorkflowEventMapper::notesMarkdown({}, {}), QString());
        QCOMPARE(WorkflowEventMapper::notesMarkdown({}, { { u"a`b"_s, u"bad"_s } }),
            u"**Validation errors** — fix these before running it:\n\n- `a'b`: bad"_s);
    }

    void nodesAreKeptAndReplaced()
    {
        WorkflowEventMapper mapper;
        for (const QString &data : { u"{\"node\":{\"id\":\"root\",\"type\":\"manual\"}}"_s,
                 u"{\"node\":{\"id\":\"send\",\"type\":\"http\"}}"_s,
                 u"{\"node\":{\"id\":\"root\",\"type\":\"manual\",\"children\":[\"send\"]}}"_s })
            mapper.map(WorkflowFrame::decode(sse(u"node"_s, data, {})).value());
        QCOMPARE(mapper.nodes().size(), 2);
        QCOMPARE(mapper.nodes().at(0).value(u"children").toArray().size(), 1);
        QCOMPARE(
            WorkflowEventMapper::describeNode(mapper.nodes().at(1)), u"Added node send (http)"_s);
    }

    void restoredTextIsHandedOnAgain()
    {
        WorkflowEventMapper mapper(u"c"_s);
        mapper.restore(u"Earlier text "_s, QJsonArray { QJsonObject { { u"id"_s, u"root"_s } } });
        const QList<StreamEvent> events = mapper.begin();
        QCOMPARE(typesOf(events), u"start text_start text_delta"_s);
        QCOMPARE(events.last().text, u"Earlier text "_s);
        QCOMPARE(mapper.nodes().size(), 1);
        // The next chunk continues the same text block.
        const auto more = mapper.map(
            WorkflowFrame::decode(sse(u"chunk"_s, u"{\"text\":\"and more\"}"_s, u"5"_s)).value());
        QCOMPARE(typesOf(more), u"text_delta"_s);
        QCOMPARE(mapper.text(), u"Earlier text and more"_s);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowEvents)
#include "tst_workflowevents.moc"
