#include "tests/support/fakeworkflowserver.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
FakeHttpServer::Response refuse(int status, const QString &message)
{
    const QJsonObject body { { u"error"_s, message } };
    return FakeHttpServer::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

enum class Field { String, Integer, Number, Object, Array };

// The request fields of seed 003, with their JSON types.
const QList<std::pair<QString, Field>> &bodyFields()
{
    static const QList<std::pair<QString, Field>> fields {
        { u"agentVersion"_s, Field::String },
        { u"apiKeyOverride"_s, Field::String },
        { u"conversationId"_s, Field::String },
        { u"definition"_s, Field::Object },
        { u"description"_s, Field::String },
        { u"images"_s, Field::Array },
        { u"lastEventIndex"_s, Field::Integer },
        { u"message"_s, Field::String },
        { u"modelOverride"_s, Field::String },
        { u"name"_s, Field::String },
        { u"preferredMode"_s, Field::String },
        { u"requestId"_s, Field::String },
        { u"sessionId"_s, Field::String },
        { u"temperatureOverride"_s, Field::Number },
        { u"templateSearchMode"_s, Field::String },
        { u"timezone"_s, Field::String },
        { u"workflowId"_s, Field::String },
    };
    return fields;
}

bool hasType(const QJsonValue &v, Field type)
{
    switch (type) {
    case Field::String:
        return v.isString();
    case Field::Integer:
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    case Field::Number:
        return v.isDouble();
    case Field::Object:
        return v.isObject();
    case Field::Array:
        return v.isArray();
    }
    return false;
}

QString checkEnum(const QJsonObject &body, const QString &field, const QStringList &allowed)
{
    if (!body.contains(field) || allowed.contains(body.value(field).toString()))
        return {};
    return field + u" must be one of: " + allowed.join(u", ");
}

QString checkDefinition(const QJsonObject &definition)
{
    const QStringList known { u"blockExpansions"_s, u"inputSchema"_s, u"nodes"_s,
        u"sensitivePropKeys"_s };
    for (const QString &key : definition.keys()) {
        if (!known.contains(key))
            return u"definition: unknown field \"%1\""_s.arg(key);
    }
    if (!definition.value(u"nodes").isObject())
        return u"definition.nodes is required"_s;
    if (definition[u"nodes"][u"root"][u"type"].toString() != u"manual")
        return u"definition must contain a \"root\" node with type \"manual\""_s;
    return {};
}

QString checkImages(const QJsonArray &images)
{
    for (const QJsonValue &image : images) {
        if (!image.isObject())
            return u"images[] must be objects"_s;
        const QJsonObject fields = image.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if ((it.key() != u"base64" && it.key() != u"ipfsUrl") || !it.value().isString())
                return u"images[]: unknown or invalid field \"%1\""_s.arg(it.key());
        }
    }
    return {};
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
    return { { { u"type"_s, u"chunk"_s }, { u"data"_s, text } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::node(const QJsonObject &node)
{
    return { { { u"type"_s, u"node"_s }, { u"data"_s, node } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::thinking(const QString &message)
{
    return { { { u"type"_s, u"thinking"_s }, { u"message"_s, message } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::toolStart(const QString &toolName)
{
    return { { { u"type"_s, u"tool_start"_s }, { u"toolName"_s, toolName } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::toolResult(const QString &toolName)
{
    return { { { u"type"_s, u"tool_result"_s }, { u"toolName"_s, toolName } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::modeSwitch(const QString &mode)
{
    return { { { u"type"_s, u"mode_switch"_s }, { u"mode"_s, mode } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::done(const QJsonObject &workflow,
    const QStringList &incompleteFields, const QJsonArray &validationErrors)
{
    QJsonObject data { { u"type"_s, u"workflow"_s }, { u"workflow"_s, workflow } };
    if (!incompleteFields.isEmpty())
        data.insert(u"incompleteFields"_s, QJsonArray::fromStringList(incompleteFields));
    if (!validationErrors.isEmpty())
        data.insert(u"validationErrors"_s, validationErrors);
    return { { { u"type"_s, u"done"_s }, { u"data"_s, data },
        { u"usage"_s, QJsonObject { { u"inputTokens"_s, 100 }, { u"outputTokens"_s, 50 } } } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::doneMessage(const QString &message)
{
    return { { { u"type"_s, u"done"_s },
        { u"data"_s, QJsonObject { { u"type"_s, u"message"_s }, { u"message"_s, message } } } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::error(const QString &message)
{
    return { { { u"type"_s, u"error"_s }, { u"error"_s, message } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::legacyChunk(const QString &text)
{
    return { { { u"type"_s, u"chunk"_s }, { u"text"_s, text } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::legacyNode(const QJsonObject &node)
{
    return { { { u"type"_s, u"node"_s }, { u"node"_s, node } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::legacyDone(const QJsonObject &definition)
{
    return { { { u"type"_s, u"done"_s }, { u"definition"_s, definition } } };
}

FakeWorkflowServer::Event FakeWorkflowServer::legacyError(const QString &message)
{
    return { { { u"type"_s, u"error"_s }, { u"message"_s, message } } };
}

QByteArray FakeWorkflowServer::frame(int index, const Event &event) const
{
    QByteArray json = compact(event.data);
    if (m_splitDataLines) {
        const qsizetype comma = json.indexOf(',');
        if (comma > 0)
            json = json.left(comma + 1) + "\ndata: " + json.mid(comma + 1);
    }
    QByteArray head;
    if (m_framing == Framing::EventAndIdLines)
        head = "id: " + QByteArray::number(index) + "\nevent: " + event.type().toUtf8() + '\n';
    return head + "data: " + json + "\n\n";
}

QString FakeWorkflowServer::checkBody(const QJsonObject &body) const
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        const auto field = std::find_if(bodyFields().begin(), bodyFields().end(),
            [&](const auto &entry) { return entry.first == it.key(); });
        if (field == bodyFields().end())
            return u"unknown field \"%1\""_s.arg(it.key());
        if (!hasType(it.value(), field->second))
            return u"%1 has the wrong type"_s.arg(it.key());
    }
    for (const QString &problem : {
             checkEnum(body, u"agentVersion"_s, { u"v1"_s, u"v2"_s, u"both"_s }),
             checkEnum(body, u"preferredMode"_s,
                 { u"planning"_s, u"building"_s, u"repair"_s, u"conversation"_s }),
             checkEnum(body, u"templateSearchMode"_s, { u"lightweight"_s, u"hybrid"_s }),
             body.contains(u"definition"_s) ? checkDefinition(body[u"definition"_s].toObject())
                                            : QString(),
             checkImages(body.value(u"images").toArray()),
         }) {
        if (!problem.isEmpty())
            return problem;
    }
    if (body.contains(u"lastEventIndex"_s) && body.value(u"lastEventIndex").toInteger() < 0)
        return u"lastEventIndex must not be negative"_s;
    return {};
}

FakeHttpServer::Response FakeWorkflowServer::handle(const FakeHttpServer::Request &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    m_bodies << document.object();
    if (request.path != path)
        return refuse(404, u"Not found"_s);
    if (request.method != "POST") {
        FakeHttpServer::Response r = refuse(405, u"Method not allowed"_s);
        r.headers << qMakePair(QByteArray("Allow"), QByteArray("POST"));
        return r;
    }
    if (request.headers.value("authorization") != "Bearer " + m_token.toUtf8())
        return refuse(401, u"Invalid or missing bearer token"_s);
    if (!request.headers.value("content-type").startsWith("application/json"))
        return refuse(415, u"Content-Type must be application/json"_s);
    if (!document.isObject())
        return refuse(400, u"The body must be a JSON object"_s);
    const QJsonObject body = document.object();
    if (const QString problem = checkBody(body); !problem.isEmpty())
        return refuse(400, problem);
    const QString requestId = body.value(u"requestId").toString();
    const bool replay = body.contains(u"lastEventIndex"_s);
    if (replay && requestId.isEmpty())
        return refuse(400, u"requestId is required to replay a session"_s);
    const bool known = !requestId.isEmpty() && m_sessions.contains(requestId);
    if (!(replay && known) && body.value(u"message").toString().isEmpty())
        return refuse(400, u"message is required for a new session"_s);
    if (!requestId.isEmpty())
        m_sessions.insert(requestId);

    int from = 0;
    if (replay && known) {
        const int extra = m_framing == Framing::EventAndIdLines ? m_replayExtra : 0;
        from = qMax(0, body.value(u"lastEventIndex").toInt() + 1 - extra);
    }
    return stream(from);
}

FakeHttpServer::Response FakeWorkflowServer::stream(int from)
{
    // A heartbeat first, so that the headers leave with it even when the stream is cut before
    // any frame (a connection closed with no response at all is resent by QNetworkAccessManager).
    QList<QByteArray> chunks { ": heartbeat\n\n" };
    const int drop = m_dropAfter.value(m_streams, -1);
    int cutAt = -1; // the chunk count after which the connection is cut
    int sent = 0;
    for (int index = from; index < m_events.size(); ++index) {
        if (sent == drop) {
            if (m_cutMidFrame) {
                const QByteArray next = frame(index, m_events.at(index));
                chunks << next.left(next.size() / 2);
            }
            cutAt = int(chunks.size());
            break;
        }
        chunks << frame(index, m_events.at(index));
        ++sent;
        if (m_heartbeatEvery > 0 && sent % m_heartbeatEvery == 0)
            chunks << QByteArray(": heartbeat\n\n");
    }
    FakeHttpServer::Response response = FakeHttpServer::sse(chunks, m_delayMs);
    response.dropAfterChunks = cutAt;
    ++m_streams;
    return response;
}
