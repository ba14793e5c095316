#include "tests/support/fakelookerserver.h"

#include "tests/support/fakelookerwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace FakeLookerWire;

namespace {
using Request = FakeHttpServer::Request;
using Response = FakeHttpServer::Response;

const QByteArray api = "/api/4.0/";
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
