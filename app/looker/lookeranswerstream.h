#pragma once

#include "answerstream.h"
#include "backend.h"
#include "lookercall.h"
#include "lookerchatparser.h"
#include "lookermessagemapper.h"

#include <QPointer>

class LookerSession;

// One turn with Looker's Conversational Analytics, as an AnswerStream:
//  1. a new conversation is created first (`POST /conversations`, named after the prompt) and
//     its id sent as the start event's conversation id, so the chat session stores it;
//  2. the turn goes to `POST /conversational_analytics/chat`, whose system messages become
//     text, progress and asset events as they arrive (LookerChatParser, LookerMessageMapper);
//  3. the turn is persisted (`POST /conversations/:id/messages`, the user's message then the
//     answer's text), since the chat endpoint does not keep it;
//  4. finish and done; ended() once, last. Any step's error ends the stream with it.
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
    void onCreated(const QByteArray &body);
    void chat();
    void onChunk(const QByteArray &chunk);
    void onChatEnded();
    void saveQuestion();
    void saveAnswer();
    void complete();
    void emitEvents(const QList<StreamEvent> &events);
    void emitProgress(const QString &message);
    void end(const std::optional<ApiError> &error);

    QPointer<LookerSession> m_session;
    PromptRequest m_request;
    QString m_conversationId;
    QPointer<LookerCall> m_call;
    LookerChatParser m_parser;
    LookerMessageMapper m_mapper;
    std::optional<int> m_order;
    bool m_ended = false;
};
