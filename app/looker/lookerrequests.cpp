#include "app/looker/lookerrequests.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;

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
    return u"Chartroom: "_s + names.join(u", "_s);
}

QJsonArray LookerRequests::sourcesJson(const QList<LookerSource> &sources)
{
    QJsonArray array;
    for (const LookerSource &source : sources)
        array.append(
            QJsonObject { { u"model"_s, source.model }, { u"explore"_s, source.explore } });
    return array;
}

QString LookerRequests::pathId(const QString &id)
{
    return u'/' + QString::fromUtf8(QUrl::toPercentEncoding(id));
}

LookerCall::Spec LookerRequests::createConversation(
    const LookerConfig &config, const QString &name, const QString &agentId)
{
    QJsonObject body { { u"name"_s, name }, { u"category"_s, u"conversation"_s } };
    if (!agentId.isEmpty())
        body.insert(u"agent_id"_s, agentId);
    else if (!config.sources.isEmpty())
        body.insert(u"sources"_s, sourcesJson(config.sources));
    return post(u"conversations"_s, body);
}

LookerCall::Spec LookerRequests::searchConversations(int limit, int offset)
{
    LookerCall::Spec spec;
    spec.path = u"conversations/search"_s;
    spec.query.addQueryItem(u"sorts"_s, u"updated_at"_s);
    spec.query.addQueryItem(u"limit"_s, QString::number(limit));
    spec.query.addQueryItem(u"offset"_s, QString::number(offset));
    return spec;
}

LookerCall::Spec LookerRequests::conversationMessages(const QString &conversationId)
{
    LookerCall::Spec spec;
    spec.path = u"conversations"_s + pathId(conversationId) + u"/messages"_s;
    return spec;
}

LookerCall::Spec LookerRequests::chat(const QString &conversationId, const QString &text)
{
    LookerCall::Spec spec = post(u"conversational_analytics/chat"_s,
        { { u"conversation_id"_s, conversationId }, { u"user_message"_s, text } });
    spec.streaming = true;
    return spec;
}

LookerCall::Spec LookerRequests::addMessages(
    const QString &conversationId, const QJsonArray &messages)
{
    return post(u"conversations"_s + pathId(conversationId) + u"/messages"_s,
        { { u"messages"_s, messages } });
}

LookerCall::Spec LookerRequests::searchAgents(const QString &name)
{
    LookerCall::Spec spec;
    spec.path = u"agents/search"_s;
    spec.query.addQueryItem(u"name"_s, name);
    spec.query.addQueryItem(u"category"_s, u"conversation"_s);
    spec.query.addQueryItem(u"deleted"_s, u"false"_s);
    return spec;
}

LookerCall::Spec LookerRequests::createAgent(
    const QString &name, const QList<LookerSource> &sources)
{
    return post(u"agents"_s,
        { { u"name"_s, name }, { u"category"_s, u"conversation"_s },
            { u"description"_s, u"Answers Chartroom's questions about the sources listed."_s },
            { u"sources"_s, sourcesJson(sources) },
            { u"context"_s,
                QJsonObject { { u"instructions"_s,
                    u"Answer with the data of these sources; draw a chart when it helps."_s } } } });
}

QJsonObject LookerRequests::userEntry(const QString &text)
{
    return { { u"type"_s, UserType },
        { u"message"_s,
            QJsonObject {
                { u"timestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
                { u"userMessage"_s, QJsonObject { { u"text"_s, text } } } } } };
}

QJsonObject LookerRequests::systemEntry(const QJsonObject &chatMessage)
{
    return { { u"type"_s, SystemType }, { u"message"_s, chatMessage } };
}
