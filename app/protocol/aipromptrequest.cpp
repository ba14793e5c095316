#include "app/protocol/aipromptrequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

QString AiPromptRequest::validate() const
{
    const auto tr
        = [](const char *text) { return QCoreApplication::translate("AiPromptRequest", text); };
    if (agent != u"item" && agent != u"analyst")
        return tr("Unknown agent: use \"item\" or \"analyst\".");
    if (agent == u"analyst" && task != u"generate")
        return tr("The analyst agent only supports the task \"generate\".");
    if (agent == u"item" && task != u"generate" && task != u"suggest" && task != u"describe")
        return tr(
            "Unknown task for the item agent: use \"generate\", \"suggest\" or \"describe\".");
    if (responseMode != u"mixed" && responseMode != u"text" && responseMode != u"asset")
        return tr("Unknown response mode: use \"mixed\", \"text\" or \"asset\".");
    if (textFormat != u"plain" && textFormat != u"markdown")
        return tr("Unknown text format: use \"plain\" or \"markdown\".");
    if (texts.size() != 1)
        return tr("Exactly one text input is required.");
    if (texts.first().trimmed().isEmpty())
        return tr("The question is empty.");
    if (task == u"describe" && items.isEmpty())
        return tr("The describe task needs the chart to describe as an item input.");
    return {};
}

QJsonObject AiPromptRequest::toProperties() const
{
    QJsonArray inputs;
    for (const QString &text : texts)
        inputs << QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, text } };
    for (const QString &id : datasetIds)
        inputs << QJsonObject { { u"type"_s, u"dataset"_s }, { u"id"_s, id } };
    for (const QJsonObject &item : items)
        inputs << QJsonObject { { u"type"_s, u"item"_s }, { u"value"_s, item } };
    QJsonObject properties {
        { u"agent"_s, agent },
        { u"task"_s, task },
        { u"locale_id"_s, localeId },
        { u"text_format"_s, textFormat },
        { u"response_mode"_s, responseMode },
        { u"stream"_s, stream },
        { u"input"_s, inputs },
    };
    if (!timezoneId.isEmpty())
        properties.insert(u"timezone_id"_s, timezoneId);
    if (!conversationId.isEmpty())
        properties.insert(u"conversation_id"_s, conversationId);
    return properties;
}

AiPromptRequest AiPromptRequest::fromProperties(const QJsonObject &properties)
{
    AiPromptRequest request;
    request.agent = properties.value(u"agent").toString(u"item"_s);
    request.task = properties.value(u"task").toString(u"generate"_s);
    request.conversationId = properties.value(u"conversation_id").toString();
    request.localeId = properties.value(u"locale_id").toString(u"en"_s);
    request.timezoneId = properties.value(u"timezone_id").toString();
    request.textFormat = properties.value(u"text_format").toString(u"plain"_s);
    request.responseMode = properties.value(u"response_mode").toString(u"mixed"_s);
    if (request.responseMode == u"chart")
        request.responseMode = u"asset"_s;
    request.stream = properties.value(u"stream").toBool(false);
    const QJsonValue inputs
        = properties.contains(u"input") ? properties.value(u"input") : properties.value(u"inputs");
    for (const QJsonValue &v : inputs.toArray()) {
        const QJsonObject input = v.toObject();
        const QString type = input.value(u"type").toString();
        if (type == u"text") {
            for (const auto key : { u"text", u"value", u"message" }) {
                if (input.value(key).isString()) {
                    request.texts << input.value(key).toString();
                    break;
                }
            }
        } else if (type == u"dataset") {
            const QString id = input.value(u"id").toString(input.value(u"dataset_id").toString());
            if (!id.isEmpty())
                request.datasetIds << id;
        } else if (type == u"item") {
            const QJsonValue item
                = input.contains(u"value") ? input.value(u"value") : input.value(u"item");
            if (item.isObject())
                request.items << item.toObject();
        }
    }
    if (request.texts.isEmpty() && properties.value(u"text").isString())
        request.texts << properties.value(u"text").toString();
    return request;
}

QString AiPromptRequest::systemTimezoneId()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return id.isEmpty() ? u"UTC"_s : QString::fromUtf8(id);
}
