#include "aipromptrequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

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
        inputs << QJsonObject { { u"type"_qs, u"text"_qs }, { u"text"_qs, text } };
    for (const QString &id : datasetIds)
        inputs << QJsonObject { { u"type"_qs, u"dataset"_qs }, { u"id"_qs, id } };
    for (const QJsonObject &item : items)
        inputs << QJsonObject { { u"type"_qs, u"item"_qs }, { u"value"_qs, item } };
    QJsonObject properties {
        { u"agent"_qs, agent },
        { u"task"_qs, task },
        { u"locale_id"_qs, localeId },
        { u"text_format"_qs, textFormat },
        { u"response_mode"_qs, responseMode },
        { u"stream"_qs, stream },
        { u"input"_qs, inputs },
    };
    if (!timezoneId.isEmpty())
        properties.insert(u"timezone_id"_qs, timezoneId);
    if (!conversationId.isEmpty())
        properties.insert(u"conversation_id"_qs, conversationId);
    return properties;
}

AiPromptRequest AiPromptRequest::fromProperties(const QJsonObject &properties)
{
    AiPromptRequest request;
    request.agent = properties.value(u"agent").toString(u"item"_qs);
    request.task = properties.value(u"task").toString(u"generate"_qs);
    request.conversationId = properties.value(u"conversation_id").toString();
    request.localeId = properties.value(u"locale_id").toString(u"en"_qs);
    request.timezoneId = properties.value(u"timezone_id").toString();
    request.textFormat = properties.value(u"text_format").toString(u"plain"_qs);
    request.responseMode = properties.value(u"response_mode").toString(u"mixed"_qs);
    if (request.responseMode == u"chart")
        request.responseMode = u"asset"_qs;
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
    return id.isEmpty() ? u"UTC"_qs : QString::fromUtf8(id);
}
