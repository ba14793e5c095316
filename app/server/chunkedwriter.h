#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QPointer>

#include <memory>

class QTcpSocket;

// An HTTP/1.1 response with `Transfer-Encoding: chunked`, framed by hand: QHttpServer 6.4 has
// no streaming responder API, so the status line and headers are written at once and each
// chunk goes out through writeBody() as "<size in hex>\r\n<data>\r\n", ended by "0\r\n\r\n".
// The client may leave at any moment and writing to a gone socket crashes, so the socket is
// checked before every write and nothing is written after it has gone.
//
// Qt >= 6.8: QHttpServerResponder::writeBeginChunked() / writeChunk() / writeEndChunked() do
// this framing themselves; this class (and its socket checks) would shrink to those calls.
class ChunkedWriter
{
public:
    enum class Framing {
        Chunked,
        UntilClose, // for an HTTP/1.0 client: the body as it is, ended by closing the connection
    };
    // With `closeAfter` (or UntilClose framing) the response says `Connection: close` and
    // finish() closes the connection once the body has gone out.
    explicit ChunkedWriter(QHttpServerResponder &&responder, Framing framing = Framing::Chunked,
        bool closeAfter = false);
    ~ChunkedWriter();
    ChunkedWriter(const ChunkedWriter &) = delete;
    ChunkedWriter &operator=(const ChunkedWriter &) = delete;

    // The bytes of one chunk carrying `data` (empty data has no chunk: it would end the body).
    static QByteArray frame(const QByteArray &data);
    // The last chunk, ending the body (no trailers).
    static QByteArray lastChunk();

    QTcpSocket *socket() const;
    bool clientGone() const;

    // Each write returns false, writing nothing, once the client has gone or after finish().
    // begin() writes `headers`, then `Transfer-Encoding: chunked` (Chunked framing) and
    // `Connection: close` when the connection ends with the response.
    bool begin(QHttpServerResponder::StatusCode status, QHttpServerResponder::HeaderList headers);
    bool write(const QByteArray &data);
    bool finish();

private:
    bool writable() const;

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    Framing m_framing = Framing::Chunked;
    bool m_closeAfter = false;
    bool m_begun = false;
    bool m_finished = false;
};
