#include "app/workflow/workflowrequest.h"

#include "app/workflow/workflowconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

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
             checkEnum(u"preferredMode"_s, preferredMode,
                 { u"planning"_s, u"building"_s, u"repair"_s, u"conversation"_s }),
             checkEnum(u"agentVersion"_s, agentVersion, { u"v1"_s, u"v2"_s, u"both"_s }),
             checkEnum(
                 u"templateSearchMode"_s, templateSearchMode, { u"lightweight"_s, u"hybrid"_s }),
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
    body.insert(u"conversationId"_s, conversationId);
    body.insert(u"requestId"_s, requestId);
    if (lastEventIndex >= 0) {
        body.insert(u"lastEventIndex"_s, lastEventIndex);
        return body;
    }
    putIfSet(body, u"message"_s, message);
    putIfSet(body, u"timezone"_s, timezone);
    if (!imagesBase64.isEmpty()) {
        QJsonArray images;
        for (const QByteArray &image : imagesBase64)
            images.append(QJsonObject { { u"base64"_s, QString::fromLatin1(image) } });
        body.insert(u"images"_s, images);
    }
    if (!definition.isEmpty())
        body.insert(u"definition"_s, definition);
    putIfSet(body, u"name"_s, name);
    putIfSet(body, u"description"_s, description);
    putIfSet(body, u"preferredMode"_s, preferredMode);
    putIfSet(body, u"agentVersion"_s, agentVersion);
    putIfSet(body, u"templateSearchMode"_s, templateSearchMode);
    putIfSet(body, u"workflowId"_s, workflowId);
    putIfSet(body, u"sessionId"_s, sessionId);
    return body;
}
