#include "workflowframe.h"

#include "sseevent.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {
QString firstString(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (const QStringView key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isString())
            return value.toString();
        if (value.isObject()) {
            const QString message = value.toObject().value(u"message").toString();
            if (!message.isEmpty())
                return message;
        }
    }
    return {};
}

int indexOf(const SseEvent &event, const QJsonObject &data)
{
    bool ok = false;
    const int id = event.id.trimmed().toInt(&ok);
    if (ok && id >= 0)
        return id;
    for (const QStringView key : { u"index", u"eventIndex" }) {
        const QJsonValue value = data.value(key);
        if (value.isDouble() && value.toDouble() >= 0)
            return value.toInt(-1);
    }
    return -1;
}
} // namespace

WorkflowFrame::Kind WorkflowFrame::kindOf(const QString &name)
{
    if (name == u"chunk")
        return Kind::Chunk;
    if (name == u"node")
        return Kind::Node;
    if (name == u"done")
        return Kind::Done;
    if (name == u"error")
        return Kind::Error;
    return Kind::Unknown;
}

WorkflowFrame::Result WorkflowFrame::decode(const SseEvent &event)
{
    WorkflowFrame frame;
    const QString data = event.data.trimmed();
    if (!data.isEmpty() && data != u"[DONE]") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            DecodeError e;
            e.code = document.isNull() ? DecodeError::Code::InvalidJson
                                       : DecodeError::Code::NotAnObject;
            e.message = QCoreApplication::translate(
                "WorkflowFrame", "An event of the workflow stream could not be read (%1).")
                            .arg(document.isNull() ? error.errorString() : u"not a JSON object"_qs);
            e.frame = data.left(200);
            return e;
        }
        frame.raw = document.object();
    }
    // The named event wins; the data's `type` stands in for unnamed ("message") events.
    frame.typeName = event.type;
    if (frame.typeName.isEmpty() || frame.typeName == u"message")
        frame.typeName = frame.raw.value(u"type").toString();
    if (frame.typeName.isEmpty() && data == u"[DONE]")
        frame.typeName = u"done"_qs;
    frame.kind = kindOf(frame.typeName);
    frame.index = indexOf(event, frame.raw);
    switch (frame.kind) {
    case Kind::Chunk:
        frame.text = firstString(frame.raw, { u"text", u"content", u"delta" });
        break;
    case Kind::Node:
        frame.node = frame.raw.value(u"node").toObject();
        break;
    case Kind::Done:
        frame.definition = frame.raw.value(u"definition").toObject();
        break;
    case Kind::Error:
        frame.errorMessage = firstString(frame.raw, { u"message", u"error", u"detail" });
        break;
    case Kind::Unknown:
        break;
    }
    return frame;
}
