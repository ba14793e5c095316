#include "app/socketio/socketiopacket.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QJsonDocument parse(QStringView json)
{
    return QJsonDocument::fromJson(json.toUtf8());
}

// The Socket.IO packet of an Engine.IO message `4…` (the `4` removed).
SocketIoPacket decodeSocketIo(QStringView packet)
{
    SocketIoPacket out;
    if (packet.isEmpty())
        return out;
    const QChar type = packet.at(0);
    // An optional namespace ("/chat,") and ack id may follow the type; we use the default one.
    qsizetype body = 1;
    if (packet.size() > 1 && packet.at(1) == u'/') {
        const qsizetype comma = packet.indexOf(u',');
        body = comma < 0 ? packet.size() : comma + 1;
    }
    while (body < packet.size() && packet.at(body).isDigit())
        ++body;
    const QJsonDocument doc = parse(packet.mid(body));
    if (type == u'0') {
        out.kind = SocketIoPacket::Kind::Connect;
    } else if (type == u'4') {
        out.kind = SocketIoPacket::Kind::ConnectError;
        out.open = doc.object();
    } else if (type == u'2' && doc.isArray() && !doc.array().isEmpty()) {
        out.kind = SocketIoPacket::Kind::Event;
        out.arguments = doc.array();
        out.name = out.arguments.takeAt(0).toString();
    } else if (type == u'1') {
        out.kind = SocketIoPacket::Kind::Disconnect;
    }
    return out;
}

} // namespace

SocketIoPacket SocketIoPacket::decode(QStringView message)
{
    SocketIoPacket out;
    if (message.isEmpty())
        return out;
    switch (message.at(0).unicode()) {
    case u'0':
        out.kind = Kind::Open;
        out.open = parse(message.mid(1)).object();
        break;
    case u'1':
        out.kind = Kind::Close;
        break;
    case u'2':
        out.kind = Kind::Ping;
        out.payload = message.mid(1).toString();
        break;
    case u'4':
        return decodeSocketIo(message.mid(1));
    default:
        break; // 3 (pong), 5 (upgrade), 6 (noop): nothing to do
    }
    return out;
}

QString SocketIoPacket::encodeEvent(const QString &name, const QJsonValue &data)
{
    const QJsonArray packet { name, data };
    return u"42"_s + QString::fromUtf8(QJsonDocument(packet).toJson(QJsonDocument::Compact));
}
