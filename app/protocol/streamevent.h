#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// One event of an AIPrompt answer stream (Luzmo `aiprompt` with `stream: true`), decoded from the
// JSON of an SSE `data:` frame (or a Socket.IO `aiprompt` message). Fields that an event does not
// carry stay empty; `raw` keeps the whole object for anything not mapped here.
struct StreamEvent
{
    enum class Type {
        Start,
        Progress,
        TextStart,
        TextDelta,
        TextEnd,
        AssetStart,
        AssetDelta,
        AssetEnd,
        Error,
        Finish,
        Done, // the `data: [DONE]` terminator
        Unknown, // a type this client does not know: kept, logged, ignored
    };

    Type type = Type::Unknown;
    QString typeName; // the `type` as sent ("[DONE]" for Done)

    // The streaming context, present on every event after the first.
    QString conversationId;
    QString userMessageId;
    QString assistantMessageId;

    int index = -1; // text block or asset index; -1 when absent
    QString text; // text_delta/text_end: `delta` or `text`; asset_delta: the JSON fragment
    QString progressMessage; // progress: `message`
    QString assetType; // asset_start: `asset_type`
    QString assetId; // asset events: `id` or `asset_id`
    QString errorMessage; // error: `message`, or `error` as a string or as `{message}`

    // finish: the non-streaming response, or nullopt when `result` is null or absent.
    std::optional<QJsonObject> result;
    bool resultIsNull = false; // finish carried an explicit `"result": null` (the workflow failed)

    QJsonObject raw;

    static QString typeToString(Type type);
};
