#include "app/server/chunkedwriter.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The chunk framing of RFC 9112 §7.1, worked by hand: the size in hexadecimal, CRLF, the data,
// CRLF; the body ends with a zero-size chunk and an empty trailer section.
class TestChunkedWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frame_data();
    void frame();
    void lastChunk();
    void loopback();
    void nothingWrittenAfterTheClientHasGone();

private:
    // A server whose one route hands its responder to a ChunkedWriter kept in `writer`.
    struct Loopback
    {
        QHttpServer server;
        std::unique_ptr<ChunkedWriter> writer;
    };
    // Listens, sends `client`'s request and waits for the writer (false if any step failed).
    static bool request(Loopback &loop, QTcpSocket &client);
    static QByteArray readUntil(QTcpSocket &client, const QByteArray &end);
};

void TestChunkedWriter::frame_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("five bytes") << QByteArray("hello") << QByteArray("5\r\nhello\r\n");
    QTest::newRow("sixteen bytes is 10 in hex")
        << QByteArray("0123456789abcdef") << QByteArray("10\r\n0123456789abcdef\r\n");
    QTest::newRow("255 bytes is ff")
        << QByteArray(255, 'x') << QByteArray("ff\r\n" + QByteArray(255, 'x') + "\r\n");
    QTest::newRow("CRLF inside the data is counted")
        << QByteArray("a\r\nb") << QByteArray("4\r\na\r\nb\r\n");
    QTest::newRow("an SSE frame") << QByteArray("data: [DONE]\n\n")
                                  << QByteArray("e\r\ndata: [DONE]\n\n\r\n");
    QTest::newRow("empty data has no chunk") << QByteArray() << QByteArray();
}

void TestChunkedWriter::frame()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, bytes);
    QCOMPARE(ChunkedWriter::frame(data), bytes);
}

void TestChunkedWriter::lastChunk()
{
    QCOMPARE(ChunkedWriter::lastChunk(), QByteArray("0\r\n\r\n"));
}

bool TestChunkedWriter::request(Loopback &loop, QTcpSocket &client)
{
    loop.server.route(
        u"/chunks"_s, [&loop](const QHttpServerRequest &, QHttpServerResponder &&responder) {
            loop.writer = std::make_unique<ChunkedWriter>(std::move(responder));
        });
    const quint16 port = loop.server.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return false;
    client.connectToHost(QHostAddress::LocalHost, port);
    if (!client.waitForConnected(5000))
        return false;
    client.write("GET /chunks HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return QTest::qWaitFor([&loop] { return loop.writer != nullptr; }, 5000);
}

QByteArray TestChunkedWriter::readUntil(QTcpSocket &client, const QByteArray &end)
{
    // Server and client share this thread: the event loop must run for the server to write.
    QByteArray bytes;
    QDeadlineTimer deadline(10000);
    while (!bytes.endsWith(end) && !deadline.hasExpired()) {
        QTest::qWait(10);
        bytes += client.readAll();
    }
    return bytes;
}

void TestChunkedWriter::loopback()
{
    Loopback loop;
    QTcpSocket client;
    QVERIFY(request(loop, client));

    QVERIFY(!loop.writer->clientGone());
    QVERIFY(!loop.writer->write("too early")); // before begin(): nothing
    QVERIFY(loop.writer->begin(
        QHttpServerResponder::StatusCode::Ok, { { "Content-Type", "text/plain" } }));
    QVERIFY(loop.writer->write("hello"));
    QVERIFY(loop.writer->write(""));
    QVERIFY(loop.writer->write("0123456789abcdef"));
    QVERIFY(loop.writer->finish());
    QVERIFY(!loop.writer->write("too late")); // after finish(): nothing

    const QByteArray bytes = readUntil(client, "\r\n0\r\n\r\n");
    const qsizetype split = bytes.indexOf("\r\n\r\n");
    QVERIFY2(split > 0, bytes.constData());
    const QByteArray head = bytes.left(split);
    QVERIFY2(head.startsWith("HTTP/1.1 200 OK\r\n"), head.constData());
    QVERIFY2(head.contains("\r\nContent-Type: text/plain"), head.constData());
    QVERIFY2(head.endsWith("\r\nTransfer-Encoding: chunked"), head.constData());
    QCOMPARE(bytes.mid(split + 4), QByteArray("5\r\nhello\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"));
}

void TestChunkedWriter::nothingWrittenAfterTheClientHasGone()
{
    Loopback loop;
    QTcpSocket client;
    QVERIFY(request(loop, client));
    QVERIFY(loop.writer->begin(QHttpServerResponder::StatusCode::Ok, {}));
    QVERIFY(loop.writer->write("first"));

    client.abort();
    QTRY_VERIFY(loop.writer->clientGone());
    QVERIFY(!loop.writer->write("second"));
    QVERIFY(!loop.writer->finish());
}

QTEST_GUILESS_MAIN(TestChunkedWriter)
#include "tst_chunkedwriter.moc"
