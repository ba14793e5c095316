// SocketIoPacket: the Engine.IO / Socket.IO text messages SocketIoClient acts on, decoded
// without a socket (expected values worked out by hand from the Engine.IO v4 and Socket.IO v5
// protocol pages).

#include "app/socketio/socketiopacket.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using Kind = SocketIoPacket::Kind;

class TestSocketIoPacket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("open"); // the open/error object, compact JSON
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("arguments"); // compact JSON

        const QString none = u"{}"_s;
        QTest::newRow("empty") << QString() << Kind::Ignored << none << QString() << QString()
                               << u"[]"_s;
        QTest::newRow("open") << uR"(0{"sid":"s","pingInterval":25000,"pingTimeout":5000})"_s
                              << Kind::Open
                              << uR"({"pingInterval":25000,"pingTimeout":5000,"sid":"s"})"_s
                              << QString() << QString() << u"[]"_s;
        QTest::newRow("open, not JSON")
            << u"0{oops"_s << Kind::Open << none << QString() << QString() << u"[]"_s;
        QTest::newRow("close") << u"1"_s << Kind::Close << none << QString() << QString()
                               << u"[]"_s;
        QTest::newRow("ping") << u"2"_s << Kind::Ping << none << QString() << QString() << u"[]"_s;
        QTest::newRow("ping with a probe")
            << u"2probe"_s << Kind::Ping << none << u"probe"_s << QString() << u"[]"_s;
        QTest::newRow("pong") << u"3"_s << Kind::Ignored << none << QString() << QString()
                              << u"[]"_s;
        QTest::newRow("noop") << u"6"_s << Kind::Ignored << none << QString() << QString()
                              << u"[]"_s;
        QTest::newRow("message, empty")
            << u"4"_s << Kind::Ignored << none << QString() << QString() << u"[]"_s;
        QTest::newRow("connect") << uR"(40{"sid":"x"})"_s << Kind::Connect << none << QString()
                                 << QString() << u"[]"_s;
        QTest::newRow("connect, no body")
            << u"40"_s << Kind::Connect << none << QString() << QString() << u"[]"_s;
        QTest::newRow("disconnect")
            << u"41"_s << Kind::Disconnect << none << QString() << QString() << u"[]"_s;
        QTest::newRow("event") << uR"(42["aiprompt",{"type":"start"},2])"_s << Kind::Event << none
                               << QString() << u"aiprompt"_s << uR"([{"type":"start"},2])"_s;
        QTest::newRow("event with an ack id")
            << uR"(4217["e"])"_s << Kind::Event << none << QString() << u"e"_s << u"[]"_s;
        QTest::newRow("event in a namespace")
            << uR"(42/chat,3["e",1])"_s << Kind::Event << none << QString() << u"e"_s << u"[1]"_s;
        QTest::newRow("namespace without a comma")
            << u"42/chat"_s << Kind::Ignored << none << QString() << QString() << u"[]"_s;
        QTest::newRow("event name not a string")
            << u"42[7,true]"_s << Kind::Event << none << QString() << QString() << u"[true]"_s;
        QTest::newRow("event, empty array")
            << u"42[]"_s << Kind::Ignored << none << QString() << QString() << u"[]"_s;
        QTest::newRow("event, an object")
            << uR"(42{"a":1})"_s << Kind::Ignored << none << QString() << QString() << u"[]"_s;
        QTest::newRow("connect error")
            << uR"(44{"message":"Not authorized"})"_s << Kind::ConnectError
            << uR"({"message":"Not authorized"})"_s << QString() << QString() << u"[]"_s;
        QTest::newRow("connect error, no object")
            << u"44"_s << Kind::ConnectError << none << QString() << QString() << u"[]"_s;
        QTest::newRow("binary event") << uR"(451-["e",{"_placeholder":true,"num":0}])"_s
                                      << Kind::Ignored << none << QString() << QString() << u"[]"_s;
    }

    void decode()
    {
        QFETCH(QString, message);
        QFETCH(Kind, kind);
        QFETCH(QString, open);
        QFETCH(QString, payload);
        QFETCH(QString, name);
        QFETCH(QString, arguments);

        const SocketIoPacket packet = SocketIoPacket::decode(message);
        QCOMPARE(packet.kind, kind);
        QCOMPARE(
            QString::fromUtf8(QJsonDocument(packet.open).toJson(QJsonDocument::Compact)), open);
        QCOMPARE(packet.payload, payload);
        QCOMPARE(packet.name, name);
        QCOMPARE(QString::fromUtf8(QJsonDocument(packet.arguments).toJson(QJsonDocument::Compact)),
            arguments);
    }

    void encodeEvent()
    {
        const QString message = SocketIoPacket::encodeEvent(
            u"aiprompt"_s, QJsonObject { { u"action"_s, u"create"_s }, { u"n"_s, 1 } });
        QCOMPARE(message, uR"(42["aiprompt",{"action":"create","n":1}])"_s);
        const SocketIoPacket back = SocketIoPacket::decode(message);
        QCOMPARE(back.kind, Kind::Event);
        QCOMPARE(back.name, u"aiprompt"_s);
        QCOMPARE(back.arguments.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSocketIoPacket)
#include "tst_socketiopacket.moc"
