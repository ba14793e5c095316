#include "app/protocol/finishresult.h"

#include <QJsonArray>

FinishResult FinishResult::fromJson(const QJsonObject &result)
{
    FinishResult read;
    const QJsonObject user = result.value(u"user_message").toObject();
    const QJsonObject assistant = result.value(u"assistant_message").toObject();
    read.conversationId = result.value(u"conversation_id").toString();
    if (read.conversationId.isEmpty())
        read.conversationId = assistant.value(u"conversation_id").toString();
    read.userMessageId = user.value(u"id").toString();
    read.assistantMessageId = assistant.value(u"id").toString();
    if (const QJsonValue message = assistant.value(u"message"); message.isString())
        read.message = message.toString();

    const QJsonValue assets = assistant.value(u"aiMessageAssets");
    if (!assets.isArray())
        return read;
    read.assets.emplace();
    const QJsonArray array = assets.toArray();
    for (const QJsonValue item : array) {
        const QJsonObject object = item.toObject();
        Asset asset;
        asset.id = object.value(u"id").toString();
        asset.type = object.value(u"type").toString(QStringLiteral("item"));
        if (const QJsonValue value = object.value(u"value"); value.isObject())
            asset.value = value.toObject();
        read.assets->append(asset);
    }
    return read;
}
