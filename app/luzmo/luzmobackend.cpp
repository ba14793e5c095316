#include "app/luzmo/luzmobackend.h"

#include "app/luzmo/luzmoanswerstream.h"
#include "app/luzmo/luzmosocketstream.h"

using namespace Qt::StringLiterals;

LuzmoBackend::LuzmoBackend(QNetworkAccessManager &network, LuzmoConfig config, QString id)
    : m_client(network, std::move(config))
    , m_id(std::move(id))
{
}

QString LuzmoBackend::displayName() const
{
    return u"Luzmo at "_s + m_client.config().host.toDisplayString();
}

AiPromptRequest LuzmoBackend::toAiPrompt(const PromptRequest &request)
{
    AiPromptRequest prompt;
    prompt.agent = request.agent;
    prompt.task = request.task;
    prompt.conversationId = request.remoteConversationId;
    prompt.localeId = request.localeId;
    prompt.timezoneId = AiPromptRequest::systemTimezoneId();
    prompt.texts = { request.text };
    prompt.stream = request.stream;
    return prompt;
}

QString LuzmoBackend::validate(const PromptRequest &request) const
{
    if (m_client.config().key.isEmpty() || m_client.config().token.isEmpty())
        return QObject::tr("The Luzmo backend needs an API key and token (Settings).");
    return toAiPrompt(request).validate();
}

AnswerStream *LuzmoBackend::ask(const PromptRequest &request, QObject *parent)
{
    const LuzmoConfig &config = m_client.config();
    if (config.transport == LuzmoConfig::Transport::SocketIo && request.stream) {
        return new LuzmoSocketStream(config,
            m_client.body(u"create"_s, { { u"properties"_s, toAiPrompt(request).toProperties() } }),
            parent);
    }
    return new LuzmoAnswerStream(m_client.createAiPrompt(toAiPrompt(request), nullptr), parent);
}
