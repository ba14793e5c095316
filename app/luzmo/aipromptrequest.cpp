#include "aipromptrequest.h"

#include <QCoreApplication>
#include <QJsonArray>

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
        { u"stream"_qs, stream },
        { u"inputs"_qs, inputs },
    };
    if (!conversationId.isEmpty())
        properties.insert(u"conversation_id"_qs, conversationId);
    return properties;
}
