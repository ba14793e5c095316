#pragma once

#include "app/net/apierror.h"

#include <QObject>
#include <QPointer>

#include <optional>

class LookerCall;
class LookerSession;

// Finds the Conversational Analytics agent new conversations belong to, as Looker's own SDK test
// does (create an agent with sources, then a conversation with its agent_id):
//  - the configured agent id, when there is one;
//  - else, with sources configured: the agent named LookerRequests::agentName(sources), found
//    with `GET /agents/search`, or else created with `POST /agents`; the session remembers it;
//  - else none (an empty id): the conversation is created without an agent.
// Exactly one resolved() per start().
class LookerAgentResolver : public QObject
{
    Q_OBJECT
public:
    LookerAgentResolver(LookerSession *session, QObject *parent = nullptr);

    void start();
    void abort();
    bool isBusy() const;

Q_SIGNALS:
    void resolved(const QString &agentId, const std::optional<ApiError> &error);
    // The agent is being looked up or created (for a progress line).
    void working(const QString &what);

private:
    void onSearched(const QByteArray &body);
    void onCreated(const QByteArray &body);
    LookerCall *startCall(bool search); // agents/search, else POST agents
    void finish(const QString &agentId, const std::optional<ApiError> &error);

    QPointer<LookerSession> m_session;
    QPointer<LookerCall> m_call;
    QString m_name;
};
