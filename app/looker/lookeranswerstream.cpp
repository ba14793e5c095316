#include "lookeranswerstream.h"

#include "lookercall.h"
#include "lookerrequests.h"
#include "lookersession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

LookerAnswerStream::LookerAnswerStream(
    LookerSession *session, const PromptRequest &request, QObject *parent)
    : AnswerStream(parent)
    , m_session(session)
    , m_request(request)
{
    // The caller connects to our signals after ask() returns: start on the next turn.
    QTimer::singleShot(0, this, &LookerAnswerStream::begin);
}

void LookerAnswerStream::abort()
{
    if (m_ended)
        return;
    if (m_call && !m_call->isFinished())
        m_call->abort(); // failed(Cancelled) follows and ends the stream
    else
        end(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped")));
}

LookerCall *LookerAnswerStream::startCall(const LookerCall::Spec &spec)
{
    if (m_call)
        m_call->deleteLater();
    auto *call = new LookerCall(m_session, spec, this);
    m_call = call;
    connect(call, &LookerCall::failed, this, &LookerAnswerStream::end);
    connect(call, &LookerCall::retrying, this, [this](int seconds) {
        emitProgress(tr("Looker is busy: trying again in %n second(s)", nullptr, seconds));
    });
    call->start();
    return call;
}

void LookerAnswerStream::begin()
{
    if (m_ended)
        return;
    if (!m_session) {
        end(ApiErrors::make(ApiError::Code::Usage, tr("The Looker account was removed.")));
        return;
    }
    m_conversationId = m_request.remoteConversationId;
    if (!m_conversationId.isEmpty()) {
        chat();
        return;
    }
    emitProgress(tr("Starting a Looker conversation"));
    const QString name = LookerRequests::conversationName(m_request.text);
    LookerCall *call = startCall(LookerRequests::createConversation(m_session->config(), name));
    connect(call, &LookerCall::succeeded, this, &LookerAnswerStream::onCreated);
}

void LookerAnswerStream::onCreated(const QByteArray &body)
{
    const QJsonValue id = QJsonDocument::fromJson(body).object().value(u"id");
    m_conversationId = id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
    if (m_conversationId.isEmpty()) {
        end(ApiErrors::make(ApiError::Code::Protocol,
            tr("Looker created the conversation but did not say its id.")));
        return;
    }
    if (m_session)
        m_session->conversationCreated(m_conversationId);
    chat();
}

void LookerAnswerStream::chat()
{
    if (m_ended || !m_session)
        return;
    StreamEvent start;
    start.type = StreamEvent::Type::Start;
    start.typeName = u"start"_qs;
    start.conversationId = m_conversationId;
    start.raw = QJsonObject { { u"conversation_id"_qs, m_conversationId } };
    Q_EMIT eventReceived(start);
    LookerCall *call
        = startCall(LookerRequests::chat(m_session->config(), m_conversationId, m_request.text));
    connect(call, &LookerCall::headersReceived, this,
        [this](int, const QByteArray &contentType) { m_parser.setContentType(contentType); });
    connect(call, &LookerCall::chunkReceived, this, &LookerAnswerStream::onChunk);
    connect(call, &LookerCall::succeeded, this, &LookerAnswerStream::onChatEnded);
}

void LookerAnswerStream::onChunk(const QByteArray &chunk)
{
    for (const LookerChatParser::Item &item : m_parser.feed(chunk)) {
        if (m_ended)
            return;
        if (const auto *message = std::get_if<QJsonObject>(&item))
            emitEvents(m_mapper.map(*message));
        else
            Q_EMIT invalidFrame(std::get<DecodeError>(item));
    }
    if (m_parser.hasFailed() && m_call) {
        m_call->abort();
        end(ApiErrors::make(ApiError::Code::TooLarge,
            tr("A message from Looker is larger than %1 MiB.")
                .arg(m_parser.maxMessageSize() / (1024 * 1024))));
    }
}

void LookerAnswerStream::onChatEnded()
{
    if (m_ended)
        return;
    if (m_parser.finish()) {
        Q_EMIT invalidFrame({ DecodeError::Code::InvalidJson,
            tr("Looker's answer stopped in the middle of a message."), {} });
    }
    emitEvents(m_mapper.finish());
    if (m_ended)
        return;
    if (m_mapper.sawError()) {
        // The agent could not answer: the error event says why; nothing worth persisting.
        end(std::nullopt);
        return;
    }
    saveQuestion();
}

void LookerAnswerStream::saveQuestion()
{
    emitProgress(tr("Saving the turn in Looker"));
    m_order = m_session ? m_session->reserveOrders(m_conversationId, 2) : std::nullopt;
    LookerCall *call = startCall(LookerRequests::addMessage(
        m_conversationId, LookerRequests::userMessage(m_request.text), u"user"_qs, m_order));
    connect(call, &LookerCall::succeeded, this, &LookerAnswerStream::saveAnswer);
}

void LookerAnswerStream::saveAnswer()
{
    if (m_ended)
        return;
    const std::optional<int> order = m_order ? std::optional<int>(*m_order + 1) : std::nullopt;
    LookerCall *call = startCall(LookerRequests::addMessage(m_conversationId,
        LookerRequests::systemTextMessage(m_mapper.finalText()), u"system"_qs, order));
    connect(call, &LookerCall::succeeded, this, &LookerAnswerStream::complete);
}

void LookerAnswerStream::complete()
{
    StreamEvent finish;
    finish.type = StreamEvent::Type::Finish;
    finish.typeName = u"finish"_qs;
    finish.conversationId = m_conversationId;
    StreamEvent done;
    done.type = StreamEvent::Type::Done;
    done.typeName = u"[DONE]"_qs;
    emitEvents({ finish, done });
    end(std::nullopt);
}

void LookerAnswerStream::emitEvents(const QList<StreamEvent> &events)
{
    for (const StreamEvent &event : events) {
        if (m_ended)
            return;
        Q_EMIT eventReceived(event);
    }
}

void LookerAnswerStream::emitProgress(const QString &message)
{
    StreamEvent progress;
    progress.type = StreamEvent::Type::Progress;
    progress.typeName = u"progress"_qs;
    progress.progressMessage = message;
    emitEvents({ progress });
}

void LookerAnswerStream::end(const std::optional<ApiError> &error)
{
    if (m_ended)
        return;
    m_ended = true;
    std::optional<ApiError> e = error;
    if (e && !m_conversationId.isEmpty() && m_call && m_call->spec().path.endsWith(u"/messages")) {
        e->message = tr("The answer arrived, but Looker did not save this turn: ") + e->message;
    }
    Q_EMIT ended(e);
}
