#pragma once

#include "app/protocol/finishresult.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

// An AIPrompt `finish` frame read with simdjson's DOM, building a QJsonObject only for the items
// of its assets: the fast path of the largest frame of an answer (its result repeats the whole
// text and the charts), which a QJsonObject of the entire result made the costliest frame to
// decode.
//
// read() answers only when it reads the frame exactly as AiPromptDecoder::decodeJson() and
// FinishResult::fromJson() do: a JSON object whose `type` is the string "finish", its context ids
// strings or absent (a number there is formatted by that path), and no value anywhere that
// QJsonDocument would read otherwise (JsonFastPath::isFaithful()). Anything else returns false
// and the caller decodes the frame with QJsonDocument.
struct FinishFrame
{
    QString conversationId;
    QString userMessageId;
    QString assistantMessageId;
    std::optional<FinishResult> result; // `result` is an object
    bool resultIsNull = false; // `result` is null

    static bool read(QByteArrayView utf8Json, FinishFrame &frame);
};
