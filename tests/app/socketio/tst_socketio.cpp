// Luzmo aiprompt over Socket.IO against a real Socket.IO server (Debian's python-socketio),
// started by the test on 127.0.0.1: the answer goes through the same decoder and chat session
// as SSE.

#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "app/socketio/socketioclient.h"
#include "tests/support/tempstore.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString python = u"/usr/bin/python3"_s;

QString sourceFile(const QString &relative)
{
    return qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u'/' + relative;
}

// A python-socketio server for one test; killed when the test ends.
struct Peer
{
    QProcess process;
    quint16 port = 0;

    bool start(const QStringList &extra = {})
    {
        process.start(python,
            QStringList { sourceFile(u"tests/peers/socketio/aiprompt_server.py"_s), u"--events"_s,
                sourceFile(u"tests/data/aiprompt-stream.sse"_s) }
                + extra);
        QByteArray out;
        const bool ready = QTest::qWaitFor(
            [&] {
                out += process.readAllStandardOutput();
                return out.contains("listening on ") && out.endsWith('\n');
            },
            20000);
        if (!ready) {
            qWarning(
                "Socket.IO peer did not start: %s", process.readAllStandardError().constData());
            return false;
        }
        port = quint16(out.mid(out.indexOf("listening on ") + 13).trimmed().toUInt());
        return port > 0;
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:"_s + QString::number(port)); }
    ~Peer()
    {
        process.kill();
        process.waitForFinished(5000);
    }
};
} // namespace

class TestSocketIo : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    LuzmoConfig config(const Peer &peer, const QString &token = u"t"_s) const
    {
        LuzmoConfig c;
        c.host = peer.url();
        c.key = u"k"_s;
        c.token = token;
        c.transport = LuzmoConfig::Transport::SocketIo;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            QFile::exists(python), "/usr/bin/python3 is missing: run scripts/install-peers.sh");
        QProcess probe;
        probe.start(python, { u"-c"_s, u"import socketio, aiohttp"_s });
        QVERIFY(probe.waitForFinished(20000));
        QVERIFY2(probe.exitCode() == 0,
            "Debian's python3-socketio and python3-aiohttp are missing: run "
            "scripts/install-peers.sh");
    }

    void socketUrl()
    {
        QCOMPARE(SocketIoClient::socketUrl(QUrl(u"http://127.0.0.1:8080"_s)).toString(),
            u"ws://127.0.0.1:8080/socket.io/?EIO=4&transport=websocket"_s);
        QCOMPARE(SocketIoClient::socketUrl(QUrl(u"https://api.luzmo.com/"_s)).toString(),
            u"wss://api.luzmo.com/socket.io/?EIO=4&transport=websocket"_s);
    }

    void answerStreamsOverSocketIo()
    {
        Peer peer;
        // Pings every 0.2 s while the answer takes over a second: pongs keep it alive.
        QVERIFY(peer.start({ u"--delay"_s, u"0.07"_s, u"--ping-interval"_s, u"0.2"_s }));
        TempStore store;
        LuzmoBackend backend(m_network, config(peer));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        session.setAgent(u"item"_s);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QSignalSpy text(&session, &ChatSession::answerTextChanged);
        auto conversation = session.send(0, u"Show monthly revenue as a line chart."_s);
        QVERIFY(conversation);
        QVERIFY(finished.wait(20000));
        const Message answer = store.repository->messages(*conversation)->last();
        QVERIFY2(answer.status == MessageStatus::Complete, qPrintable(answer.errorDetail));
        QVERIFY(answer.text.startsWith(u"Here is the monthly revenue for 2025."_s));
        QVERIFY(text.count() >= 3); // it grew delta by delta
        QCOMPARE(answer.assets.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(answer.assets.first().valueJson)[u"type"_s].toString(),
            u"line-chart"_s);
        QCOMPARE(store.repository->conversation(*conversation)->remoteId,
            u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
    }

    void wrongTokenIsAnError()
    {
        Peer peer;
        QVERIFY(peer.start());
        TempStore store;
        LuzmoBackend backend(m_network, config(peer, u"wrong"_s));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"question"_s);
        QVERIFY(finished.wait(20000));
        const Message answer = store.repository->messages(*conversation)->last();
        QCOMPARE(answer.status, MessageStatus::Error);
        QVERIFY2(
            answer.errorDetail.contains(u"Invalid key or token"_s), qPrintable(answer.errorDetail));
    }

    void droppedConnectionKeepsThePartialAnswer()
    {
        Peer peer;
        QVERIFY(peer.start({ u"--drop-after"_s, u"9"_s }));
        TempStore store;
        LuzmoBackend backend(m_network, config(peer));
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"question"_s);
        QVERIFY(finished.wait(20000));
        const Message answer = store.repository->messages(*conversation)->last();
        QCOMPARE(answer.status, MessageStatus::Interrupted);
        QVERIFY(answer.text.startsWith(u"Here is the monthly revenue"_s));
        QVERIFY2(answer.errorDetail.contains(u"Socket.IO"_s), qPrintable(answer.errorDetail));
    }

    void noServerIsAClearError()
    {
        TempStore store;
        LuzmoConfig c;
        c.host = QUrl(u"http://127.0.0.1:1"_s);
        c.key = u"k"_s;
        c.token = u"t"_s;
        c.transport = LuzmoConfig::Transport::SocketIo;
        LuzmoBackend backend(m_network, c);
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        auto conversation = session.send(0, u"question"_s);
        QVERIFY(finished.wait(20000));
        const Message answer = store.repository->messages(*conversation)->last();
        QCOMPARE(answer.status, MessageStatus::Error);
        QVERIFY2(answer.errorDetail.contains(u"Cannot connect to the Socket.IO server"_s),
            qPrintable(answer.errorDetail));
    }
};

QTEST_GUILESS_MAIN(TestSocketIo)
#include "tst_socketio.moc"
