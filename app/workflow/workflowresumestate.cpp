#include "workflowresumestate.h"

#include <QJsonDocument>
#include <QJsonObject>

QByteArray WorkflowResumeState::toJson() const
{
    const QJsonObject object { { u"conversationId"_qs, conversationId },
        { u"requestId"_qs, requestId }, { u"lastEventIndex"_qs, lastEventIndex },
        { u"text"_qs, text }, { u"nodes"_qs, nodes }, { u"message"_qs, message } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<WorkflowResumeState> WorkflowResumeState::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    WorkflowResumeState state;
    state.conversationId = object.value(u"conversationId").toString();
    state.requestId = object.value(u"requestId").toString();
    state.lastEventIndex = object.value(u"lastEventIndex").toInt(-1);
    state.text = object.value(u"text").toString();
    state.nodes = object.value(u"nodes").toArray();
    state.message = object.value(u"message").toString();
    if (!state.isValid())
        return std::nullopt;
    return state;
}
