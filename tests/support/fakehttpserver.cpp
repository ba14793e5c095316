#include "tests/support/fakehttpserver.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
struct Connection
{
    QByteArray buffer;
    bool answered = false;
};

bool parseRequest(QByteArray &buffer, FakeHttpServer::Request *request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request->method = first.value(0);
    request->path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request->headers.insert(
                lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request->headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    request->body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    return true;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    default:
        return status >= 500 ? "Server Error" : "Status";
    }
}

void writeChunks(QPointer<QTcpSocket> socket, FakeHttpServer::Response response, int next)
{
    if (!socket)
        return;
    if (next == response.dropAfterChunks) {
        socket->abort();
        return;
    }
    if (next >= response.chunks.size()) {
        if (response.stallAfterChunks)
            return;
        if (response.chunked)
            socket->write("0\r\n\r\n");
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    const QByteArray &chunk = response.chunks.at(next);
    const QByteArray bytes = response.chunked
        ? QByteArray(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n")
        : chunk;
    if (response.beforeChunk)
        response.beforeChunk(next);
    socket->write(bytes);
    socket->flush();
    QTimer::singleShot(response.chunkDelayMs, socket.data(),
        [socket, response, next] { writeChunks(socket, response, next + 1); });
}
} // namespace

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onConnection);
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray FakeHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(port());
}

FakeHttpServer::Response FakeHttpServer::json(int status, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
    r.chunks << body;
    r.chunked = false;
    return r;
}

FakeHttpServer::Response FakeHttpServer::sse(const QList<QByteArray> &chunks, int delayMs)
{
    Response r;
    r.headers << qMakePair(
        QByteArray("Content-Type"), QByteArray("text/event-stream; charset=utf-8"))
              << qMakePair(QByteArray("Cache-Control"), QByteArray("no-cache, no-transform"));
    r.chunks = chunks;
    r.chunkDelayMs = delayMs;
    return r;
}

QByteArray FakeHttpServer::withFreshIds(const QByteArray &recorded, const Request &request)
{
    static const QRegularExpression uuid(
        u"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
    static const QRegularExpression conversation(u"\"conversation_id\":\"([0-9a-f-]{36})\""_s);
    const QString text = QString::fromUtf8(recorded);
    QHash<QString, QString> fresh;
    const QString continued = QJsonDocument::fromJson(request.body)
                                  .object()
                                  .value(u"properties")
                                  .toObject()
                                  .value(u"conversation_id")
                                  .toString();
    if (const auto m = conversation.match(text); m.hasMatch() && !continued.isEmpty())
        fresh.insert(m.captured(1), continued);
    QString out;
    qsizetype at = 0;
    for (auto it = uuid.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        auto found = fresh.find(m.captured());
        if (found == fresh.end())
            found = fresh.insert(m.captured(), QUuid::createUuid().toString(QUuid::WithoutBraces));
        out += *found;
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out.toUtf8();
}

QList<QByteArray> FakeHttpServer::split(const QByteArray &bytes, int size)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < bytes.size(); i += size)
        out << bytes.mid(i, size);
    return out;
}

void FakeHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto state = std::make_shared<Connection>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, state] {
            state->buffer += socket->readAll();
            Request request;
            if (state->answered || !parseRequest(state->buffer, &request))
                return;
            state->answered = true;
            m_requests << request;
            Q_EMIT requestReceived();
            const Response response = m_handler ? m_handler(request) : json(404, "{}");
            if (response.neverAnswer)
                return;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                + reason(response.status) + "\r\n";
            for (const auto &[name, value] : response.headers)
                head += name + ": " + value + "\r\n";
            if (response.chunked) {
                head += "Transfer-Encoding: chunked\r\n";
            } else {
                qsizetype length = 0;
                for (const QByteArray &c : response.chunks)
                    length += c.size();
                head += "Content-Length: " + QByteArray::number(length) + "\r\n";
            }
            head += "Connection: close\r\n\r\n";
            socket->write(head);
            writeChunks(socket, response, 0);
        });
    }
}
