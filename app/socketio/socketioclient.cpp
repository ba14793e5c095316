#include "app/socketio/socketioclient.h"

#include "app/net/urlpath.h"

#include <QJsonDocument>
#include <QJsonObject>
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
    const QJsonArray packet { name, data };
    m_socket.sendTextMessage(
        u"42"_s + QString::fromUtf8(QJsonDocument(packet).toJson(QJsonDocument::Compact)));
    return true;
}

void SocketIoClient::armLiveness()
{
    m_livenessTimer.start(m_pingIntervalMs + m_pingTimeoutMs);
}

void SocketIoClient::onText(const QString &message)
{
    if (message.isEmpty())
        return;
    switch (message.at(0).unicode()) {
    case u'0': { // Engine.IO open
        const QJsonObject open = QJsonDocument::fromJson(message.mid(1).toUtf8()).object();
        m_pingIntervalMs = open.value(u"pingInterval").toInt(m_pingIntervalMs);
        m_pingTimeoutMs = open.value(u"pingTimeout").toInt(m_pingTimeoutMs);
        m_state = State::Open;
        armLiveness();
        m_socket.sendTextMessage(u"40"_s); // join the default namespace
        break;
    }
    case u'2': // ping
        m_socket.sendTextMessage(u"3"_s + message.mid(1));
        armLiveness();
        break;
    case u'1': // close
        retryOrFail(tr("The Socket.IO server closed the connection."));
        break;
    case u'4':
        onPacket(message.mid(1));
        break;
    default:
        break; // 3 (pong), 5 (upgrade), 6 (noop): nothing to do
    }
}

void SocketIoClient::onPacket(const QString &packet)
{
    if (packet.isEmpty())
        return;
    const QChar type = packet.at(0);
    // An optional namespace ("/chat,") and ack id may follow the type; we use the default one.
    qsizetype body = 1;
    if (packet.size() > 1 && packet.at(1) == u'/') {
        const qsizetype comma = packet.indexOf(u',');
        body = comma < 0 ? packet.size() : comma + 1;
    }
    while (body < packet.size() && packet.at(body).isDigit())
        ++body;
    const QJsonDocument doc = QJsonDocument::fromJson(packet.mid(body).toUtf8());
    if (type == u'0') {
        m_connectTimer.stop();
        m_state = State::Connected;
        m_attempt = 0;
        Q_EMIT connected();
    } else if (type == u'4') {
        const QString reason = doc.object().value(u"message").toString(tr("refused"));
        m_closing = true;
        m_socket.close();
        m_state = State::Closed;
        ApiError e = ApiErrors::make(
            ApiError::Code::Auth, tr("The Socket.IO server refused the connection"));
        e.serverMessage = reason;
        Q_EMIT failed(e);
    } else if (type == u'2' && doc.isArray() && !doc.array().isEmpty()) {
        QJsonArray arguments = doc.array();
        const QString name = arguments.takeAt(0).toString();
        Q_EMIT eventReceived(name, arguments);
    } else if (type == u'1') {
        retryOrFail(tr("The Socket.IO server closed the namespace."));
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
