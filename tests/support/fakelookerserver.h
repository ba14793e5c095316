#pragma once

#include "tests/support/fakehttpserver.h"
#include "tests/support/fakelookermessages.h"
#include "tests/support/fakelookerschema.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <optional>

// An in-process Looker API 4.0 (Conversational Analytics) on 127.0.0.1 and a free port, on top
// of FakeHttpServer, as strict as Looker's OpenAPI file (spec/Looker.4.0.oas.json, 4.0.26) says:
//  - only the documented routes: POST login (form-encoded client_id/client_secret), POST
//    conversations, GET conversations/search, GET conversations/:id, GET and POST
//    conversations/:id/messages, DELETE conversations?id=, POST conversational_analytics/chat,
//    GET agents/search, POST agents, GET agents/:id; anything else (GET /conversations
//    included) is 404 {message, documentation_url};
//  - `Authorization: token <access_token>` with tokens that really expire, else 401;
//  - request bodies checked against the schemas (FakeLookerSchema): unknown, read-only or
//    mistyped fields and missing required ones are 422 {message, errors[{field, code, message,
//    documentation_url}], documentation_url}; unreadable JSON is 400; search parameters outside
//    the spec's list are 400;
//  - the chat endpoint answers a scripted ChatMessage list, streamed in small chunks (a JSON
//    array, as documented; JSON Lines and SSE are tolerated variants the client also reads);
//  - error injection per method and path (429 with Retry-After, ...). Every request is recorded.
// The message builders (FakeLookerServer::text(), ::chart(), ...) come from FakeLookerMessages.
class FakeLookerServer : public QObject, public FakeLookerMessages
{
    Q_OBJECT
public:
    enum class ChatFormat { JsonArray, JsonLines, Sse };

    explicit FakeLookerServer(QObject *parent = nullptr);
    bool listen();
    QUrl baseUrl() const;

    void setCredentials(const QString &clientId, const QString &clientSecret);
    // Tokens stop working after `lifetimeMs`; the login answer says `expires_in` =
    // advertisedSeconds (default: the lifetime, rounded up), which may lie on purpose.
    void setTokenLifetime(int lifetimeMs, int advertisedSeconds = -1);
    // The system messages each chat call answers with, written as `format` in chunks of
    // `chunkSize` bytes, `delayMs` apart.
    void setChatScript(const QList<QJsonObject> &messages,
        ChatFormat format = ChatFormat::JsonArray, int chunkSize = 48, int delayMs = 5);
    // The next `times` requests whose method is `method` and whose path starts with
    // `pathPrefix` (e.g. "/api/4.0/conversations") get `status` and `body` instead.
    void injectError(const QByteArray &method, const QByteArray &pathPrefix, int status,
        const QByteArray &body, int times = 1, const QByteArray &retryAfter = {});

    int loginCount() const { return m_logins; }
    const QList<FakeHttpServer::Request> &requests() const { return m_http.requests(); }
    // The recorded requests with this method whose path (query removed) matches exactly.
    QList<FakeHttpServer::Request> requestsTo(
        const QByteArray &method, const QByteArray &path) const;
    QList<QJsonObject> conversations() const { return m_conversations; }
    QList<QJsonObject> agents() const { return m_agents; }
    // The stored ConversationMessages {id, type, message, order} of a conversation.
    QList<QJsonObject> messagesOf(const QString &conversationId) const;
    // An agent as POST /agents would store it; returns its id.
    QString addAgent(const QString &name, const QJsonArray &sources);

    // Seeding and changing the remote history directly (sync tests). addConversation() stores
    // a conversation `name` with `messages` ({message, type, order}; ids given) and returns its
    // id; the times are ISO text.
    QString addConversation(const QString &name, const QList<QJsonObject> &messages,
        const QString &updatedAt = QStringLiteral("2025-06-01T10:00:00.000+00:00"));
    void addMessageTo(const QString &conversationId, const QJsonObject &message);
    void setUpdatedAt(const QString &conversationId, const QString &updatedAt);
    void setDeleted(const QString &conversationId, bool deleted = true); // soft delete
    void removeConversation(const QString &conversationId);

private:
    struct Injection
    {
        QByteArray method;
        QByteArray pathPrefix;
        int status = 500;
        QByteArray body;
        QByteArray retryAfter;
        int times = 1;
    };

    FakeHttpServer::Response handle(const FakeHttpServer::Request &request);
    FakeHttpServer::Response login(const FakeHttpServer::Request &request);
    FakeHttpServer::Response route(const FakeHttpServer::Request &request);
    FakeHttpServer::Response conversationRoute(
        const FakeHttpServer::Request &request, const QList<QByteArray> &parts);
    FakeHttpServer::Response createConversation(const FakeHttpServer::Request &request);
    FakeHttpServer::Response searchConversations(const FakeHttpServer::Request &request);
    FakeHttpServer::Response deleteConversation(const FakeHttpServer::Request &request);
    FakeHttpServer::Response addMessages(const QString &id, const FakeHttpServer::Request &request);
    FakeHttpServer::Response chat(const FakeHttpServer::Request &request);
    FakeHttpServer::Response agentRoute(
        const FakeHttpServer::Request &request, const QList<QByteArray> &parts);
    FakeHttpServer::Response createAgent(const FakeHttpServer::Request &request);
    // The body as a JSON object checked against `rule`, or the 400/422 to answer.
    std::optional<FakeHttpServer::Response> invalidBody(const FakeHttpServer::Request &request,
        const FakeLookerSchema::BodyRule &rule, QJsonObject *body) const;
    QString nextTime();
    bool authorised(const FakeHttpServer::Request &request) const;
    int indexOf(const QString &conversationId) const;

    FakeHttpServer m_http;
    QString m_clientId = QStringLiteral("looker-id");
    QString m_clientSecret = QStringLiteral("looker-secret");
    int m_lifetimeMs = 3600 * 1000;
    int m_advertisedSeconds = -1;
    QHash<QString, QDeadlineTimer> m_tokens;
    QList<Injection> m_injections;
    QList<QJsonObject> m_chatScript;
    ChatFormat m_chatFormat = ChatFormat::JsonArray;
    int m_chunkSize = 48;
    int m_chunkDelayMs = 5;
    QList<QJsonObject> m_conversations;
    QHash<QString, QList<QJsonObject>> m_messages;
    QList<QJsonObject> m_agents;
    int m_logins = 0;
    int m_clock = 0; // seconds after 2025-06-01T10:00:00Z of the last change
    int m_nextId = 1;
};
