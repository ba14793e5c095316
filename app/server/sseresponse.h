#pragma once

#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <memory>

class QTcpSocket;

// A chunked text/event-stream response on QHttpServer 6.4, which has no streaming API: the
// responder is kept alive here, the status line and headers are written at once, then each
// queued frame as an HTTP chunk, `delayMs` apart. The client may leave at any moment: the
// socket is checked before every write and nothing is written after it has gone.
class SseResponse : public QObject
{
    Q_OBJECT
public:
    SseResponse(QHttpServerResponder &&responder, int delayMs, QObject *parent = nullptr);

    // Queues `data` as one `data:` frame (a JSON text, or "[DONE]").
    void send(const QByteArray &data);
    // Ends the body after the queued frames; the object deletes itself when done.
    void end();
    bool clientGone() const;

Q_SIGNALS:
    void finished(bool clientGone);

private:
    void writeNext();
    bool writeChunk(const QByteArray &chunk);
    void close(bool gone);

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    QQueue<QByteArray> m_frames;
    QTimer m_timer;
    bool m_ending = false;
    bool m_closed = false;
};
