#pragma once

#include "app/chat/backend.h"
#include "app/looker/lookerconversation.h"
#include "app/looker/lookersession.h"

#include <functional>

class QNetworkAccessManager;

// A Looker instance's Conversational Analytics as a chat backend (Looker API 4.0): login with the
// API key's client id/secret, one remote conversation per local one, each turn streamed from
// the chat endpoint and persisted with the conversation messages endpoint.
class LookerBackend : public Backend
{
public:
    LookerBackend(
        QNetworkAccessManager &network, LookerConfig config, QString id = QStringLiteral("looker"));

    QString id() const override { return m_id; }
    QString displayName() const override;
    QString validate(const PromptRequest &request) const override;
    AnswerStream *ask(const PromptRequest &request, QObject *parent) override;

    // `GET /conversations/search`, page after page: the remote conversations, or the error; `done`
    // is called once, unless `context` is destroyed first.
    void listConversations(QObject *context, std::function<void(const LookerConversations &)> done);

    LookerSession &session() { return m_session; }
    LookerSession *lookerSession() override { return &m_session; }
    const LookerConfig &config() const { return m_session.config(); }

private:
    LookerSession m_session;
    QString m_id;
};
