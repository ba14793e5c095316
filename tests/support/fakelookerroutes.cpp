// FakeLookerServer's routes: conversations (create, search, read, delete, add messages), the
// streamed chat and agents, each body checked against Looker's schemas (set-up, recording, login
// and dispatch: fakelookerserver.cpp).
#include "tests/support/fakelookerserver.h"
#include "tests/support/fakelookerwire.h"

using namespace Qt::StringLiterals;
using namespace FakeLookerWire;

namespace {
using Request = FakeHttpServer::Request;
using Response = FakeHttpServer::Response;
} // namespace

Response FakeLookerServer::conversationRoute(const Request &request, const QList<QByteArray> &parts)
{
    const QByteArray &m = request.method;
    if (parts.size() == 1 && m == "POST")
        return createConversation(request);
    if (parts.size() == 1 && m == "DELETE")
        return deleteConversation(request);
    if (parts.size() == 2 && parts.at(1) == "search" && m == "GET")
        return searchConversations(request);
    if (parts.size() < 2 || parts.size() > 3 || (parts.size() == 3 && parts.at(2) != "messages"))
        return FakeHttpServer::json(404, messageBody(u"Not found"_s)); // GET /conversations too
    const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(parts.at(1)));
    const int index = indexOf(id);
    if (index < 0)
        return FakeHttpServer::json(404, messageBody(u"Not found"_s));
    QJsonArray messages;
    for (const QJsonObject &message : m_messages.value(id))
        messages.append(message);
    if (parts.size() == 3 && m == "POST")
        return addMessages(id, request);
    if (parts.size() == 3 && m == "GET")
        return json(200, messages);
    if (parts.size() == 2 && m == "GET") {
        QJsonObject conversation = m_conversations.at(index);
        conversation.insert(u"messages"_s, messages);
        return json(200, conversation);
    }
    return FakeHttpServer::json(404, messageBody(u"Not found"_s));
}

Response FakeLookerServer::createConversation(const Request &request)
{
    QJsonObject conversation;
    if (auto refused = invalidBody(request, FakeLookerSchema::conversation(), &conversation))
        return *refused;
    const QString agentId = conversation.value(u"agent_id").toString();
    if (!agentId.isEmpty()
        && std::none_of(m_agents.begin(), m_agents.end(), [&agentId](const QJsonObject &agent) {
               return agent.value(u"id").toString() == agentId;
           }))
        return FakeHttpServer::json(422,
            FakeLookerSchema::validationBody({ { u"agent_id"_s, u"invalid"_s, u"not found"_s } }));
    const QString now = nextTime();
    conversation.insert(u"id"_s, u"conv-%1"_s.arg(m_nextId++));
    if (!conversation.contains(u"category"))
        conversation.insert(u"category"_s, u"conversation"_s);
    conversation.insert(u"user_id"_s, u"7"_s);
    conversation.insert(u"created_at"_s, now);
    conversation.insert(u"updated_at"_s, now);
    conversation.insert(u"deleted"_s, false);
    m_conversations.append(conversation);
    return json(200, conversation);
}

Response FakeLookerServer::searchConversations(const Request &request)
{
    const QUrlQuery query = queryOf(request);
    if (const QString why = FakeLookerSchema::checkConversationSearch(query); !why.isEmpty())
        return FakeHttpServer::json(400, messageBody(why));
    QList<QJsonObject> found = m_conversations;
    if (query.hasQueryItem(u"deleted"_s)) {
        const bool deleted = query.queryItemValue(u"deleted"_s) == u"true";
        found.removeIf(
            [deleted](const QJsonObject &c) { return c[u"deleted"].toBool() != deleted; });
    }
    const QString sorts = query.queryItemValue(u"sorts"_s);
    if (!sorts.isEmpty()) {
        const QStringList words = sorts.split(u',').first().simplified().split(u' ');
        const bool descending = words.value(1) == u"desc";
        std::stable_sort(
            found.begin(), found.end(), [&](const QJsonObject &a, const QJsonObject &b) {
                const QString x = a.value(words.first()).toString();
                const QString y = b.value(words.first()).toString();
                return descending ? y < x : x < y;
            });
    }
    const int offset = query.queryItemValue(u"offset"_s).toInt();
    const int limit = query.hasQueryItem(u"limit"_s) ? query.queryItemValue(u"limit"_s).toInt()
                                                     : int(found.size());
    QJsonArray page;
    for (const QJsonObject &c : found.mid(offset, limit))
        page.append(c);
    return json(200, page);
}

Response FakeLookerServer::deleteConversation(const Request &request)
{
    const QUrlQuery query = queryOf(request);
    const int index = indexOf(query.queryItemValue(u"id"_s));
    if (index < 0)
        return FakeHttpServer::json(404, messageBody(u"Not found"_s));
    m_conversations[index].insert(u"deleted"_s, true);
    return FakeHttpServer::json(204, {});
}

Response FakeLookerServer::addMessages(const QString &id, const Request &request)
{
    QJsonObject body;
    if (auto refused = invalidBody(request, FakeLookerSchema::conversationMessages(), &body))
        return *refused;
    const QJsonArray messages = body.value(u"messages").toArray();
    QList<FakeLookerSchema::FieldError> errors;
    if (messages.isEmpty())
        errors.append({ u"messages"_s, u"missing"_s, u"needs at least one message"_s });
    for (qsizetype i = 0; i < messages.size(); ++i) {
        for (FakeLookerSchema::FieldError e : FakeLookerSchema::check(
                 messages.at(i).toObject(), FakeLookerSchema::conversationMessage())) {
            e.field = u"messages[%1].%2"_s.arg(i).arg(e.field);
            errors.append(e);
        }
        if (!messages.at(i).isObject())
            errors.append({ u"messages[%1]"_s.arg(i), u"invalid"_s, u"must be an object"_s });
    }
    if (!errors.isEmpty())
        return FakeHttpServer::json(422, FakeLookerSchema::validationBody(errors));
    int order = 0;
    for (const QJsonObject &stored : m_messages.value(id))
        order = std::max(order, stored.value(u"order").toInt());
    QJsonArray created;
    for (const QJsonValue &value : messages) {
        QJsonObject message = value.toObject();
        message.insert(u"id"_s, u"msg-%1"_s.arg(m_nextId++));
        message.insert(u"order"_s, ++order);
        m_messages[id].append(message);
        created.append(message);
    }
    m_conversations[indexOf(id)].insert(u"updated_at"_s, nextTime());
    return json(200, created);
}

Response FakeLookerServer::chat(const Request &request)
{
    QJsonObject body;
    if (auto refused = invalidBody(request, FakeLookerSchema::chatRequest(), &body))
        return *refused;
    if (indexOf(body.value(u"conversation_id").toString()) < 0)
        return FakeHttpServer::json(404, messageBody(u"Conversation not found"_s));
    QByteArray stream;
    QByteArray contentType = "application/json";
    for (qsizetype i = 0; i < m_chatScript.size(); ++i) {
        const QByteArray message = compact(m_chatScript.at(i));
        switch (m_chatFormat) {
        case ChatFormat::JsonArray:
            stream += (i == 0 ? "[" : ",\n") + message;
            break;
        case ChatFormat::JsonLines:
            stream += message + '\n';
            contentType = "application/x-ndjson";
            break;
        case ChatFormat::Sse:
            stream += "data: " + message + "\n\n";
            contentType = "text/event-stream";
            break;
        }
    }
    if (m_chatFormat == ChatFormat::JsonArray)
        stream += m_chatScript.isEmpty() ? "[]" : "]";
    Response response;
    response.headers << qMakePair(QByteArray("Content-Type"), contentType);
    response.chunks = FakeHttpServer::split(stream, m_chunkSize);
    response.chunkDelayMs = m_chunkDelayMs;
    return response;
}

Response FakeLookerServer::agentRoute(const Request &request, const QList<QByteArray> &parts)
{
    const QByteArray &m = request.method;
    if (parts.size() == 1 && m == "POST")
        return createAgent(request);
    if (parts.size() == 2 && parts.at(1) == "search" && m == "GET") {
        const QUrlQuery query = queryOf(request);
        if (const QString why = FakeLookerSchema::checkAgentSearch(query); !why.isEmpty())
            return FakeHttpServer::json(400, messageBody(why));
        const auto matches = [&query](const QJsonObject &agent) {
            for (const QString &key : { u"name"_s, u"category"_s }) {
                if (query.hasQueryItem(key)
                    && agent.value(key).toString() != query.queryItemValue(key, QUrl::FullyDecoded))
                    return false;
            }
            return !query.hasQueryItem(u"deleted"_s)
                || agent.value(u"deleted").toBool()
                == (query.queryItemValue(u"deleted"_s) == u"true");
        };
        QJsonArray found;
        for (const QJsonObject &agent : std::as_const(m_agents)) {
            if (matches(agent))
                found.append(agent);
        }
        return json(200, found);
    }
    if (parts.size() == 2 && m == "GET") {
        for (const QJsonObject &agent : std::as_const(m_agents)) {
            if (agent.value(u"id").toString() == QString::fromUtf8(parts.at(1)))
                return json(200, agent);
        }
    }
    return FakeHttpServer::json(404, messageBody(u"Not found"_s));
}

Response FakeLookerServer::createAgent(const Request &request)
{
    QJsonObject agent;
    if (auto refused = invalidBody(request, FakeLookerSchema::agent(), &agent))
        return *refused;
    if (agent.value(u"sources").toArray().isEmpty())
        return FakeHttpServer::json(422,
            FakeLookerSchema::validationBody({ { u"sources"_s, u"missing"_s, u"is required"_s } }));
    const QString id = addAgent(agent.value(u"name").toString(), agent.value(u"sources").toArray());
    for (auto it = agent.begin(); it != agent.end(); ++it)
        m_agents.last().insert(it.key(), it.value());
    return json(200, m_agents.last());
}
