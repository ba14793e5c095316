#pragma once

#include "app/net/apierror.h"

#include <QJsonArray>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

// A Socket.IO v5 client over Engine.IO v4 on a WebSocket, just what Chartroom needs: connect to
// the default namespace, emit events, receive events, answer the server's pings, notice a dead
// connection (no ping within pingInterval + pingTimeout), and retry the connection with backoff.
//   Engine.IO: open `0{sid, pingInterval, pingTimeout}`, ping `2` → pong `3`, message `4…`,
//              close `1`
//   Socket.IO: connect `40` → `40{sid}`, connect error `44{message}`, event `42["name", …]`
// (SocketIoPacket decodes the messages.)
class SocketIoClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int connectAttempts = 3; // before giving up
        int backoffMs = 250; // doubled after each failed attempt
        int connectTimeoutMs = 15000;
    };

    explicit SocketIoClient(QObject *parent = nullptr);
    SocketIoClient(const Options &options, QObject *parent = nullptr);
    ~SocketIoClient() override;

    // http(s)://host[:port] (or ws(s)://): connects to {host}/socket.io/?EIO=4&transport=websocket.
    void open(const QUrl &serverUrl);
    // Closes on purpose: no reconnect, no failed().
    void close();
    bool isConnected() const { return m_state == State::Connected; }
    // `42["name", data]`; returns false when not connected.
    bool emitEvent(const QString &name, const QJsonValue &data);

    // The WebSocket URL for a server URL (for tests and logs).
    static QUrl socketUrl(const QUrl &serverUrl);

Q_SIGNALS:
    void connected();
    void eventReceived(const QString &name, const QJsonArray &arguments);
    // The connection was lost or could not be made after the retries, in words.
    void failed(const ApiError &error);

private:
    enum class State { Closed, Connecting, Open, Connected };
    void attempt();
    void onText(const QString &message);
    void onSocketClosed();
    void retryOrFail(const QString &why);
    void armLiveness();

    Options m_options;
    QWebSocket m_socket;
    QUrl m_url;
    QTimer m_connectTimer;
    QTimer m_livenessTimer; // restarted at every ping
    QTimer m_retryTimer;
    State m_state = State::Closed;
    int m_attempt = 0;
    int m_pingIntervalMs = 25000;
    int m_pingTimeoutMs = 20000;
    bool m_closing = false;
};
