#include "app/net/apicall.h"

#include <QNetworkReply>

ApiCall::ApiCall(QNetworkReply *reply, const Limits &limits, bool streaming, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_limits(limits)
    , m_streaming(streaming)
{
    reply->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ApiCall::onTimeout);
    m_timer.start(m_limits.connectTimeoutMs);
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onMetaData);
    connect(reply, &QIODevice::readyRead, this, &ApiCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
}

ApiCall::~ApiCall()
{
    if (m_reply && m_reply->isRunning()) {
        m_finished = true; // no signals from a dying object
        m_reply->abort();
    }
}

void ApiCall::abort()
{
    fail(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped")));
}

void ApiCall::fail(const ApiError &error)
{
    if (m_finished)
        return;
    m_abortReason = error;
    if (m_reply && m_reply->isRunning())
        m_reply->abort(); // finished() follows synchronously or soon
    else
        finish(error);
}

void ApiCall::onMetaData()
{
    if (m_headersSeen || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    m_status = status.toInt();
    m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    m_timer.start(m_limits.idleTimeoutMs);
    Q_EMIT headersReceived(m_status, m_contentType);
}

void ApiCall::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    onMetaData();
    m_timer.start(m_limits.idleTimeoutMs);
    if (m_streaming && m_status < 400) {
        // A slice per event-loop turn: a fast server's megabyte waiting in the socket would
        // otherwise be parsed and shown in one turn, stalling the window that long.
        if (const QByteArray slice = m_reply->read(streamSliceBytes); !slice.isEmpty())
            Q_EMIT chunkReceived(slice);
        if (m_reply && !m_finished && m_reply->bytesAvailable() > 0 && !m_drainQueued) {
            m_drainQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_drainQueued = false;
                    onReadyRead();
                    if (m_reply && m_reply->isFinished())
                        onFinished(); // the reply ended while slices waited: after the last one
                },
                Qt::QueuedConnection);
        }
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_body.size() + chunk.size() > m_limits.maxBodyBytes) {
        fail(ApiErrors::make(ApiError::Code::TooLarge,
            tr("The server's answer is larger than %1 MiB; it was not read.")
                .arg(m_limits.maxBodyBytes / (1024 * 1024))));
        return;
    }
    m_body += chunk;
}

void ApiCall::onTimeout()
{
    fail(ApiErrors::make(ApiError::Code::Timeout,
        m_headersSeen
            ? tr("The server stopped sending for %1 seconds.").arg(m_limits.idleTimeoutMs / 1000)
            : tr("The server did not answer within %1 seconds.")
                  .arg(m_limits.connectTimeoutMs / 1000)));
}

void ApiCall::onFinished()
{
    if (m_finished || !m_reply)
        return;
    if (m_abortReason) {
        finish(m_abortReason);
        return;
    }
    onMetaData();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    if (m_drainQueued)
        return; // slices still to hand over: the last one finishes the call
    if (m_status >= 400) {
        finish(ApiErrors::fromHttp(m_status, m_body, m_reply->rawHeader("Retry-After")));
        return;
    }
    if (m_reply->error() != QNetworkReply::NoError) {
        finish(ApiErrors::fromNetwork(*m_reply));
        return;
    }
    finish(std::nullopt);
}

void ApiCall::finish(const std::optional<ApiError> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (error)
        Q_EMIT failed(*error);
    else
        Q_EMIT succeeded(m_streaming ? QByteArray() : m_body);
}
