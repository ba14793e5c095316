#pragma once

#include "app/server/chunkedwriter.h"
#include "app/server/exchange.h"

#include <QHttpServerResponder>
#include <QObject>
#include <QQueue>
#include <QTimer>

// A chunked text/event-stream response: the status line and headers are written at once, then
// each queued frame as an HTTP chunk, `delayMs` apart (unchunked for HTTP/1.0, see Exchange).
// ChunkedWriter does the framing and stops writing once the client has gone; this class ends when
// it notices.
class SseResponse : public QObject
{
    Q_OBJECT
public:
    SseResponse(Exchange &&exchange, int delayMs, QObject *parent = nullptr);

    // Queues `data` as one `data:` frame (a JSON text, or "[DONE]").
    void send(const QByteArray &data);
    // Ends the body after the queued frames; the object deletes itself when done.
    void end();
    bool clientGone() const;

Q_SIGNALS:
    void finished(bool clientGone);

private:
    void writeNext();
    void close(bool gone);

    ChunkedWriter m_writer;
    QQueue<QByteArray> m_frames;
    QTimer m_timer;
    bool m_ending = false;
    bool m_closed = false;
};
