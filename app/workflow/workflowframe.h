#pragma once

#include "decodeerror.h"

#include <QJsonObject>
#include <QString>

#include <variant>

struct SseEvent;

// One event of the workflow chat stream, read from an SSE frame: `id:` is the event index,
// `event:` (or the data's `type`) the kind, and the JSON data carries the text, node, final
// definition or error message. The exact layout is unconfirmed, so the reading is tolerant:
// `text`, `content` or `delta` for text; `message` or `error` for errors. Pure.
struct WorkflowFrame
{
    enum class Kind { Chunk, Node, Done, Error, Unknown };

    Kind kind = Kind::Unknown;
    QString typeName; // as sent
    int index = -1; // the event index; -1 when the frame has none
    QString text; // chunk
    QJsonObject node; // node
    QJsonObject definition; // done: the final workflow graph (empty when absent)
    QString errorMessage; // error
    QJsonObject raw; // the data object

    using Result = std::variant<WorkflowFrame, DecodeError>;
    static Result decode(const SseEvent &event);
    static Kind kindOf(const QString &name);
};
