#include "fakeworkflowserver.h"

#include <QJsonDocument>

namespace {
FakeHttpServer::Response refuse(int status, const QString &message)
{
    const QJsonObject body { { u"message"_qs, message } };
    return FakeHttpServer::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}
} // namespace

FakeWorkflowServer::FakeWorkflowServer(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const FakeHttpServer::Request &request) { return handle(request); });
    connect(&m_http, &FakeHttpServer::requestReceived, this, &FakeWorkflowServer::requestReceived);
}

bool FakeWorkflowServer::listen()
{
    return m_http.listen();
}

QUrl FakeWorkflowServer::baseUrl() const
{
    return QUrl(QString::fromLatin1(m_http.baseUrl()));
}

FakeWorkflowServer::Event FakeWorkflowServer::chunk(const QString &text)
{
    return { u"chunk"_qs, { { u"type"_qs, u"chunk"_qs }, { u"text"_qs, text } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::node(const QJsonObject &node)
{
    return { u"node"_qs, { { u"type"_qs, u"node"_qs }, { u"node"_qs, node } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::done(const QJsonObject &definition)
{
    return { u"done"_qs, { { u"type"_qs, u"done"_qs }, { u"definition"_qs, definition } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::error(const QString &message)
{
    return { u"error"_qs, { { u"type"_qs, u"error"_qs }, { u"message"_qs, message } } };
}

QByteArray FakeWorkflowServer::frame(int id, const Event &event)
{
    QJsonObject data = event.data;
    if (!data.contains(u"type"_qs))
        data.insert(u"type"_qs, event.type);
    return "id: " + QByteArray::number(id) + "\nevent: " + event.type.toUtf8()
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

FakeHttpServer::Response FakeWorkflowServer::handle(const FakeHttpServer::Request &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    m_bodies << document.object();
    if (request.method != "POST" || request.path != path)
        return refuse(404, u"No such endpoint"_qs);
    if (request.headers.value("authorization") != "Bearer " + m_token.toUtf8())
        return refuse(401, u"Invalid or missing bearer token"_qs);
    if (!document.isObject())
        return refuse(400, u"The body must be a JSON object"_qs);
    const QJsonObject body = document.object();
    const QString requestId = body.value(u"requestId").toString();
    const bool known = m_sessions.contains(requestId);
    if (!known && body.value(u"message").toString().isEmpty())
        return refuse(400, u"message is required for a new session"_qs);
    m_sessions.insert(requestId);

    int from = 0;
    if (body.contains(u"lastEventIndex"_qs))
        from = qMax(0, body.value(u"lastEventIndex").toInt() + 1 - m_replayExtra);
    // A comment first, so that the headers leave with it even when the stream is cut before any
    // event (a connection closed with no response at all is resent by QNetworkAccessManager).
    QList<QByteArray> chunks { ": workflow stream\n\n" };
    for (int id = from; id < m_events.size(); ++id)
        chunks << frame(id, m_events.at(id));
    FakeHttpServer::Response response = FakeHttpServer::sse(chunks, m_delayMs);
    const int drop = m_dropAfter.value(m_streams, -1);
    response.dropAfterChunks = drop >= 0 ? drop + 1 : -1;
    ++m_streams;
    return response;
}
