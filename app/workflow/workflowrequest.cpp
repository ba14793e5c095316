#include "workflowrequest.h"

#include "workflowconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>
#include <QUuid>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("WorkflowRequest", text);
}

void putIfSet(QJsonObject &body, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        body.insert(key, value);
}

QString checkEnum(const QString &field, const QString &value, const QStringList &allowed)
{
    if (value.isEmpty() || allowed.contains(value))
        return {};
    return tr("The workflow setting %1 is \"%2\"; it must be one of: %3.")
        .arg(field, value, allowed.join(u", "));
}
} // namespace

QString WorkflowRequest::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

WorkflowRequest WorkflowRequest::create(
    const WorkflowConfig &config, const QString &message, const QString &conversationId)
{
    WorkflowRequest r;
    r.conversationId = conversationId.isEmpty() ? newId() : conversationId;
    r.requestId = newId();
    r.message = message;
    r.timezone = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    r.definition = config.definition;
    r.name = config.name;
    r.description = config.description;
    r.preferredMode = config.preferredMode;
    r.agentVersion = config.agentVersion;
    r.templateSearchMode = config.templateSearchMode;
    r.workflowId = config.workflowId;
    r.sessionId = config.sessionId;
    return r;
}

QString WorkflowRequest::validate() const
{
    if (message.trimmed().isEmpty())
        return tr("Type a question first.");
    for (const QString &problem : {
             checkEnum(u"preferredMode"_qs, preferredMode,
                 { u"planning"_qs, u"building"_qs, u"repair"_qs, u"conversation"_qs }),
             checkEnum(u"agentVersion"_qs, agentVersion, { u"v1"_qs, u"v2"_qs, u"both"_qs }),
             checkEnum(
                 u"templateSearchMode"_qs, templateSearchMode, { u"lightweight"_qs, u"hybrid"_qs }),
         }) {
        if (!problem.isEmpty())
            return problem;
    }
    if (!definition.isEmpty()) {
        const QJsonValue nodes = definition.value(u"nodes");
        if (!nodes.isObject())
            return tr("The workflow definition has no \"nodes\" object.");
        if (nodes.toObject().value(u"root").toObject().value(u"type").toString() != u"manual")
            return tr("The workflow definition needs a \"root\" node of type \"manual\".");
    }
    return {};
}

QJsonObject WorkflowRequest::toJson(int lastEventIndex) const
{
    QJsonObject body;
    body.insert(u"conversationId"_qs, conversationId);
    body.insert(u"requestId"_qs, requestId);
    if (lastEventIndex >= 0) {
        body.insert(u"lastEventIndex"_qs, lastEventIndex);
        return body;
    }
    putIfSet(body, u"message"_qs, message);
    putIfSet(body, u"timezone"_qs, timezone);
    if (!imagesBase64.isEmpty()) {
        QJsonArray images;
        for (const QByteArray &image : imagesBase64)
            images.append(QJsonObject { { u"base64"_qs, QString::fromLatin1(image) } });
        body.insert(u"images"_qs, images);
    }
    if (!definition.isEmpty())
        body.insert(u"definition"_qs, definition);
    putIfSet(body, u"name"_qs, name);
    putIfSet(body, u"description"_qs, description);
    putIfSet(body, u"preferredMode"_qs, preferredMode);
    putIfSet(body, u"agentVersion"_qs, agentVersion);
    putIfSet(body, u"templateSearchMode"_qs, templateSearchMode);
    putIfSet(body, u"workflowId"_qs, workflowId);
    putIfSet(body, u"sessionId"_qs, sessionId);
    return body;
}
