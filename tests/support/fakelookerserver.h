#pragma once

#include "fakehttpserver.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

// An in-process Looker API 4.0 (Conversational Analytics) on 127.0.0.1 and a free port, on top
// of FakeHttpServer: login issuing tokens that really expire (and a count of logins), 401 for
// missing or expired tokens, conversations (create, list, get, add messages), the chat endpoint
// streaming a scripted list of system messages in small chunks with delays, and error injection
// per method and path (400/401/404/409/422 with errors[]/429 with Retry-After...). Every
// request is recorded.
class FakeLookerServer : public QObject
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
    QList<QJsonObject> messagesOf(const QString &conversationId) const;

    // Seeding and changing the remote history directly (sync tests). addConversation() stores
    // a conversation `name` with `messages` ({message, type, order}; ids given) and returns its
    // id; the times are ISO text.
    QString addConversation(const QString &name, const QList<QJsonObject> &messages,
        const QString &updatedAt = QStringLiteral("2025-06-01T10:00:00.000+00:00"));
    void addMessageTo(const QString &conversationId, const QJsonObject &message);
    void setUpdatedAt(const QString &conversationId, const QString &updatedAt);
    void setDeleted(const QString &conversationId, bool deleted = true); // soft delete
    void removeConversation(const QString &conversationId);
    // {message: {timestamp, userMessage: {text}}, type: "user", order} and the system answer.
    static QJsonObject userTurn(const QString &text, int order);
    static QJsonObject systemTurn(const QString &text, int order);

    // Scripted system messages, in Looker's documented shapes.
    static QJsonObject text(
        const QString &text, const QString &textType = QStringLiteral("FINAL_RESPONSE"));
    static QJsonObject thought(
        const QString &summary, const QString &textType = QStringLiteral("THOUGHT"));
    static QJsonObject data(const QString &question, const QJsonArray &rows);
    static QJsonObject errorMessage(const QString &text);
    // {message, documentation_url, errors: [{field, code, message, documentation_url}]}
    static QByteArray validationBody(const QList<QPair<QString, QString>> &fieldErrors);
    static QByteArray messageBody(const QString &message);

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
    FakeHttpServer::Response createConversation(const FakeHttpServer::Request &request);
    FakeHttpServer::Response addMessage(const QString &id, const FakeHttpServer::Request &request);
    FakeHttpServer::Response chat(const FakeHttpServer::Request &request);
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
    int m_logins = 0;
    int m_nextId = 1;
};
