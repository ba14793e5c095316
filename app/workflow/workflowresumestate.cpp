#include "app/workflow/workflowresumestate.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QByteArray WorkflowResumeState::toJson() const
{
    const QJsonObject object { { u"conversationId"_s, conversationId },
        { u"requestId"_s, requestId }, { u"lastEventIndex"_s, lastEventIndex }, { u"text"_s, text },
        { u"nodes"_s, nodes }, { u"message"_s, message } };
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
