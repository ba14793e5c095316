#include "app/luzmo/luzmosocketstream.h"

#include "app/protocol/aipromptdecoder.h"
#include "app/socketio/socketioclient.h"

#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

LuzmoSocketStream::LuzmoSocketStream(
    const LuzmoConfig &config, const QJsonObject &body, QObject *parent)
    : AnswerStream(parent)
    , m_client(new SocketIoClient(this))
    , m_body(body)
{
    connect(m_client, &SocketIoClient::connected, this,
        [this] { m_client->emitEvent(u"aiprompt.create"_s, m_body); });
    connect(m_client, &SocketIoClient::eventReceived, this, &LuzmoSocketStream::onEvent);
    connect(m_client, &SocketIoClient::failed, this, [this](const ApiError &error) { end(error); });
    // Let the caller connect to our signals before anything can happen.
    QTimer::singleShot(0, this, [this, host = config.host] { m_client->open(host); });
}

void LuzmoSocketStream::abort()
{
    end(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped")));
}

void LuzmoSocketStream::onEvent(const QString &name, const QJsonArray &arguments)
{
    if (m_ended || name != u"aiprompt")
        return;
    // An object arrives parsed already and is read as is (not written out as JSON and parsed
    // again); a frame sent as a string is decoded like an SSE frame.
    const QJsonValue payload = arguments.at(0);
    const AiPromptDecoder::Result result = payload.isString()
        ? AiPromptDecoder::decode(payload.toString())
        : AiPromptDecoder::Result(AiPromptDecoder::decode(payload.toObject()));
    if (!result) {
        Q_EMIT invalidFrame(result.error());
        return;
    }
    Q_EMIT eventReceived(*result);
    if (result->type == StreamEvent::Type::Finish || result->type == StreamEvent::Type::Done)
        end(std::nullopt);
}

void LuzmoSocketStream::end(const std::optional<ApiError> &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_client->close();
    Q_EMIT ended(error);
}
