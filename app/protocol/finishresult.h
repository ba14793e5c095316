#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What an answer's `finish.result` (the non-streaming response) says about the answer, as
// AnswerAssembler reconciles it: the ids, the assistant message's text and its assets. Read from
// a QJsonObject by fromJson() (the reference), or straight from the frame's DOM by FinishFrame;
// both give the same FinishResult (tst_finishframe).
//
// The tolerance is QJsonValue's: a field of another type than expected reads as absent (an id
// as an empty string, a `type` as "item"), a key sent twice keeps its last value.
struct FinishResult
{
    struct Asset
    {
        QString id;
        QString type; // "item" unless the asset says otherwise
        std::optional<QJsonObject> value; // the item; nullopt when the asset carries no object
        bool operator==(const Asset &) const = default;
    };

    // result.conversation_id, else result.assistant_message.conversation_id.
    QString conversationId;
    QString userMessageId; // result.user_message.id
    QString assistantMessageId; // result.assistant_message.id
    std::optional<QString> message; // result.assistant_message.message, when a string
    std::optional<QList<Asset>> assets; // result.assistant_message.aiMessageAssets, when an array

    bool operator==(const FinishResult &) const = default;

    static FinishResult fromJson(const QJsonObject &result);
};
