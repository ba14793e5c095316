#pragma once

#include <QHash>
#include <QTcpServer>

class QHttpServerRequest;
class QTcpSocket;
class QTimer;

// The listening socket of the LocalServer, handed to QHttpServer::bind(). QHttpServer 6.4 keeps
// every connection for as long as the client does, whatever it asked for; this class closes
// what it should:
//  - beyond `maxConnections` open connections, a new one gets a 503 JSON error and is closed
//    at once (QHttpServer never sees it);
//  - a connection on which no byte has moved either way for `idleTimeoutMs` is closed (a
//    response still being written, such as an event stream, keeps it busy);
//  - closesAfterResponse() tells the server when a request asks for the connection to end
//    after its response: `Connection: close`, or HTTP/1.0 without `Connection: keep-alive`.
//    The HTTP version is read from the request line (QHttpServerRequest 6.4 does not expose
//    it) before QHttpServer reads the request.
class ConnectionGuard : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 256;
        int idleTimeoutMs = 30000;
    };

    explicit ConnectionGuard(Limits limits, QObject *parent = nullptr);

    int openConnections() const { return int(m_connections.size()); }
    // Whether the socket's current request was sent as HTTP/1.0.
    bool isHttp10(const QTcpSocket *socket) const;
    bool closesAfterResponse(const QTcpSocket *socket, const QHttpServerRequest &request) const;

    // The 503 written to a connection over the cap (a whole HTTP response).
    static QByteArray busyResponse(int maxConnections);

Q_SIGNALS:
    void refused();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection
    {
        QTimer *idle = nullptr;
        bool http10 = false;
    };
    void refuse(qintptr descriptor);
    void readRequestLine(QTcpSocket *socket);
    void closeIfIdle(QTcpSocket *socket);

    Limits m_limits;
    QHash<const QTcpSocket *, Connection> m_connections;
};
