#include "sseresponse.h"

#include <QTcpSocket>

SseResponse::SseResponse(QHttpServerResponder &&responder, int delayMs, QObject *parent)
    : QObject(parent)
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
{
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &SseResponse::writeNext);
    if (m_socket)
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { close(true); });
    if (clientGone()) {
        QTimer::singleShot(0, this, [this] { close(true); });
        return;
    }
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    m_responder->writeHeaders({ { "Content-Type", "text/event-stream; charset=utf-8" },
        { "Cache-Control", "no-cache, no-transform" }, { "Connection", "keep-alive" },
        { "Transfer-Encoding", "chunked" } });
    m_timer.start();
}

bool SseResponse::clientGone() const
{
    return !m_socket || m_socket->state() != QAbstractSocket::ConnectedState;
}

void SseResponse::send(const QByteArray &data)
{
    m_frames.enqueue("data: " + data + "\n\n");
}

void SseResponse::end()
{
    m_ending = true;
}

bool SseResponse::writeChunk(const QByteArray &chunk)
{
    if (clientGone()) {
        close(true);
        return false;
    }
    m_responder->writeBody(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    return true;
}

void SseResponse::writeNext()
{
    if (m_closed)
        return;
    if (!m_frames.isEmpty()) {
        // Without a delay, write everything queued at once.
        do {
            if (!writeChunk(m_frames.dequeue()))
                return;
        } while (m_timer.interval() == 0 && !m_frames.isEmpty());
        return;
    }
    if (!m_ending)
        return;
    if (clientGone()) {
        close(true);
        return;
    }
    m_responder->writeBody(QByteArrayLiteral("0\r\n\r\n"));
    close(false);
}

void SseResponse::close(bool gone)
{
    if (m_closed)
        return;
    m_closed = true;
    m_timer.stop();
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    Q_EMIT finished(gone);
    deleteLater();
}
