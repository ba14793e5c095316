#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>

// One text message of Engine.IO v4 (and the Socket.IO v5 packet inside a `4` message), decoded.
// Pure: SocketIoClient acts on it; the fuzzer and the unit test drive it alone.
//   Engine.IO: open `0{sid, pingInterval, pingTimeout}`, close `1`, ping `2…`, message `4…`
//   Socket.IO: connect `40{sid}`, disconnect `41`, event `42["name", …]`, connect error
//              `44{message}`; an optional namespace (`/chat,`) and ack id may follow the type.
// Anything else (pong `3`, upgrade `5`, noop `6`, binary packets, an event that is not a
// non-empty JSON array) is Kind::Ignored.
struct SocketIoPacket
{
    enum class Kind {
        Ignored,
        Open, // `open` holds the handshake (an empty object when it is not JSON)
        Close, // Engine.IO close
        Ping, // `payload` is what follows `2`, echoed in the pong
        Connect, // Socket.IO connect (to the default namespace)
        Disconnect, // Socket.IO disconnect
        Event, // `name` (the first element as a string) and the other `arguments`
        ConnectError, // `open` holds the error object (`message`), empty when absent
    };

    Kind kind = Kind::Ignored;
    QJsonObject open;
    QString payload;
    QString name;
    QJsonArray arguments;

    static SocketIoPacket decode(QStringView message);
    // The event message SocketIoClient::emitEvent() sends: `42["name", data]`.
    static QString encodeEvent(const QString &name, const QJsonValue &data);
};
