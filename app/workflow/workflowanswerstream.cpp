#include "app/workflow/workflowanswerstream.h"

#include "app/net/apicall.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

WorkflowAnswerStream::WorkflowAnswerStream(QNetworkAccessManager &network,
    const WorkflowConfig &config, const WorkflowRequest &request, QObject *parent)
    : AnswerStream(parent)
    , m_network(&network)
    , m_config(config)
    , m_request(request)
    , m_mapper(request.conversationId)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WorkflowAnswerStream::open);
    open();
}

WorkflowAnswerStream::WorkflowAnswerStream(QNetworkAccessManager &network,
    const WorkflowConfig &config, const WorkflowResumeState &state, QObject *parent)
    : AnswerStream(parent)
    , m_network(&network)
    , m_config(config)
    , m_mapper(state.conversationId)
    , m_lastIndex(state.lastEventIndex)
{
    m_request.conversationId = state.conversationId;
    m_request.requestId = state.requestId;
    m_request.message = state.message;
    m_request.timezone = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    m_mapper.restore(state.text, state.nodes);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WorkflowAnswerStream::open);
    open();
}

WorkflowAnswerStream::~WorkflowAnswerStream()
{
    m_ended = true; // no signals from a dying object
    dropCall();
}

WorkflowResumeState WorkflowAnswerStream::resumeState() const
{
    WorkflowResumeState state;
    state.conversationId = m_request.conversationId;
    state.requestId = m_request.requestId;
    state.lastEventIndex = m_lastIndex;
    state.text = m_mapper.text();
    state.nodes = m_mapper.nodesArray();
    state.message = m_request.message;
    return state;
}

void WorkflowAnswerStream::open()
{
    if (m_ended)
        return;
    if (!m_network) {
        end(ApiErrors::make(ApiError::Code::Network, tr("The network is no longer available.")));
        return;
    }
    QNetworkRequest request(m_config.streamUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    // The token must not follow a redirect to another host.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    const QByteArray body
        = QJsonDocument(m_request.toJson(m_lastIndex)).toJson(QJsonDocument::Compact);
    m_parser.reset();
    ++m_connections;
    m_call = new ApiCall(m_network->post(request, body), m_config.limits, true, this);
    connect(m_call, &ApiCall::headersReceived, this, &WorkflowAnswerStream::onHeaders);
    connect(m_call, &ApiCall::chunkReceived, this, &WorkflowAnswerStream::onChunk);
    connect(m_call, &ApiCall::succeeded, this, &WorkflowAnswerStream::onSucceeded);
    connect(m_call, &ApiCall::failed, this, &WorkflowAnswerStream::onFailed);
}

void WorkflowAnswerStream::abort()
{
    if (m_ended)
        return;
    m_aborted = true;
    m_retryTimer.stop();
    if (m_call && !m_call->isFinished())
        m_call->abort(); // onFailed(Cancelled) follows
    else
        end(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped")));
}

void WorkflowAnswerStream::onHeaders(int status, const QByteArray &contentType)
{
    if (m_ended || status >= 400)
        return; // ApiCall fails with the server's message
    if (!contentType.trimmed().toLower().startsWith("text/event-stream")) {
        ApiError e = ApiErrors::make(ApiError::Code::Protocol,
            tr("The workflow server did not answer with an event stream."));
        e.httpStatus = status;
        e.serverMessage = tr("Content type: %1").arg(QString::fromLatin1(contentType));
        m_call->fail(e);
        return;
    }
    if (!m_began) {
        m_began = true;
        emitEvents(m_mapper.begin());
    }
}

void WorkflowAnswerStream::onChunk(const QByteArray &chunk)
{
    if (m_ended)
        return;
    m_parser.feed(chunk, [this](SseEvent &&event) { onEvent(event); });
    if (!m_ended && m_call && m_parser.hasFailed())
        m_call->fail(ApiErrors::make(ApiError::Code::TooLarge, m_parser.error().message));
}

void WorkflowAnswerStream::onEvent(const SseEvent &event)
{
    if (m_ended)
        return;
    // Every data frame has a number: the one in its `id:` line when the server sends one, else
    // the next one after the last frame received (B3OS frames carry none; heartbeats are
    // comments and never reach here). A number already seen is a replay: shown already.
    const int sent = WorkflowFrame::idOf(event);
    if (sent >= 0 && sent <= m_lastIndex) {
        ++m_duplicates;
        return;
    }
    m_lastIndex = sent >= 0 ? sent : m_lastIndex + 1;
    m_failures = 0;
    const WorkflowFrame::Result decoded = WorkflowFrame::decode(event);
    if (!decoded) {
        Q_EMIT invalidFrame(decoded.error());
    } else {
        emitEvents(m_mapper.map(*decoded));
        if (!m_ended && decoded->kind == WorkflowFrame::Kind::Node)
            Q_EMIT nodeReceived(decoded->node);
    }
    if (m_ended)
        return;
    Q_EMIT resumeStateChanged();
    if (!m_ended && m_mapper.isFinished())
        end(std::nullopt);
}

void WorkflowAnswerStream::emitEvents(const QList<StreamEvent> &events)
{
    for (const StreamEvent &event : events) {
        if (m_ended)
            return;
        Q_EMIT eventReceived(event);
    }
}

void WorkflowAnswerStream::onSucceeded()
{
    if (m_ended)
        return;
    m_parser.finish(); // an unterminated last event is dropped: it is replayed on reconnection
    connectionLost(ApiErrors::make(ApiError::Code::Network,
        tr("The server closed the stream before the answer was finished.")));
}

void WorkflowAnswerStream::onFailed(const ApiError &error)
{
    if (m_ended)
        return;
    if (m_aborted || error.code == ApiError::Code::Cancelled) {
        end(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped")));
        return;
    }
    switch (error.code) {
    case ApiError::Code::Network:
    case ApiError::Code::Timeout:
    case ApiError::Code::Server:
    case ApiError::Code::RateLimited:
        connectionLost(error);
        return;
    default:
        end(error); // refused (400, 401, 404...) or not understood: trying again cannot help
        return;
    }
}

void WorkflowAnswerStream::connectionLost(const ApiError &why)
{
    dropCall();
    const WorkflowConfig::Reconnect &policy = m_config.reconnect;
    ++m_failures;
    if (m_failures > policy.maxAttempts) {
        ApiError e = ApiErrors::make(ApiError::Code::Network,
            tr("The workflow stream was lost after %1 attempts").arg(policy.maxAttempts));
        e.serverMessage = why.toString();
        end(e);
        return;
    }
    int delay = policy.delayMs(m_failures);
    if (why.code == ApiError::Code::RateLimited && why.retryAfterSeconds >= 0)
        delay = qMax(delay, why.retryAfterSeconds * 1000);
    Q_EMIT reconnecting(m_failures, policy.maxAttempts, delay);
    if (m_ended)
        return;
    StreamEvent progress;
    progress.type = StreamEvent::Type::Progress;
    progress.typeName = u"progress"_s;
    progress.conversationId = m_request.conversationId;
    progress.progressMessage = tr("Connection lost; reconnecting (attempt %1 of %2)…")
                                   .arg(m_failures)
                                   .arg(policy.maxAttempts);
    emitEvents({ progress });
    if (!m_ended)
        m_retryTimer.start(delay);
}

void WorkflowAnswerStream::end(const std::optional<ApiError> &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_retryTimer.stop();
    dropCall();
    Q_EMIT ended(error);
}

void WorkflowAnswerStream::dropCall()
{
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call = nullptr;
    call->disconnect(this);
    if (!call->isFinished())
        call->abort(); // now, while the network manager surely exists; nobody listens
    call->deleteLater();
}
