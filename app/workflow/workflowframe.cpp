#include "app/workflow/workflowframe.h"

#include "app/stream/sseevent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace {
// The first non-empty string among `keys`; an object in one of them counts by its `message`.
QString firstString(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (const QStringView key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isObject()) {
            const QString message = value.toObject().value(u"message").toString();
            if (!message.isEmpty())
                return message;
        }
    }
    return {};
}

// A string from `keys`, else from `data` when it is a string, else from the same keys inside
// `data` when it is an object (B3OS events carry their payload in `data`).
QString payloadString(const QJsonObject &raw, std::initializer_list<QStringView> keys)
{
    QString s = firstString(raw, keys);
    if (!s.isEmpty())
        return s;
    const QJsonValue data = raw.value(u"data");
    if (data.isString())
        return data.toString();
    return data.isObject() ? firstString(data.toObject(), keys) : QString();
}

// The data lines of one frame as one JSON text. SseParser joins them with a line feed (WHATWG);
// B3OS's client joins them with nothing, so a line may end inside a token, even inside a string.
// A raw line feed is only whitespace in valid JSON (never inside a string), so removing them all
// reads both the same way.
QJsonDocument parse(QString data, QJsonParseError &error)
{
    data.remove(u'\n');
    return QJsonDocument::fromJson(data.toUtf8(), &error);
}

void readDone(WorkflowFrame &frame)
{
    const QJsonObject data = frame.raw.value(u"data").toObject();
    frame.doneType = data.value(u"type").toString();
    frame.definition = data.value(u"workflow").toObject();
    if (frame.definition.isEmpty()) // the older shape
        frame.definition = frame.raw.value(u"definition").toObject();
    frame.text = data.value(u"message").toString();
    for (const QJsonValue &field : data.value(u"incompleteFields").toArray()) {
        if (!field.toString().isEmpty())
            frame.incompleteFields << field.toString();
    }
    for (const QJsonValue &value : data.value(u"validationErrors").toArray()) {
        WorkflowFrame::ValidationError e;
        if (value.isString()) {
            e.message = value.toString();
        } else {
            e.nodeId = value[u"nodeId"].toString();
            e.message = value[u"message"].toString();
        }
        if (!e.message.isEmpty() || !e.nodeId.isEmpty())
            frame.validationErrors << e;
    }
}
} // namespace

WorkflowFrame::Kind WorkflowFrame::kindOf(const QString &name)
{
    static const QList<std::pair<QStringView, Kind>> kinds {
        { u"chunk", Kind::Chunk },
        { u"node", Kind::Node },
        { u"thinking", Kind::Thinking },
        { u"tool_start", Kind::ToolStart },
        { u"tool_result", Kind::ToolResult },
        { u"mode_switch", Kind::ModeSwitch },
        { u"sheet_data", Kind::SheetData },
        { u"done", Kind::Done },
        { u"error", Kind::Error },
    };
    for (const auto &[typeName, kind] : kinds) {
        if (name == typeName)
            return kind;
    }
    return Kind::Unknown;
}

int WorkflowFrame::idOf(const SseEvent &event)
{
    bool ok = false;
    const int id = event.id.trimmed().toInt(&ok);
    return ok && id >= 0 ? id : -1;
}

WorkflowFrame::Result WorkflowFrame::decode(const SseEvent &event)
{
    WorkflowFrame frame;
    const QString data = event.data.trimmed();
    if (!data.isEmpty() && data != u"[DONE]") {
        QJsonParseError error;
        const QJsonDocument document = parse(data, error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            DecodeError e;
            e.code = document.isNull() ? DecodeError::Code::InvalidJson
                                       : DecodeError::Code::NotAnObject;
            e.message = QCoreApplication::translate(
                "WorkflowFrame", "An event of the workflow stream could not be read (%1).")
                            .arg(document.isNull() ? error.errorString() : u"not a JSON object"_s);
            e.frame = data.left(200);
            return e;
        }
        frame.raw = document.object();
    }
    // The JSON `type` is the kind (B3OS reads no `event:` line); a named event stands in for
    // data without a type (the older shape).
    frame.typeName = frame.raw.value(u"type").toString();
    if (frame.typeName.isEmpty() && event.type != u"message")
        frame.typeName = event.type;
    if (frame.typeName.isEmpty() && data == u"[DONE]")
        frame.typeName = u"done"_s;
    frame.kind = kindOf(frame.typeName);
    frame.index = idOf(event);
    switch (frame.kind) {
    case Kind::Chunk:
        frame.text = payloadString(frame.raw, { u"content", u"text", u"delta" });
        break;
    case Kind::Node:
        frame.node = frame.raw.value(u"node").toObject();
        if (frame.node.isEmpty())
            frame.node = frame.raw.value(u"data").toObject();
        if (!frame.node.contains(u"id"_s) && frame.raw.value(u"nodeId").isString())
            frame.node.insert(u"id"_s, frame.raw.value(u"nodeId"));
        break;
    case Kind::Thinking:
        frame.text = payloadString(frame.raw, { u"message", u"content", u"text" });
        break;
    case Kind::ToolStart:
    case Kind::ToolResult:
        // Not `data` as a string: in a tool_result that may well be the result.
        frame.toolName = firstString(frame.raw, { u"toolName", u"name", u"tool" });
        if (frame.toolName.isEmpty())
            frame.toolName = firstString(
                frame.raw.value(u"data").toObject(), { u"toolName", u"name", u"tool" });
        break;
    case Kind::ModeSwitch:
        frame.mode = payloadString(frame.raw, { u"mode", u"to", u"newMode" });
        break;
    case Kind::Done:
        readDone(frame);
        break;
    case Kind::Error:
        frame.errorMessage = firstString(frame.raw, { u"error", u"message", u"detail" });
        break;
    case Kind::SheetData:
    case Kind::Unknown:
        break;
    }
    return frame;
}
