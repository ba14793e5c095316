#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

// An in-process HTTP/1.1 server on 127.0.0.1 and a free port, for network tests. Written on
// QTcpServer so a test controls every byte: chunk boundaries, pauses between chunks, a dropped
// connection mid-stream, a server that never answers.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QList<QByteArray> chunks; // written in order, `chunkDelayMs` apart
        int chunkDelayMs = 0;
        bool chunked = true; // Transfer-Encoding: chunked; else Content-Length
        int dropAfterChunks = -1; // close the connection abruptly after N chunks
        bool neverAnswer = false; // accept the request and stay silent
        bool stallAfterChunks = false; // send the chunks, then stay silent without ending
        // Called in the server's thread just before chunk `index` is written to the socket
        // (and flushed at once), e.g. to time it: after, the reader may already have it.
        std::function<void(int index)> beforeChunk;
    };

    using Handler = std::function<Response(const Request &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QByteArray baseUrl() const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }

    // Convenience responses.
    static Response json(int status, const QByteArray &body);
    static Response sse(const QList<QByteArray> &chunks, int delayMs = 0);
    // Splits `bytes` into chunks of `size` bytes.
    static QList<QByteArray> split(const QByteArray &bytes, int size);
    // A recorded Luzmo answer as a real server would give it to `request`: every UUID in it
    // replaced by a new one, except the conversation's, which is the one the request continues
    // (properties.conversation_id) or a new one. Ids are never reused across answers.
    static QByteArray withFreshIds(const QByteArray &recorded, const Request &request);

Q_SIGNALS:
    void requestReceived();

private:
    void onConnection();

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
};
