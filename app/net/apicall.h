#pragma once

#include "app/net/apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

// One HTTP exchange with a backend, with a single exit: exactly one of succeeded() or failed()
// is emitted, once. It checks the status early (an error status buffers the body to read the
// server's message from it) and enforces a connect timeout, an idle timeout between chunks and a
// cap on the body size. Streaming calls hand each chunk of a successful response to
// chunkReceived() instead of buffering it.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    // A streaming call hands over at most this much per event-loop turn.
    static constexpr qint64 streamSliceBytes = 64 * 1024;

    struct Limits
    {
        int connectTimeoutMs = 15000; // until the response headers arrive
        int idleTimeoutMs = 90000; // between two chunks of the body
        qint64 maxBodyBytes = 64 * 1024 * 1024; // buffered (non-streaming) bodies only
    };

    ApiCall(QNetworkReply *reply, const Limits &limits, bool streaming, QObject *parent = nullptr);
    ~ApiCall() override;

    // Stops the exchange; failed() follows with ApiError::Code::Cancelled.
    void abort();
    // Ends the exchange with `error` (e.g. a protocol error found by the reader of the chunks).
    void fail(const ApiError &error);
    bool isFinished() const { return m_finished; }
    int httpStatus() const { return m_status; }
    QByteArray contentType() const { return m_contentType; }

Q_SIGNALS:
    void headersReceived(int status, const QByteArray &contentType);
    void chunkReceived(const QByteArray &chunk);
    void succeeded(const QByteArray &body); // the whole body; empty for streaming calls
    void failed(const ApiError &error);

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void finish(const std::optional<ApiError> &error);

    QPointer<QNetworkReply> m_reply;
    Limits m_limits;
    bool m_streaming;
    QTimer m_timer;
    QByteArray m_body;
    QByteArray m_contentType;
    int m_status = 0;
    bool m_headersSeen = false;
    bool m_finished = false;
    bool m_drainQueued = false; // a streaming slice is queued for the next event-loop turn
    std::optional<ApiError> m_abortReason; // why we aborted the reply ourselves
};
