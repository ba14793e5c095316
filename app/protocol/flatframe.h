#pragma once

#include "app/protocol/streamevent.h"

#include <QByteArrayView>

#include <array>

// One frame of an AIPrompt stream read straight from its UTF-8 JSON (FlatObject, one pass over
// the bytes): no QString, no QJsonObject, no allocation. The fast path for the frequent frames
// (start, progress, text_start, text_delta, text_end, asset_start, asset_delta, asset_end).
//
// read() answers only when it reads the frame exactly as AiPromptDecoder::decodeJson()
// (QJsonDocument) does: one JSON object of at most MaxMembers members, each a string, an integer
// of at most 15 digits, true, false or null, no key twice, a `type` among those above, and every
// tolerant variant of a field (`text`/`content` for `delta`, `asset_id`/`assetId`/`id`, ...) in
// the same order of preference. Anything else (an object, an array or a fraction as a member, an
// id sent as a number, an index sent as a string, a lone surrogate, a BOM, a control character,
// invalid JSON, a frame over MaxBytes...) returns false: the caller then decodes the frame with
// QJsonDocument, so the two paths never disagree (tst_flatframe runs every case through both).
//
// The views point into the input or a per-thread buffer of the reader; they stay valid until the
// next read() on the same thread.
struct FlatFrame
{
    enum class Kind : quint8 { String, Integer, True, False, Null };
    struct Member // trivially constructible: a FlatFrame on the stack costs nothing to set up
    {
        QByteArrayView key;
        QByteArrayView string; // Kind::String: the unescaped UTF-8 value
        qint64 integer; // Kind::Integer
        Kind kind;
    };
    static constexpr int MaxMembers = 16;
    static constexpr qsizetype MaxBytes = 64 * 1024;

    StreamEvent::Type type = StreamEvent::Type::Unknown;
    QByteArrayView typeName;
    // The fields of StreamEvent, as UTF-8; empty when absent, as there.
    QByteArrayView conversationId;
    QByteArrayView userMessageId;
    QByteArrayView assistantMessageId;
    int index = -1;
    QByteArrayView text;
    QByteArrayView progressMessage;
    QByteArrayView assetType;
    QByteArrayView assetId;

    // Every member in the order of the frame (for StreamEvent::raw).
    std::array<Member, MaxMembers> members;
    int memberCount = 0;

    static bool read(QByteArrayView utf8Json, FlatFrame &frame);
};
