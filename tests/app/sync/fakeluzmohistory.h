#pragma once

#include "tests/support/fakehttpserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

// A Luzmo-compatible history on a FakeHttpServer, for sync tests and the sync benchmark: it
// answers aiconversation searches (where/include with a message where/order/limit/offset/
// attributes, through the server's own FindQuery) over conversations the test scripts, and can
// delete conversations (which the built-in server cannot) or fail chosen requests.
class FakeLuzmoHistory
{
public:
    FakeLuzmoHistory();
    bool listen() { return m_server.listen(); }
    QString url() const { return QString::fromLatin1(m_server.baseUrl()); }

    // Adds `count` conversations of `messages` messages each (every assistant message has one
    // chart asset); times increase by one second per conversation from `from`.
    void generate(int count, int messages, const QDateTime &from);
    // Adds one message to a conversation, bumping its update time to `at`.
    void addMessage(const QString &conversationId, const QString &text, const QDateTime &at);
    void remove(const QString &conversationId);
    // The n-th request from now (1-based) gets `status` with an error body.
    void failRequest(int n, int status);

    int conversationCount() const { return int(m_conversations.size()); }
    const QList<QJsonObject> &finds() const { return m_finds; }
    void clearFinds() { m_finds.clear(); }
    static QString conversationId(int i);
    static QString time(const QDateTime &t);

private:
    FakeHttpServer::Response answer(const FakeHttpServer::Request &request);

    FakeHttpServer m_server;
    QList<QJsonObject> m_conversations; // each with aiMessages (and their aiMessageAssets)
    QList<QJsonObject> m_finds;
    QHash<int, int> m_failures; // request number -> status
    int m_requests = 0;
};
