#include "tests/support/fakelookerserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
using Request = FakeHttpServer::Request;
using Response = FakeHttpServer::Response;

const QByteArray api = "/api/4.0/";

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QByteArray pathOf(const Request &request)
{
    const qsizetype query = request.path.indexOf('?');
    return query < 0 ? request.path : request.path.left(query);
}

QUrlQuery queryOf(const Request &request)
{
    const qsizetype mark = request.path.indexOf('?');
    return QUrlQuery(mark < 0 ? QString() : QString::fromUtf8(request.path.mid(mark + 1)));
}

Response json(int status, const QJsonValue &value)
{
    return FakeHttpServer::json(status, compact(value));
}
} // namespace

FakeLookerServer::FakeLookerServer(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const Request &request) { return handle(request); });
}

bool FakeLookerServer::listen()
{
    return m_http.listen();
}

QUrl FakeLookerServer::baseUrl() const
{
    return QUrl(QString::fromLatin1(m_http.baseUrl()));
}

void FakeLookerServer::setCredentials(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void FakeLookerServer::setTokenLifetime(int lifetimeMs, int advertisedSeconds)
{
    m_lifetimeMs = lifetimeMs;
    m_advertisedSeconds = advertisedSeconds;
}

void FakeLookerServer::setChatScript(
    const QList<QJsonObject> &messages, ChatFormat format, int chunkSize, int delayMs)
{
    m_chatScript = messages;
    m_chatFormat = format;
    m_chunkSize = chunkSize;
    m_chunkDelayMs = delayMs;
}

void FakeLookerServer::injectError(const QByteArray &method, const QByteArray &pathPrefix,
    int status, const QByteArray &body, int times, const QByteArray &retryAfter)
{
    m_injections.append({ method, pathPrefix, status, body, retryAfter, times });
}

QList<Request> FakeLookerServer::requestsTo(const QByteArray &method, const QByteArray &path) const
{
    QList<Request> out;
    for (const Request &request : m_http.requests()) {
        if (request.method == method && pathOf(request) == path)
            out << request;
    }
    return out;
}

QList<QJsonObject> FakeLookerServer::messagesOf(const QString &conversationId) const
{
    return m_messages.value(conversationId);
}

QString FakeLookerServer::addAgent(const QString &name, const QJsonArray &sources)
{
    const QString id = u"agent-%1"_s.arg(m_nextId++);
    m_agents.append(QJsonObject { { u"id"_s, id }, { u"name"_s, name }, { u"description"_s, name },
        { u"category"_s, u"conversation"_s }, { u"sources"_s, sources }, { u"deleted"_s, false } });
    return id;
}

QString FakeLookerServer::addConversation(
    const QString &name, const QList<QJsonObject> &messages, const QString &updatedAt)
{
    const QString id = u"conv-%1"_s.arg(m_nextId++);
    m_conversations.append(
        QJsonObject { { u"id"_s, id }, { u"name"_s, name }, { u"category"_s, u"conversation"_s },
            { u"user_id"_s, u"7"_s }, { u"created_at"_s, u"2025-06-01T09:00:00.000+00:00"_s },
            { u"updated_at"_s, updatedAt }, { u"deleted"_s, false } });
    for (const QJsonObject &message : messages)
        addMessageTo(id, message);
    return id;
}

void FakeLookerServer::addMessageTo(const QString &conversationId, const QJsonObject &message)
{
    QJsonObject stored = message;
    stored.insert(u"id"_s, u"msg-%1"_s.arg(m_nextId++));
    m_messages[conversationId].append(stored);
}

void FakeLookerServer::setUpdatedAt(const QString &conversationId, const QString &updatedAt)
{
    if (const int index = indexOf(conversationId); index >= 0)
        m_conversations[index].insert(u"updated_at"_s, updatedAt);
}

void FakeLookerServer::setDeleted(const QString &conversationId, bool deleted)
{
    if (const int index = indexOf(conversationId); index >= 0)
        m_conversations[index].insert(u"deleted"_s, deleted);
}

void FakeLookerServer::removeConversation(const QString &conversationId)
{
    if (const int index = indexOf(conversationId); index >= 0)
        m_conversations.removeAt(index);
    m_messages.remove(conversationId);
}

bool FakeLookerServer::authorised(const Request &request) const
{
    // Looker's API takes `Authorization: token <access_token>`.
    const QByteArray header = request.headers.value("authorization");
    if (!header.startsWith("token "))
        return false;
    const auto it = m_tokens.find(QString::fromLatin1(header.mid(6)));
    return it != m_tokens.end() && !it->hasExpired();
}

int FakeLookerServer::indexOf(const QString &conversationId) const
{
    for (qsizetype i = 0; i < m_conversations.size(); ++i) {
        if (m_conversations.at(i).value(u"id").toString() == conversationId)
            return int(i);
    }
    return -1;
}

QString FakeLookerServer::nextTime()
{
    const QDateTime base(QDate(2025, 6, 1), QTime(10, 0), QTimeZone::utc());
    return base.addSecs(++m_clock).toString(Qt::ISODateWithMs);
}

std::optional<Response> FakeLookerServer::invalidBody(
    const Request &request, const FakeLookerSchema::BodyRule &rule, QJsonObject *body) const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return FakeHttpServer::json(400, messageBody(u"Request body could not be parsed."_s));
    *body = document.object();
    if (const auto errors = FakeLookerSchema::check(*body, rule); !errors.isEmpty())
        return FakeHttpServer::json(422, FakeLookerSchema::validationBody(errors));
    return std::nullopt;
}

Response FakeLookerServer::handle(const Request &request)
{
    const QByteArray path = pathOf(request);
    for (qsizetype i = 0; i < m_injections.size(); ++i) {
        Injection &injection = m_injections[i];
        if (injection.method != request.method || !path.startsWith(injection.pathPrefix))
            continue;
        Response response = FakeHttpServer::json(injection.status, injection.body);
        if (!injection.retryAfter.isEmpty())
            response.headers << qMakePair(QByteArray("Retry-After"), injection.retryAfter);
        if (--injection.times <= 0)
            m_injections.removeAt(i);
        return response;
    }
    if (path == api + "login" && request.method == "POST")
        return login(request);
    if (path.startsWith(api) && !authorised(request))
        return FakeHttpServer::json(401, messageBody(u"Requires authentication."_s));
    return route(request);
}

Response FakeLookerServer::route(const Request &request)
{
    const QByteArray path = pathOf(request);
    const QList<QByteArray> parts
        = path.startsWith(api) ? path.mid(api.size()).split('/') : QList<QByteArray> {};
    const QByteArray &m = request.method;
    if (parts.value(0) == "conversations")
        return conversationRoute(request, parts);
    if (parts.value(0) == "agents")
        return agentRoute(request, parts);
    if (parts.size() == 2 && parts.at(0) == "conversational_analytics" && parts.at(1) == "chat"
        && m == "POST")
        return chat(request);
    return FakeHttpServer::json(404, messageBody(u"Not found"_s));
}

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

Response FakeLookerServer::login(const Request &request)
{
    ++m_logins;
    if (!request.headers.value("content-type").startsWith("application/x-www-form-urlencoded"))
        return FakeHttpServer::json(400, messageBody(u"client_id and client_secret expected"_s));
    const QUrlQuery form(QString::fromUtf8(request.body));
    const auto value
        = [&form](const QString &key) { return form.queryItemValue(key, QUrl::FullyDecoded); };
    if (value(u"client_id"_s) != m_clientId || value(u"client_secret"_s) != m_clientSecret)
        return FakeHttpServer::json(404, messageBody(u"Not found"_s)); // what Looker answers
    const QString token = u"token-%1"_s.arg(m_nextId++);
    m_tokens.insert(token, QDeadlineTimer(m_lifetimeMs));
    const int expiresIn
        = m_advertisedSeconds >= 0 ? m_advertisedSeconds : (m_lifetimeMs + 999) / 1000;
    return json(200,
        QJsonObject { { u"access_token"_s, token }, { u"token_type"_s, u"Bearer"_s },
            { u"expires_in"_s, expiresIn }, { u"refresh_token"_s, QJsonValue() } });
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
