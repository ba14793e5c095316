// How the embedded server treats connections, over raw sockets on loopback so that every byte
// of the exchange is seen: `Connection: close` and HTTP/1.0 end the connection after the
// response (RFC 9112 §9.3, §9.6), an HTTP/1.1 connection stays open for the next request and
// is closed once idle, past the connection cap a new one gets a 503, and a question whose
// queries take longer than the server allows gets an error that says so.

#include "app/datasets/datasetstore.h"
#include "app/server/localserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int waitMs = 15000;

// One HTTP response read off a socket: the head, and the body decoded by its framing
// (Content-Length, chunked, or up to the close).
struct Response
{
    QByteArray head; // status line and headers, without the blank line
    QByteArray body;
    bool complete = false;

    int status() const { return head.mid(9, 3).toInt(); }
    bool hasHeader(const QByteArray &line) const
    {
        for (const QByteArray &h : head.split('\n')) {
            if (h.trimmed().compare(line, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &h : head.split('\n')) {
            const qsizetype colon = h.indexOf(':');
            if (colon > 0 && h.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return h.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Decodes a chunked body (RFC 9112 §7.1) from `bytes`; false while it is incomplete.
bool unchunk(const QByteArray &bytes, QByteArray *body)
{
    body->clear();
    qsizetype at = 0;
    for (;;) {
        const qsizetype eol = bytes.indexOf("\r\n", at);
        if (eol < 0)
            return false;
        bool ok = false;
        const qsizetype size = bytes.mid(at, eol - at).toLongLong(&ok, 16);
        if (!ok)
            return false;
        if (size == 0)
            return bytes.indexOf("\r\n", eol + 2) == eol + 2;
        if (bytes.size() < eol + 2 + size + 2)
            return false;
        body->append(bytes.mid(eol + 2, size));
        at = eol + 2 + size + 2;
    }
}

class Client
{
public:
    explicit Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    bool connected() { return m_socket.waitForConnected(waitMs); }
    void send(const QByteArray &request) { m_socket.write(request); }
    bool closedByServer() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QTcpSocket &socket() { return m_socket; }

    // Reads one response; `untilClose`: its body ends with the connection.
    Response read(bool untilClose = false)
    {
        Response r;
        const auto parse = [&] {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            r.head = m_buffer.left(end);
            const QByteArray rest = m_buffer.mid(end + 4);
            if (untilClose) {
                r.body = rest;
                return closedByServer();
            }
            if (r.header("transfer-encoding").compare("chunked", Qt::CaseInsensitive) == 0) {
                if (!unchunk(rest, &r.body))
                    return false;
            } else {
                const qsizetype length = r.header("content-length").toLongLong();
                if (rest.size() < length)
                    return false;
                r.body = rest.left(length);
            }
            m_buffer.clear();
            return true;
        };
        r.complete = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return parse();
            },
            waitMs);
        return r;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};
} // namespace

class TestServerConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionClose_data();
    void connectionClose();
    void http10_data();
    void http10();
    void keepAliveServesTheNextRequestThenIdles();
    void http10KeepAliveStaysOpen();
    void connectionCap();
    void analystTimeLimit();

private:
    std::unique_ptr<LocalServer> start(LocalServer::Options options);
    QByteArray request(const QByteArray &resource, const QJsonObject &fields,
        const QByteArray &version = "HTTP/1.1", const QByteArray &headers = {}) const;
    QByteArray datasetRequest(
        const QByteArray &version = "HTTP/1.1", const QByteArray &headers = {}) const;
    QByteArray promptRequest(
        bool stream, const QByteArray &version = "HTTP/1.1", const QByteArray &headers = {}) const;

    QTemporaryDir m_dir;
    LocalServer *m_server = nullptr; // the one start() made last
};

std::unique_ptr<LocalServer> TestServerConnections::start(LocalServer::Options options)
{
    options.dataDirectory = m_dir.path();
    options.streamDelayMs = 0;
    auto server = std::make_unique<LocalServer>(options);
    const QString error = server->start();
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    m_server = error.isEmpty() ? server.get() : nullptr;
    return error.isEmpty() ? std::move(server) : nullptr;
}

QByteArray TestServerConnections::request(const QByteArray &resource, const QJsonObject &fields,
    const QByteArray &version, const QByteArray &headers) const
{
    QJsonObject body = fields;
    body.insert(u"key"_s, m_server->key());
    body.insert(u"token"_s, m_server->token());
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST /0.1.0/" + resource + " " + version + "\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size())
        + "\r\n" + headers + "\r\n" + json;
}

QByteArray TestServerConnections::datasetRequest(
    const QByteArray &version, const QByteArray &headers) const
{
    return request(
        "dataset", { { u"action"_s, u"get"_s }, { u"find"_s, QJsonObject {} } }, version, headers);
}

QByteArray TestServerConnections::promptRequest(
    bool stream, const QByteArray &version, const QByteArray &headers) const
{
    const QJsonObject properties {
        { u"stream"_s, stream },
        { u"input"_s,
            QJsonArray { QJsonObject { { u"type"_s, u"text"_s },
                { u"text"_s, u"Show monthly revenue as a line chart"_s } } } },
    };
    return request("aiprompt", { { u"action"_s, u"create"_s }, { u"properties"_s, properties } },
        version, headers);
}

void TestServerConnections::connectionClose_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("JSON answer") << QByteArray("dataset") << 200;
    QTest::newRow("JSON error (wrong token)") << QByteArray("unauthorized") << 401;
    QTest::newRow("event stream") << QByteArray("stream") << 200;
    QTest::newRow("prompt, no stream") << QByteArray("prompt") << 200;
}

// RFC 9112 §9.6: a server that receives `close` closes the connection after the response.
void TestServerConnections::connectionClose()
{
    QFETCH(QByteArray, kind);
    QFETCH(int, status);
    const auto server = start({});
    QVERIFY(server);
    Client client(server->port());
    QVERIFY(client.connected());
    const QByteArray close = "Connection: close\r\n";
    if (kind == "dataset")
        client.send(datasetRequest("HTTP/1.1", close));
    else if (kind == "unauthorized")
        client.send(
            datasetRequest("HTTP/1.1", close)
                .replace(server->token().toUtf8(), QByteArray(server->token().size(), 'x')));
    else
        client.send(promptRequest(kind == "stream", "HTTP/1.1", close));
    const Response r = client.read();
    QVERIFY2(r.complete, r.head.constData());
    QCOMPARE(r.status(), status);
    QVERIFY2(r.hasHeader("Connection: close"), r.head.constData());
    if (kind == "stream")
        QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    else
        QVERIFY(QJsonDocument::fromJson(r.body).isObject());
    QTRY_VERIFY_WITH_TIMEOUT(client.closedByServer(), waitMs);
}

void TestServerConnections::http10_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("JSON answer") << false;
    QTest::newRow("event stream") << true;
}

// An HTTP/1.0 client keeps nothing alive unless it asks, and cannot read chunked framing: the
// connection ends after the response, and a stream's body is plain, ended by the close.
void TestServerConnections::http10()
{
    QFETCH(bool, stream);
    const auto server = start({});
    QVERIFY(server);
    Client client(server->port());
    QVERIFY(client.connected());
    client.send(stream ? promptRequest(true, "HTTP/1.0") : datasetRequest("HTTP/1.0"));
    const Response r = client.read(stream);
    QVERIFY2(r.complete, r.head.constData());
    QCOMPARE(r.status(), 200);
    QVERIFY2(r.hasHeader("Connection: close"), r.head.constData());
    QVERIFY2(r.header("transfer-encoding").isEmpty(), r.head.constData());
    if (stream) {
        QVERIFY(r.body.startsWith("data: {"));
        QVERIFY(r.body.contains("\"type\":\"finish\""));
        QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    } else {
        QVERIFY(QJsonDocument::fromJson(r.body).isObject());
    }
    QTRY_VERIFY_WITH_TIMEOUT(client.closedByServer(), waitMs);
}

// HTTP/1.1 is persistent by default: the same connection answers a second request, and is
// closed by the server once nothing has moved on it for the idle timeout.
void TestServerConnections::keepAliveServesTheNextRequestThenIdles()
{
    LocalServer::Options options;
    options.idleTimeoutMs = 300;
    const auto server = start(options);
    QVERIFY(server);
    Client client(server->port());
    QVERIFY(client.connected());
    client.send(promptRequest(true));
    const Response first = client.read();
    QVERIFY(first.complete);
    QVERIFY2(!first.hasHeader("Connection: close"), first.head.constData());
    QVERIFY(first.body.endsWith("data: [DONE]\n\n"));
    QVERIFY(!client.closedByServer());
    client.send(datasetRequest());
    const Response second = client.read();
    QVERIFY(second.complete);
    QCOMPARE(second.status(), 200);
    QVERIFY(QJsonDocument::fromJson(second.body).object().contains(u"rows"_s));
    QTRY_VERIFY_WITH_TIMEOUT(client.closedByServer(), waitMs);
}

void TestServerConnections::http10KeepAliveStaysOpen()
{
    LocalServer::Options options;
    options.idleTimeoutMs = 60000;
    const auto server = start(options);
    QVERIFY(server);
    Client client(server->port());
    QVERIFY(client.connected());
    for (int i = 0; i < 2; ++i) {
        client.send(datasetRequest("HTTP/1.0", "Connection: keep-alive\r\n"));
        const Response r = client.read();
        QVERIFY(r.complete);
        QCOMPARE(r.status(), 200);
        QVERIFY(!r.hasHeader("Connection: close"));
    }
    QVERIFY(!client.closedByServer());
}

// Past the cap, a new connection is answered 503 with a JSON error in words and closed; the
// open ones go on, and once one of them has gone a new one is served again.
void TestServerConnections::connectionCap()
{
    LocalServer::Options options;
    options.maxConnections = 3;
    const auto server = start(options);
    QVERIFY(server);
    std::vector<std::unique_ptr<Client>> open;
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<Client>(server->port()));
        QVERIFY(open.back()->connected());
        open.back()->send(datasetRequest());
        const Response r = open.back()->read();
        QVERIFY(r.complete);
        QCOMPARE(r.status(), 200);
    }
    Client over(server->port());
    QVERIFY(over.connected());
    over.send(datasetRequest());
    const Response refused = over.read();
    QVERIFY2(refused.complete, refused.head.constData());
    QCOMPARE(refused.status(), 503);
    QVERIFY(refused.hasHeader("Connection: close"));
    const QJsonObject error = QJsonDocument::fromJson(refused.body).object();
    QCOMPARE(error[u"type"_s][u"code"_s].toInt(), 503);
    QVERIFY2(
        error[u"message"_s].toString().contains(u"3 open connections"_s), refused.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(over.closedByServer(), waitMs);

    open.front()->send(datasetRequest()); // the open ones still work
    QCOMPARE(open.front()->read().status(), 200);
    open.front()->socket().disconnectFromHost();
    open.erase(open.begin());
    const auto served = [&] {
        Client again(server->port());
        if (!again.connected())
            return false;
        again.send(datasetRequest());
        return again.read().status() == 200;
    };
    QTRY_VERIFY_WITH_TIMEOUT(served(), waitMs); // once the server has seen the close
}

// A question whose queries run past the limit gets an answer that says so, with no numbers.
void TestServerConnections::analystTimeLimit()
{
    LocalServer::Options options;
    options.analystTimeLimitMs = 1;
    const auto server = start(options);
    QVERIFY(server);
    // The sample dataset (21,900 rows) made 16 times as long by plain SQL: ~350,000 rows, tens
    // of milliseconds of work for a monthly total, far past one millisecond.
    const auto datasets = server->datasets().datasets();
    QVERIFY(datasets && !datasets->isEmpty());
    const auto table = server->datasets().tableName(datasets->first().id);
    QVERIFY(table);
    QSqlQuery grow(server->datasets().connection());
    for (int i = 0; i < 4; ++i)
        QVERIFY2(grow.exec(u"INSERT INTO \"%1\" SELECT * FROM \"%1\""_s.arg(*table)),
            qPrintable(grow.lastError().text()));

    Client client(server->port());
    QVERIFY(client.connected());
    client.send(promptRequest(false));
    const Response r = client.read();
    QVERIFY2(r.complete, r.head.constData());
    QCOMPARE(r.status(), 200);
    const QJsonObject answer
        = QJsonDocument::fromJson(r.body).object()[u"assistant_message"_s].toObject();
    const QString text = answer[u"message"_s].toString();
    QVERIFY2(text.contains(u"more than the 0.001 s the server allows"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"$"_s), qPrintable(text)); // no figure was given
}

QTEST_GUILESS_MAIN(TestServerConnections)
#include "tst_serverconnections.moc"
