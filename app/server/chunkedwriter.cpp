#include "app/server/chunkedwriter.h"

#include <QTcpSocket>

ChunkedWriter::ChunkedWriter(QHttpServerResponder &&responder, Framing framing, bool closeAfter)
    : m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
    , m_framing(framing)
    , m_closeAfter(closeAfter || framing == Framing::UntilClose)
{
}

ChunkedWriter::~ChunkedWriter() = default;

QByteArray ChunkedWriter::frame(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray ChunkedWriter::lastChunk()
{
    return QByteArrayLiteral("0\r\n\r\n");
}

QTcpSocket *ChunkedWriter::socket() const
{
    return m_socket;
}

bool ChunkedWriter::clientGone() const
{
    return !m_socket || m_socket->state() != QAbstractSocket::ConnectedState;
}

bool ChunkedWriter::writable() const
{
    return !m_finished && !clientGone();
}

bool ChunkedWriter::begin(
    QHttpServerResponder::StatusCode status, QHttpServerResponder::HeaderList headers)
{
    if (m_begun || !writable())
        return false;
    m_begun = true;
    m_responder->writeStatusLine(status);
    m_responder->writeHeaders(headers);
    if (m_framing == Framing::Chunked)
        m_responder->writeHeader("Transfer-Encoding", "chunked");
    if (m_closeAfter)
        m_responder->writeHeader("Connection", "close");
    return true;
}

bool ChunkedWriter::write(const QByteArray &data)
{
    if (!m_begun || !writable())
        return false;
    if (!data.isEmpty())
        m_responder->writeBody(m_framing == Framing::Chunked ? frame(data) : data);
    return true;
}

bool ChunkedWriter::finish()
{
    if (!m_begun || !writable())
        return false;
    m_finished = true;
    if (m_framing == Framing::Chunked)
        m_responder->writeBody(lastChunk());
    if (m_closeAfter)
        m_socket->disconnectFromHost(); // after what was written has gone out
    return true;
}
