#include "fakelookerserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

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

QString FakeLookerServer::addConversation(
    const QString &name, const QList<QJsonObject> &messages, const QString &updatedAt)
{
    const QString id = u"conv-%1"_qs.arg(m_nextId++);
    m_conversations.append(QJsonObject { { u"id"_qs, id }, { u"name"_qs, name },
        { u"category"_qs, u"conversation"_qs },
        { u"created_at"_qs, u"2025-06-01T09:00:00.000+00:00"_qs }, { u"updated_at"_qs, updatedAt },
        { u"deleted"_qs, false } });
    for (const QJsonObject &message : messages)
        addMessageTo(id, message);
    return id;
}

void FakeLookerServer::addMessageTo(const QString &conversationId, const QJsonObject &message)
{
    QJsonObject stored = message;
    stored.insert(u"id"_qs, u"msg-%1"_qs.arg(m_nextId++));
    m_messages[conversationId].append(stored);
}

void FakeLookerServer::setUpdatedAt(const QString &conversationId, const QString &updatedAt)
{
    if (const int index = indexOf(conversationId); index >= 0)
        m_conversations[index].insert(u"updated_at"_qs, updatedAt);
}

void FakeLookerServer::setDeleted(const QString &conversationId, bool deleted)
{
    if (const int index = indexOf(conversationId); index >= 0)
        m_conversations[index].insert(u"deleted"_qs, deleted);
}

void FakeLookerServer::removeConversation(const QString &conversationId)
{
    if (const int index = indexOf(conversationId); index >= 0)
        m_conversations.removeAt(index);
    m_messages.remove(conversationId);
}

QJsonObject FakeLookerServer::userTurn(const QString &text, int order)
{
    return { { u"message"_qs,
                 QJsonObject { { u"timestamp"_qs, u"2025-06-01T10:00:00Z"_qs },
                     { u"userMessage"_qs, QJsonObject { { u"text"_qs, text } } } } },
        { u"type"_qs, u"user"_qs }, { u"order"_qs, order } };
}

QJsonObject FakeLookerServer::systemTurn(const QString &text, int order)
{
    QJsonObject message = FakeLookerServer::text(text);
    message.insert(u"timestamp"_qs, u"2025-06-01T10:00:01Z"_qs);
    return { { u"message"_qs, message }, { u"type"_qs, u"system"_qs }, { u"order"_qs, order } };
}

QJsonObject FakeLookerServer::text(const QString &text, const QString &textType)
{
    const QJsonObject part { { u"parts"_qs, QJsonArray { text } }, { u"textType"_qs, textType } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:00Z"_qs },
        { u"systemMessage"_qs, QJsonObject { { u"text"_qs, part } } } };
}

QJsonObject FakeLookerServer::thought(const QString &summary, const QString &textType)
{
    const QJsonObject part { { u"parts"_qs,
                                 QJsonArray { summary, QString(summary + u" (in full)"_qs) } },
        { u"textType"_qs, textType } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:00Z"_qs },
        { u"systemMessage"_qs, QJsonObject { { u"text"_qs, part } } } };
}

QJsonObject FakeLookerServer::data(const QString &question, const QJsonArray &rows)
{
    const QJsonObject query { { u"question"_qs, question },
        { u"looker"_qs,
            QJsonObject { { u"model"_qs, u"thelook"_qs }, { u"explore"_qs, u"orders"_qs } } } };
    const QJsonObject result { { u"name"_qs, u"monthly_revenue"_qs }, { u"data"_qs, rows } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:01Z"_qs },
        { u"systemMessage"_qs,
            QJsonObject { { u"data"_qs,
                QJsonObject { { u"query"_qs, query }, { u"result"_qs, result } } } } } };
}

QJsonObject FakeLookerServer::errorMessage(const QString &text)
{
    return { { u"systemMessage"_qs,
        QJsonObject { { u"error"_qs, QJsonObject { { u"text"_qs, text } } } } } };
}

QByteArray FakeLookerServer::validationBody(const QList<QPair<QString, QString>> &fieldErrors)
{
    QJsonArray errors;
    for (const auto &[field, message] : fieldErrors)
        errors.append(QJsonObject { { u"field"_qs, field }, { u"code"_qs, u"invalid"_qs },
            { u"message"_qs, message },
            { u"documentation_url"_qs, u"https://docs.example/422"_qs } });
    return compact(QJsonObject { { u"message"_qs, u"Validation Failed"_qs },
        { u"documentation_url"_qs, u"https://docs.example/422"_qs }, { u"errors"_qs, errors } });
}

QByteArray FakeLookerServer::messageBody(const QString &message)
{
    return compact(QJsonObject { { u"message"_qs, message },
        { u"documentation_url"_qs, u"https://docs.example/error"_qs } });
}

bool FakeLookerServer::authorised(const Request &request) const
{
    const QByteArray header = request.headers.value("authorization");
    QByteArray token;
    if (header.startsWith("token "))
        token = header.mid(6);
    else if (header.startsWith("Bearer "))
        token = header.mid(7);
    const auto it = m_tokens.find(QString::fromLatin1(token));
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
    if (!path.startsWith(api))
        return FakeHttpServer::json(404, messageBody(u"Not found"_qs));
    const QByteArray resource = path.mid(api.size());
    if (request.method == "POST" && resource == "login")
        return login(request);
    if (!authorised(request))
        return FakeHttpServer::json(401, messageBody(u"Requires authentication."_qs));
    if (resource == "conversations") {
        if (request.method == "POST")
            return createConversation(request);
        QJsonArray list;
        for (const QJsonObject &conversation : m_conversations)
            list.append(conversation);
        return json(200, list);
    }
    if (request.method == "POST" && resource == "conversational_analytics/chat")
        return chat(request);
    const QList<QByteArray> parts = resource.split('/');
    if (parts.size() >= 2 && parts.at(0) == "conversations") {
        const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(parts.at(1)));
        const int index = indexOf(id);
        if (index < 0)
            return FakeHttpServer::json(404, messageBody(u"Not found"_qs));
        if (parts.size() == 3 && parts.at(2) == "messages" && request.method == "POST")
            return addMessage(id, request);
        if (parts.size() == 2 && request.method == "GET") {
            QJsonObject conversation = m_conversations.at(index);
            QJsonArray messages;
            for (const QJsonObject &message : m_messages.value(id))
                messages.append(message);
            conversation.insert(u"messages"_qs, messages);
            return json(200, conversation);
        }
    }
    return FakeHttpServer::json(404, messageBody(u"Not found"_qs));
}

Response FakeLookerServer::login(const Request &request)
{
    ++m_logins;
    const QUrlQuery form(QString::fromUtf8(request.body));
    const auto value
        = [&form](const QString &key) { return form.queryItemValue(key, QUrl::FullyDecoded); };
    if (value(u"client_id"_qs) != m_clientId || value(u"client_secret"_qs) != m_clientSecret)
        return FakeHttpServer::json(404, messageBody(u"Not found"_qs)); // what Looker answers
    const QString token = u"token-%1"_qs.arg(m_nextId++);
    m_tokens.insert(token, QDeadlineTimer(m_lifetimeMs));
    const int expiresIn
        = m_advertisedSeconds >= 0 ? m_advertisedSeconds : (m_lifetimeMs + 999) / 1000;
    return json(200,
        QJsonObject { { u"access_token"_qs, token }, { u"token_type"_qs, u"Bearer"_qs },
            { u"expires_in"_qs, expiresIn } });
}

Response FakeLookerServer::createConversation(const Request &request)
{
    QJsonObject conversation = QJsonDocument::fromJson(request.body).object();
    if (conversation.value(u"name").toString().trimmed().isEmpty())
        return FakeHttpServer::json(422, validationBody({ { u"name"_qs, u"is required"_qs } }));
    conversation.insert(u"id"_qs, u"conv-%1"_qs.arg(m_nextId++));
    conversation.insert(u"category"_qs, u"conversation"_qs);
    conversation.insert(u"created_at"_qs, u"2025-06-01T10:00:00.000+00:00"_qs);
    conversation.insert(u"updated_at"_qs, u"2025-06-01T10:00:00.000+00:00"_qs);
    conversation.insert(u"deleted"_qs, false);
    m_conversations.append(conversation);
    return json(200, conversation);
}

Response FakeLookerServer::addMessage(const QString &id, const Request &request)
{
    QJsonObject message = QJsonDocument::fromJson(request.body).object();
    if (!message.value(u"message").isObject())
        return FakeHttpServer::json(
            422, validationBody({ { u"message"_qs, u"must be an object"_qs } }));
    message.insert(u"id"_qs, u"msg-%1"_qs.arg(m_nextId++));
    m_messages[id].append(message);
    return json(200, message);
}

Response FakeLookerServer::chat(const Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (indexOf(body.value(u"conversation_id").toString()) < 0)
        return FakeHttpServer::json(404, messageBody(u"Conversation not found"_qs));
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
