#include "app/server/connectionguard.h"

#include "app/server/exchange.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
// A token list header (`Connection: keep-alive, Upgrade`) contains `token`, case-insensitively.
bool hasToken(const QByteArray &header, QByteArrayView token)
{
    for (const QByteArray &part : header.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

ConnectionGuard::ConnectionGuard(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

QByteArray ConnectionGuard::busyResponse(int maxConnections)
{
    const QByteArray json = QJsonDocument(
        Exchange::errorBody(503,
            u"The server already has %1 open connections, its limit; try again in a moment."_s.arg(
                maxConnections)))
                                .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
           "Content-Length: "
        + QByteArray::number(json.size()) + "\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
        + json;
}

void ConnectionGuard::incomingConnection(qintptr descriptor)
{
    if (openConnections() >= m_limits.maxConnections) {
        refuse(descriptor);
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    Connection connection;
    connection.idle = new QTimer(socket);
    connection.idle->setSingleShot(true);
    connection.idle->setInterval(m_limits.idleTimeoutMs);
    connect(connection.idle, &QTimer::timeout, this, [this, socket] { closeIfIdle(socket); });
    m_connections.insert(socket, connection);
    // Connected before QHttpServer's own readyRead handler, so this one runs first and sees
    // the request line before QHttpServer reads it.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequestLine(socket); });
    const auto busy = [timer = connection.idle] { timer->start(); };
    connect(socket, &QTcpSocket::bytesWritten, connection.idle, busy);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    connection.idle->start();
    addPendingConnection(socket);
}

void ConnectionGuard::refuse(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // The answer goes after the request has been read: closing a socket with unread bytes
    // resets the connection, and the client might never see the 503. A client that sends
    // nothing gets it after a second.
    const auto answered = std::make_shared<bool>(false);
    const auto answer = [socket, answered, max = m_limits.maxConnections] {
        socket->readAll();
        if (std::exchange(*answered, true))
            return;
        socket->write(busyResponse(max));
        socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::readyRead, socket, answer);
    QTimer::singleShot(1000, socket, answer);
    if (socket->bytesAvailable() > 0)
        answer();
    Q_EMIT refused();
}

void ConnectionGuard::readRequestLine(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->idle->start();
    // QHttpServer reads each request in a transaction and rolls a partial one back, so what is
    // waiting starts at the request line of the request being read.
    const QByteArray head = socket->peek(8192);
    const qsizetype end = head.indexOf("\r\n");
    if (end < 0)
        return;
    it->http10 = head.left(end).trimmed().endsWith(" HTTP/1.0");
}

void ConnectionGuard::closeIfIdle(QTcpSocket *socket)
{
    const auto it = m_connections.constFind(socket);
    if (it == m_connections.constEnd())
        return;
    if (socket->bytesToWrite() > 0 || socket->bytesAvailable() > 0) {
        it->idle->start(); // still moving: a late timer after a long, synchronous answer
        return;
    }
    socket->disconnectFromHost();
}

bool ConnectionGuard::isHttp10(const QTcpSocket *socket) const
{
    return m_connections.value(socket).http10;
}

bool ConnectionGuard::closesAfterResponse(
    const QTcpSocket *socket, const QHttpServerRequest &request) const
{
    const QByteArray connection = request.value("connection");
    if (hasToken(connection, "close"))
        return true;
    return isHttp10(socket) && !hasToken(connection, "keep-alive");
}
