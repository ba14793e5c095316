#include "app/socketio/socketioclient.h"

#include "app/net/urlpath.h"
#include "app/socketio/socketiopacket.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

SocketIoClient::SocketIoClient(QObject *parent)
    : SocketIoClient(Options(), parent)
{
}

SocketIoClient::SocketIoClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_connectTimer.setSingleShot(true);
    m_livenessTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this,
        [this] { retryOrFail(tr("The Socket.IO server did not answer in time.")); });
    connect(&m_livenessTimer, &QTimer::timeout, this,
        [this] { retryOrFail(tr("The Socket.IO server stopped answering (no ping).")); });
    connect(&m_retryTimer, &QTimer::timeout, this, &SocketIoClient::attempt);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SocketIoClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &SocketIoClient::onSocketClosed);
}

SocketIoClient::~SocketIoClient()
{
    m_closing = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl SocketIoClient::socketUrl(const QUrl &serverUrl)
{
    QUrl url = serverUrl;
    if (url.scheme() == u"http")
        url.setScheme(u"ws"_s);
    else if (url.scheme() == u"https")
        url.setScheme(u"wss"_s);
    url = urlUnder(url, u"socket.io/");
    QUrlQuery query;
    query.addQueryItem(u"EIO"_s, u"4"_s);
    query.addQueryItem(u"transport"_s, u"websocket"_s);
    url.setQuery(query);
    return url;
}

void SocketIoClient::open(const QUrl &serverUrl)
{
    m_url = socketUrl(serverUrl);
    m_attempt = 0;
    m_closing = false;
    attempt();
}

void SocketIoClient::attempt()
{
    ++m_attempt;
    m_state = State::Connecting;
    m_connectTimer.start(m_options.connectTimeoutMs);
    m_socket.open(m_url);
}

void SocketIoClient::close()
{
    m_closing = true;
    m_connectTimer.stop();
    m_livenessTimer.stop();
    m_retryTimer.stop();
    if (m_state == State::Connected)
        m_socket.sendTextMessage(u"41"_s); // leave the namespace
    m_state = State::Closed;
    m_socket.close();
}

bool SocketIoClient::emitEvent(const QString &name, const QJsonValue &data)
{
    if (m_state != State::Connected)
        return false;
    m_socket.sendTextMessage(SocketIoPacket::encodeEvent(name, data));
    return true;
}

void SocketIoClient::armLiveness()
{
    m_livenessTimer.start(m_pingIntervalMs + m_pingTimeoutMs);
}

void SocketIoClient::onText(const QString &message)
{
    const SocketIoPacket packet = SocketIoPacket::decode(message);
    switch (packet.kind) {
    case SocketIoPacket::Kind::Open:
        m_pingIntervalMs = packet.open.value(u"pingInterval").toInt(m_pingIntervalMs);
        m_pingTimeoutMs = packet.open.value(u"pingTimeout").toInt(m_pingTimeoutMs);
        m_state = State::Open;
        armLiveness();
        m_socket.sendTextMessage(u"40"_s); // join the default namespace
        break;
    case SocketIoPacket::Kind::Ping:
        m_socket.sendTextMessage(u"3"_s + packet.payload);
        armLiveness();
        break;
    case SocketIoPacket::Kind::Close:
        retryOrFail(tr("The Socket.IO server closed the connection."));
        break;
    case SocketIoPacket::Kind::Connect:
        m_connectTimer.stop();
        m_state = State::Connected;
        m_attempt = 0;
        Q_EMIT connected();
        break;
    case SocketIoPacket::Kind::ConnectError: {
        const QString reason = packet.open.value(u"message").toString(tr("refused"));
        m_closing = true;
        m_socket.close();
        m_state = State::Closed;
        ApiError e = ApiErrors::make(
            ApiError::Code::Auth, tr("The Socket.IO server refused the connection"));
        e.serverMessage = reason;
        Q_EMIT failed(e);
        break;
    }
    case SocketIoPacket::Kind::Event:
        Q_EMIT eventReceived(packet.name, packet.arguments);
        break;
    case SocketIoPacket::Kind::Disconnect:
        retryOrFail(tr("The Socket.IO server closed the namespace."));
        break;
    case SocketIoPacket::Kind::Ignored:
        break;
    }
}

void SocketIoClient::onSocketClosed()
{
    if (m_closing || m_state == State::Closed)
        return;
    retryOrFail(m_socket.errorString().isEmpty() ? tr("The Socket.IO connection was lost.")
                                                 : m_socket.errorString());
}

void SocketIoClient::retryOrFail(const QString &why)
{
    const bool wasConnected = m_state == State::Connected;
    m_connectTimer.stop();
    m_livenessTimer.stop();
    m_closing = true;
    m_socket.abort();
    m_closing = false;
    // Once connected, a lost connection is reported: the caller decides what a loss means
    // (an answer in progress cannot be replayed over Socket.IO).
    if (!wasConnected && m_attempt < m_options.connectAttempts) {
        m_state = State::Connecting;
        m_retryTimer.start(m_options.backoffMs << (m_attempt - 1));
        return;
    }
    m_state = State::Closed;
    ApiError e = ApiErrors::make(ApiError::Code::Network,
        wasConnected ? tr("The Socket.IO connection was lost")
                     : tr("Cannot connect to the Socket.IO server"));
    e.serverMessage = why;
    Q_EMIT failed(e);
}
