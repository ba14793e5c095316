#pragma once

#include "app/protocol/decodeerror.h"
#include "models/expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct SseEvent;

// One event of the workflow chat stream (B3OS "Caddie", PROTOCOLS.md section 2 and
// docs/protocols/workflow.md), read from one SSE frame. As B3OS's own client reads it
// (packages/mcp/src/sse-client.ts): the kind is the JSON `type` field; several `data:` lines of
// one frame are one JSON text. Older, tolerated shapes: an `event:` name when the JSON has no
// `type`, an `id:` line (the server's event number), chunk text in `text`/`content`/`delta`,
// a top-level `definition` in done, `message` or `{message}` in error. Pure.
struct WorkflowFrame
{
    enum class Kind {
        Chunk, // answer text
        Node, // one node of the workflow being built
        Thinking, // `message`: what the assistant is thinking about
        ToolStart, // `toolName`
        ToolResult, // `toolName` (when given)
        ModeSwitch, // `mode` (unconfirmed field)
        SheetData, // known to B3OS, not shown here
        Done, // `data`: {type, workflow, message, incompleteFields, validationErrors}
        Error, // `error`: a string
        Unknown, // a type this client does not know: ignored
    };

    struct ValidationError
    {
        QString nodeId; // may be empty
        QString message;
        friend bool operator==(const ValidationError &a, const ValidationError &b)
        {
            return a.nodeId == b.nodeId && a.message == b.message;
        }
    };

    Kind kind = Kind::Unknown;
    QString typeName; // as sent
    int index = -1; // the frame's `id:` line as a number; -1 when it has none
    QString text; // chunk: the text; thinking: the message; done: data.message
    QString toolName; // tool_start, tool_result
    QString mode; // mode_switch
    QJsonObject node; // node
    QString doneType; // done: data.type ("workflow" | "message"), empty in the older shape
    QJsonObject definition; // done: the final workflow graph (empty when absent)
    QStringList incompleteFields; // done: fields that still need the user's input
    QList<ValidationError> validationErrors; // done
    QString errorMessage; // error
    QJsonObject raw; // the data object

    using Result = Expected<WorkflowFrame, DecodeError>;
    static Result decode(const SseEvent &event);
    static Kind kindOf(const QString &name);
    // The number in the event's `id:` line, or -1 when there is none (or it is not a number).
    static int idOf(const SseEvent &event);
};
