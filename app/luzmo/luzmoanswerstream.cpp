#include "app/luzmo/luzmoanswerstream.h"

#include "app/net/apicall.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

LuzmoAnswerStream::LuzmoAnswerStream(ApiCall *call, QObject *parent)
    : AnswerStream(parent)
    , m_call(call)
{
    call->setParent(this);
    connect(call, &ApiCall::headersReceived, this, &LuzmoAnswerStream::onHeaders);
    connect(call, &ApiCall::chunkReceived, this, &LuzmoAnswerStream::onChunk);
    connect(call, &ApiCall::succeeded, this, &LuzmoAnswerStream::onSucceeded);
    connect(call, &ApiCall::failed, this, &LuzmoAnswerStream::onFailed);
}

void LuzmoAnswerStream::abort()
{
    m_call->abort();
}

void LuzmoAnswerStream::onHeaders(int status, const QByteArray &contentType)
{
    m_sse = status < 400 && contentType.trimmed().toLower().startsWith("text/event-stream");
}

void LuzmoAnswerStream::onChunk(const QByteArray &chunk)
{
    if (!m_sse) {
        m_json += chunk;
        if (m_json.size() > 64 * 1024 * 1024)
            m_call->fail(ApiErrors::make(
                ApiError::Code::TooLarge, tr("The server's answer is larger than 64 MiB.")));
        return;
    }
    m_parser.feedBytes(chunk, [this](QByteArrayView, QByteArrayView data) { emitFrame(data); });
    if (m_parser.hasFailed())
        m_call->fail(ApiErrors::make(ApiError::Code::TooLarge, m_parser.error().message));
}

void LuzmoAnswerStream::emitFrame(QByteArrayView data)
{
    if (!m_ended)
        Q_EMIT frameReceived(data);
}

QList<StreamEvent> LuzmoAnswerStream::eventsForResult(const QJsonObject &result)
{
    StreamEvent start;
    start.type = StreamEvent::Type::Start;
    start.typeName = u"start"_s;
    start.conversationId = result.value(u"conversation_id").toString();
    start.userMessageId = result.value(u"user_message").toObject().value(u"id").toString();
    start.assistantMessageId
        = result.value(u"assistant_message").toObject().value(u"id").toString();
    StreamEvent finish = start;
    finish.type = StreamEvent::Type::Finish;
    finish.typeName = u"finish"_s;
    finish.result = result;
    finish.raw = QJsonObject { { u"type"_s, u"finish"_s }, { u"result"_s, result } };
    start.raw
        = QJsonObject { { u"type"_s, u"start"_s }, { u"conversation_id"_s, start.conversationId },
              { u"user_message_id"_s, start.userMessageId },
              { u"assistant_message_id"_s, start.assistantMessageId } };
    StreamEvent done;
    done.type = StreamEvent::Type::Done;
    done.typeName = u"[DONE]"_s;
    return { start, finish, done };
}

void LuzmoAnswerStream::readJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (!doc.isObject()) {
        ApiError e = ApiErrors::make(
            ApiError::Code::Protocol, tr("The server's answer is not valid JSON"));
        e.serverMessage = error.errorString();
        m_ended = true;
        Q_EMIT ended(e);
        return;
    }
    for (const StreamEvent &event : eventsForResult(doc.object()))
        Q_EMIT eventReceived(event);
    m_ended = true;
    Q_EMIT ended(std::nullopt);
}

void LuzmoAnswerStream::onSucceeded(const QByteArray &body)
{
    if (m_ended)
        return;
    if (!m_sse) {
        readJson(body.isEmpty() ? m_json : body);
        return;
    }
    m_parser.finish(); // an unterminated last event is dropped; the missing finish shows it
    m_ended = true;
    Q_EMIT ended(std::nullopt);
}

void LuzmoAnswerStream::onFailed(const ApiError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(error);
}
