#pragma once

#include "app/chat/backend.h"
#include "app/luzmo/luzmoclient.h"

// A Luzmo account (or Chartroom's own local Luzmo-compatible server) as a chat backend.
class LuzmoBackend : public Backend
{
public:
    LuzmoBackend(
        QNetworkAccessManager &network, LuzmoConfig config, QString id = QStringLiteral("luzmo"));

    QString id() const override { return m_id; }
    QString displayName() const override;
    QString validate(const PromptRequest &request) const override;
    AnswerStream *ask(const PromptRequest &request, QObject *parent) override;

    LuzmoClient &client() { return m_client; }
    LuzmoClient *luzmoClient() override { return &m_client; }
    static AiPromptRequest toAiPrompt(const PromptRequest &request);

private:
    LuzmoClient m_client;
    QString m_id;
};
