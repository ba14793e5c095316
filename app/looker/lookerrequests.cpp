#include "lookerrequests.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

QString LookerRequests::conversationName(const QString &prompt)
{
    constexpr int maxWords = 8;
    constexpr int maxLength = 80;
    const QStringList words = prompt.simplified().split(u' ', Qt::SkipEmptyParts);
    QString name = words.mid(0, maxWords).join(u' ');
    if (name.size() > maxLength)
        name = name.left(maxLength - 1) + u'…';
    else if (words.size() > maxWords)
        name += u'…';
    return name;
}

LookerCall::Spec LookerRequests::createConversation(const LookerConfig &config, const QString &name)
{
    QJsonObject body { { u"name"_qs, name } };
    if (!config.agentId.isEmpty())
        body.insert(u"agent_id"_qs, config.agentId);
    if (!config.sources.isEmpty()) {
        QJsonArray sources;
        for (const LookerSource &source : config.sources)
            sources.append(
                QJsonObject { { u"model"_qs, source.model }, { u"explore"_qs, source.explore } });
        body.insert(u"sources"_qs, sources);
    }
    LookerCall::Spec spec;
    spec.method = "POST";
    spec.path = u"conversations"_qs;
    spec.body = json(body);
    return spec;
}

LookerCall::Spec LookerRequests::listConversations()
{
    LookerCall::Spec spec;
    spec.path = u"conversations"_qs;
    return spec;
}

LookerCall::Spec LookerRequests::getConversation(const QString &conversationId)
{
    LookerCall::Spec spec;
    spec.path = u"conversations/"_qs + QString::fromUtf8(QUrl::toPercentEncoding(conversationId));
    return spec;
}

LookerCall::Spec LookerRequests::chat(
    const LookerConfig &config, const QString &conversationId, const QString &text)
{
    QJsonObject body {
        { u"conversation_id"_qs, conversationId },
        { u"user_message"_qs, text },
    };
    if (!config.agentId.isEmpty())
        body.insert(u"agent_id"_qs, config.agentId);
    LookerCall::Spec spec;
    spec.method = "POST";
    spec.path = u"conversational_analytics/chat"_qs;
    spec.body = json(body);
    spec.streaming = true;
    return spec;
}

LookerCall::Spec LookerRequests::addMessage(const QString &conversationId,
    const QJsonObject &message, const QString &type, std::optional<int> order)
{
    QJsonObject body { { u"message"_qs, message }, { u"type"_qs, type } };
    if (order)
        body.insert(u"order"_qs, *order);
    LookerCall::Spec spec;
    spec.method = "POST";
    spec.path = u"conversations/"_qs + QString::fromUtf8(QUrl::toPercentEncoding(conversationId))
        + u"/messages"_qs;
    spec.body = json(body);
    return spec;
}

QJsonObject LookerRequests::userMessage(const QString &text)
{
    return { { u"timestamp"_qs, timestamp() },
        { u"userMessage"_qs, QJsonObject { { u"text"_qs, text } } } };
}

QJsonObject LookerRequests::systemTextMessage(const QString &text)
{
    const QJsonObject textPart { { u"parts"_qs, QJsonArray { text } },
        { u"textType"_qs, u"FINAL_RESPONSE"_qs } };
    return { { u"timestamp"_qs, timestamp() },
        { u"systemMessage"_qs, QJsonObject { { u"text"_qs, textPart } } } };
}
