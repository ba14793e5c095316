#include "app/server/sseresponse.h"

#include <QTcpSocket>

SseResponse::SseResponse(Exchange &&exchange, int delayMs, QObject *parent)
    : QObject(parent)
    , m_writer(exchange.takeResponder(), exchange.framing(), exchange.closesAfter())
{
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &SseResponse::writeNext);
    if (QTcpSocket *socket = m_writer.socket())
        connect(socket, &QTcpSocket::disconnected, this, [this] { close(true); });
    if (!m_writer.begin(QHttpServerResponder::StatusCode::Ok,
            { { "Content-Type", "text/event-stream; charset=utf-8" },
                { "Cache-Control", "no-cache, no-transform" } })) {
        QTimer::singleShot(0, this, [this] { close(true); });
        return;
    }
    m_timer.start();
}

bool SseResponse::clientGone() const
{
    return m_writer.clientGone();
}

void SseResponse::send(const QByteArray &data)
{
    m_frames.enqueue("data: " + data + "\n\n");
}

void SseResponse::end()
{
    m_ending = true;
}

void SseResponse::writeNext()
{
    if (m_closed)
        return;
    if (!m_frames.isEmpty()) {
        // Without a delay, write everything queued at once.
        do {
            if (!m_writer.write(m_frames.dequeue())) {
                close(true);
                return;
            }
        } while (m_timer.interval() == 0 && !m_frames.isEmpty());
        return;
    }
    if (!m_ending)
        return;
    close(!m_writer.finish());
}

void SseResponse::close(bool gone)
{
    if (m_closed)
        return;
    m_closed = true;
    m_timer.stop();
    if (QTcpSocket *socket = m_writer.socket())
        disconnect(socket, nullptr, this, nullptr);
    Q_EMIT finished(gone);
    deleteLater();
}
