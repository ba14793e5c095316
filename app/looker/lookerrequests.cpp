#include "lookerrequests.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

LookerCall::Spec post(const QString &path, const QJsonObject &body)
{
    LookerCall::Spec spec;
    spec.method = "POST";
    spec.path = path;
    spec.body = json(body);
    return spec;
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

QString LookerRequests::agentName(const QList<LookerSource> &sources)
{
    QStringList names;
    for (const LookerSource &source : sources)
        names << source.model + u'/' + source.explore;
    return u"Chartroom: "_qs + names.join(u", "_qs);
}

QJsonArray LookerRequests::sourcesJson(const QList<LookerSource> &sources)
{
    QJsonArray array;
    for (const LookerSource &source : sources)
        array.append(
            QJsonObject { { u"model"_qs, source.model }, { u"explore"_qs, source.explore } });
    return array;
}

QString LookerRequests::pathId(const QString &id)
{
    return u'/' + QString::fromUtf8(QUrl::toPercentEncoding(id));
}

LookerCall::Spec LookerRequests::createConversation(
    const LookerConfig &config, const QString &name, const QString &agentId)
{
    QJsonObject body { { u"name"_qs, name }, { u"category"_qs, u"conversation"_qs } };
    if (!agentId.isEmpty())
        body.insert(u"agent_id"_qs, agentId);
    else if (!config.sources.isEmpty())
        body.insert(u"sources"_qs, sourcesJson(config.sources));
    return post(u"conversations"_qs, body);
}

LookerCall::Spec LookerRequests::searchConversations(int limit, int offset)
{
    LookerCall::Spec spec;
    spec.path = u"conversations/search"_qs;
    spec.query.addQueryItem(u"sorts"_qs, u"updated_at"_qs);
    spec.query.addQueryItem(u"limit"_qs, QString::number(limit));
    spec.query.addQueryItem(u"offset"_qs, QString::number(offset));
    return spec;
}

LookerCall::Spec LookerRequests::conversationMessages(const QString &conversationId)
{
    LookerCall::Spec spec;
    spec.path = u"conversations"_qs + pathId(conversationId) + u"/messages"_qs;
    return spec;
}

LookerCall::Spec LookerRequests::chat(const QString &conversationId, const QString &text)
{
    LookerCall::Spec spec = post(u"conversational_analytics/chat"_qs,
        { { u"conversation_id"_qs, conversationId }, { u"user_message"_qs, text } });
    spec.streaming = true;
    return spec;
}

LookerCall::Spec LookerRequests::addMessages(
    const QString &conversationId, const QJsonArray &messages)
{
    return post(u"conversations"_qs + pathId(conversationId) + u"/messages"_qs,
        { { u"messages"_qs, messages } });
}

LookerCall::Spec LookerRequests::searchAgents(const QString &name)
{
    LookerCall::Spec spec;
    spec.path = u"agents/search"_qs;
    spec.query.addQueryItem(u"name"_qs, name);
    spec.query.addQueryItem(u"category"_qs, u"conversation"_qs);
    spec.query.addQueryItem(u"deleted"_qs, u"false"_qs);
    return spec;
}

LookerCall::Spec LookerRequests::createAgent(
    const QString &name, const QList<LookerSource> &sources)
{
    return post(u"agents"_qs,
        { { u"name"_qs, name }, { u"category"_qs, u"conversation"_qs },
            { u"description"_qs, u"Answers Chartroom's questions about the sources listed."_qs },
            { u"sources"_qs, sourcesJson(sources) },
            { u"context"_qs,
                QJsonObject { { u"instructions"_qs,
                    u"Answer with the data of these sources; draw a chart when it helps."_qs } } } });
}

QJsonObject LookerRequests::userEntry(const QString &text)
{
    return { { u"type"_qs, UserType },
        { u"message"_qs,
            QJsonObject {
                { u"timestamp"_qs, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
                { u"userMessage"_qs, QJsonObject { { u"text"_qs, text } } } } } };
}

QJsonObject LookerRequests::systemEntry(const QJsonObject &chatMessage)
{
    return { { u"type"_qs, SystemType }, { u"message"_qs, chatMessage } };
}
