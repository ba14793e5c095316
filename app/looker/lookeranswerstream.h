#pragma once

#include "app/chat/answerstream.h"
#include "app/chat/backend.h"
#include "app/looker/lookeragentresolver.h"
#include "app/looker/lookercall.h"
#include "app/looker/lookerchatparser.h"
#include "app/looker/lookermessagemapper.h"

#include <QPointer>

class LookerSession;

// One turn with Looker's Conversational Analytics, as an AnswerStream:
//  1. for a new conversation, its agent is found (LookerAgentResolver: configured, or found or
//     created for the configured sources), then the conversation created (`POST /conversations`
//     {name, category, agent_id}) and its id sent as the start event's conversation id;
//  2. the turn goes to `POST /conversational_analytics/chat` {conversation_id, user_message},
//     whose ChatMessages become text, progress and asset events as they arrive
//     (LookerChatParser, LookerMessageMapper);
//  3. the turn is persisted with one `POST /conversations/:id/messages` {messages: [the user's
//     message, every system message as received]}, since the chat endpoint does not keep it;
//  4. finish (carrying the persisted ids of the user message and of the first system message,
//     which a later sync matches) and done; ended() once, last. Any step's error ends it.
class LookerAnswerStream : public AnswerStream
{
    Q_OBJECT
public:
    LookerAnswerStream(LookerSession *session, const PromptRequest &request, QObject *parent);

    void abort() override;
    QString conversationId() const { return m_conversationId; }

private:
    LookerCall *startCall(const LookerCall::Spec &spec);
    void begin();
    void onAgent(const QString &agentId, const std::optional<ApiError> &error);
    void onCreated(const QByteArray &body);
    void chat();
    void onChunk(const QByteArray &chunk);
    void onChatEnded();
    void saveTurn();
    void complete(const QByteArray &body);
    void emitEvents(const QList<StreamEvent> &events);
    void emitProgress(const QString &message);
    void end(const std::optional<ApiError> &error);

    QPointer<LookerSession> m_session;
    PromptRequest m_request;
    QString m_conversationId;
    QPointer<LookerCall> m_call;
    LookerChatParser m_parser;
    LookerMessageMapper m_mapper;
    LookerAgentResolver *m_agents = nullptr;
    QList<QJsonObject> m_chatMessages; // as received, persisted with the turn
    bool m_ended = false;
};
