#pragma once

#include "app/protocol/decodeerror.h"
#include "app/protocol/streamevent.h"
#include "models/expected.h"

#include <QJsonObject>
#include <QString>

struct FlatFrame;

// Decodes the `data` of one AIPrompt stream frame into a StreamEvent. Accepts the shape of seed 000
// and the tolerant variants of PROTOCOLS.md (`text` or `content` instead of `delta`, `asset_id`
// instead of `id`, `error` as a string or an object, an index sent as a string). Invalid JSON or a
// value that is not an object is a DecodeError, never a crash.
class AiPromptDecoder
{
public:
    using Result = Expected<StreamEvent, DecodeError>;

    static Result decode(const QString &data);
    // The frequent flat frames are read with simdjson (FlatFrame), the others with QJsonDocument
    // (decodeJson()); both give the same event.
    static Result decode(QByteArrayView utf8Data);
    // A frame that arrived already parsed (a Socket.IO argument).
    static StreamEvent decode(const QJsonObject &object);

    // decode() of a frame that is not a FlatFrame: simdjson's DOM into a QJsonObject when that
    // gives what QJsonDocument would (JsonFastPath), else decodeJson().
    static Result decodeAny(QByteArrayView utf8Data);
    // The QJsonDocument path alone, for any frame.
    static Result decodeJson(QByteArrayView utf8Data);
    // The event a FlatFrame stands for, raw included unless told (StreamEvent::raw is the costliest
    // part to build, and an answer reads it only at asset_end).
    enum class Raw { Include, Omit };
    static StreamEvent toEvent(const FlatFrame &frame, Raw raw = Raw::Include);

    static StreamEvent::Type typeFromName(QStringView name);
};
