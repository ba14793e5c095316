#include "app/server/exchange.h"

#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

Exchange::Exchange(QHttpServerResponder &&responder, bool closeAfter, bool http10)
    : m_responder(std::move(responder))
    , m_closeAfter(closeAfter)
    , m_http10(http10)
{
}

QString Exchange::describe(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 404:
        return u"Not Found"_s;
    case 413:
        return u"Payload Too Large"_s;
    case 503:
        return u"Service Unavailable"_s;
    default:
        return u"Internal Server Error"_s;
    }
}

ChunkedWriter::Framing Exchange::framing() const
{
    return m_http10 ? ChunkedWriter::Framing::UntilClose : ChunkedWriter::Framing::Chunked;
}

void Exchange::json(const QJsonObject &body)
{
    write(body, 200);
}

QJsonObject Exchange::errorBody(int status, const QString &message)
{
    return QJsonObject {
        { u"type"_s,
            QJsonObject { { u"code"_s, status }, { u"description"_s, describe(status) } } },
        { u"message"_s, message },
    };
}

void Exchange::error(int status, const QString &message)
{
    write(errorBody(status, message), status);
}

void Exchange::write(const QJsonObject &body, int status)
{
    const QJsonDocument document(body);
    const auto code = QHttpServerResponder::StatusCode(status);
    if (!m_closeAfter) {
        m_responder.write(document, code);
        return;
    }
    m_responder.write(document, { { "Connection", "close" } }, code);
    if (QTcpSocket *socket = m_responder.socket())
        socket->disconnectFromHost(); // after what was written has gone out
}
