#include "app/looker/lookeranswerstream.h"

#include "app/looker/lookercall.h"
#include "app/looker/lookerrequests.h"
#include "app/looker/lookersession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

LookerAnswerStream::LookerAnswerStream(
    LookerSession *session, const PromptRequest &request, QObject *parent)
    : AnswerStream(parent)
    , m_session(session)
    , m_request(request)
    , m_agents(new LookerAgentResolver(session, this))
{
    connect(m_agents, &LookerAgentResolver::resolved, this, &LookerAnswerStream::onAgent);
    connect(m_agents, &LookerAgentResolver::working, this, &LookerAnswerStream::emitProgress);
    // The caller connects to our signals after ask() returns: start on the next turn.
    QTimer::singleShot(0, this, &LookerAnswerStream::begin);
}

void LookerAnswerStream::abort()
{
    if (m_ended)
        return;
    if (m_agents->isBusy())
        m_agents->abort(); // resolved(Cancelled) follows and ends the stream
    else if (m_call && !m_call->isFinished())
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
    m_agents->start();
}

void LookerAnswerStream::onAgent(const QString &agentId, const std::optional<ApiError> &error)
{
    if (m_ended || !m_session)
        return;
    if (error) {
        end(error);
        return;
    }
    emitProgress(tr("Starting a Looker conversation"));
    const QString name = LookerRequests::conversationName(m_request.text);
    LookerCall *call
        = startCall(LookerRequests::createConversation(m_session->config(), name, agentId));
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
    chat();
}

void LookerAnswerStream::chat()
{
    if (m_ended || !m_session)
        return;
    StreamEvent start;
    start.type = StreamEvent::Type::Start;
    start.typeName = u"start"_s;
    start.conversationId = m_conversationId;
    start.raw = QJsonObject { { u"conversation_id"_s, m_conversationId } };
    Q_EMIT eventReceived(start);
    LookerCall *call = startCall(LookerRequests::chat(m_conversationId, m_request.text));
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
        if (item) {
            m_chatMessages.append(*item);
            emitEvents(m_mapper.map(*item));
        } else
            Q_EMIT invalidFrame(item.error());
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
    saveTurn();
}

void LookerAnswerStream::saveTurn()
{
    emitProgress(tr("Saving the turn in Looker"));
    QJsonArray messages { LookerRequests::userEntry(m_request.text) };
    for (const QJsonObject &message : std::as_const(m_chatMessages))
        messages.append(LookerRequests::systemEntry(message));
    LookerCall *call = startCall(LookerRequests::addMessages(m_conversationId, messages));
    connect(call, &LookerCall::succeeded, this, &LookerAnswerStream::complete);
}

void LookerAnswerStream::complete(const QByteArray &body)
{
    // ConversationMessage[] in the order sent: the user's message, then the system messages.
    const QJsonArray saved = QJsonDocument::fromJson(body).array();
    const auto idAt = [&saved](qsizetype i) {
        const QJsonValue id = saved.at(i).toObject().value(u"id");
        return id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
    };
    StreamEvent finish;
    finish.type = StreamEvent::Type::Finish;
    finish.typeName = u"finish"_s;
    finish.conversationId = m_conversationId;
    if (saved.size() >= 1)
        finish.userMessageId = idAt(0);
    if (saved.size() >= 2)
        finish.assistantMessageId = idAt(1);
    StreamEvent done;
    done.type = StreamEvent::Type::Done;
    done.typeName = u"[DONE]"_s;
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
    progress.typeName = u"progress"_s;
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
