#include "localserver.h"

#include "agentreply.h"
#include "aipromptrequest.h"
#include "analystagent.h"
#include "chatsession.h"
#include "datarequest.h"
#include "findquery.h"
#include "interpretation.h"
#include "queryengine.h"
#include "sseresponse.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {
using Status = QHttpServerResponder::StatusCode;

QString randomSecret(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

QString describe(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_qs;
    case 401:
        return u"Unauthorized"_qs;
    case 404:
        return u"Not Found"_qs;
    case 413:
        return u"Payload Too Large"_qs;
    default:
        return u"Internal Server Error"_qs;
    }
}

void sendError(QHttpServerResponder &&responder, int status, const QString &message)
{
    const QJsonObject body {
        { u"type"_qs,
            QJsonObject { { u"code"_qs, status }, { u"description"_qs, describe(status) } } },
        { u"message"_qs, message },
    };
    responder.write(QJsonDocument(body), Status(status));
}

void sendJson(QHttpServerResponder &&responder, const QJsonObject &body)
{
    responder.write(QJsonDocument(body), Status::Ok);
}

QJsonObject searchResult(const QList<QJsonObject> &rows, int count)
{
    QJsonArray array;
    for (const QJsonObject &row : rows)
        array << row;
    return QJsonObject { { u"count"_qs, count }, { u"rows"_qs, array } };
}

// The include entry for `model`, or an empty object when it is not included.
QJsonObject includeOf(const QJsonValue &include, const QString &model, bool *found)
{
    for (const QJsonValue &v : include.toArray()) {
        const QJsonObject o
            = v.isString() ? QJsonObject { { u"model"_qs, v.toString() } } : v.toObject();
        if (o.value(u"model").toString().compare(model, Qt::CaseInsensitive) == 0) {
            *found = true;
            return o;
        }
    }
    *found = false;
    return {};
}

// Text in pieces of a few words, whitespace kept, so a client sees it grow.
QStringList deltas(const QString &text)
{
    QStringList pieces;
    static const QRegularExpression word(u"\\S+\\s*"_qs);
    QString current;
    int words = 0;
    const qsizetype lead = text.indexOf(QRegularExpression(u"\\S"_qs));
    if (lead > 0)
        current = text.left(lead);
    for (auto it = word.globalMatch(text); it.hasNext();) {
        current += it.next().captured();
        if (++words == 3) {
            pieces << current;
            current.clear();
            words = 0;
        }
    }
    if (!current.isEmpty())
        pieces << current;
    return pieces;
}

// Luzmo's response_mode: "text" answers with no asset; "asset" with the item(s) and one line
// of text (the first line of the answer); "mixed" with both. An answer with no asset keeps its
// whole text in every mode: it is what says why there is no chart.
AgentReply applyResponseMode(AgentReply reply, const QString &mode)
{
    const bool hasAsset = reply.item || !reply.suggestions.isEmpty();
    if (mode == u"text") {
        reply.item.reset();
        reply.suggestions.clear();
    } else if (mode == u"asset" && hasAsset) {
        const QString text = reply.text.trimmed();
        reply.text = text.left(text.indexOf(u'\n')).trimmed();
    }
    return reply;
}

QStringList fragments(const QString &json, int count)
{
    QStringList out;
    const qsizetype size = json.size();
    qsizetype start = 0;
    for (int i = 1; i <= count && start < size; ++i) {
        qsizetype end = i == count ? size : size * i / count;
        if (end < size && json.at(end).isLowSurrogate())
            ++end; // never split a surrogate pair
        out << json.mid(start, end - start);
        start = end;
    }
    return out;
}
} // namespace

LocalServer::LocalServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.key.isEmpty())
        m_options.key = randomSecret(16);
    if (m_options.token.isEmpty())
        m_options.token = randomSecret(32);
    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
}

QString LocalServer::url() const
{
    return u"http://127.0.0.1:"_qs + QString::number(m_port);
}

QString LocalServer::start()
{
    if (StoreStatus e = m_ai.open(m_options.dataDirectory))
        return e->message;
    if (StoreStatus e = m_datasets.open(m_options.dataDirectory))
        return e->message;
    if (StoreStatus e = m_datasets.ensureSampleDataset())
        return u"Cannot prepare the sample dataset: "_qs + e->message;
    m_port = m_http.listen(QHostAddress::LocalHost, m_options.port);
    if (m_port == 0) {
        if (m_options.port == 0)
            return u"Cannot listen on 127.0.0.1."_qs;
        return u"Cannot listen on 127.0.0.1:"_qs + QString::number(m_options.port)
            + u" (is the port in use?)";
    }
    return {};
}

void LocalServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (request.body().size() > m_options.maxBodyBytes) {
        sendError(
            std::move(responder), 413, u"The request body is larger than the server accepts."_qs);
        return;
    }
    const QStringList path = request.url().path().split(u'/', Qt::SkipEmptyParts);
    if (path.size() != 2 || path.first() != u"0.1.0") {
        sendError(std::move(responder), 404,
            u"Unknown address: use /0.1.0/{resource}, e.g. /0.1.0/aiprompt."_qs);
        return;
    }
    const QString resource = path.at(1).toLower();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    if (!doc.isObject()) {
        sendError(std::move(responder), 400,
            u"The request body is not a JSON object: "_qs + parseError.errorString());
        return;
    }
    const QJsonObject body = doc.object();
    if (body.value(u"key").toString() != m_options.key
        || body.value(u"token").toString() != m_options.token) {
        sendError(std::move(responder), 401, u"Invalid API key or token."_qs);
        return;
    }
    const QString action = body.value(u"action").toString();
    const QJsonObject find = body.value(u"find").toObject();
    QString error;
    QJsonObject answer;
    if (resource == u"aiprompt" && action == u"create") {
        createPrompt(body, std::move(responder));
        return;
    } else if (resource == u"aiconversation" && action == u"get") {
        answer = searchConversations(find, &error);
    } else if (resource == u"aiconversation" && action == u"create") {
        const QString title = body.value(u"properties").toObject().value(u"title").toString();
        auto created = m_ai.createConversation(title);
        if (!created) {
            sendError(std::move(responder), 500, created.error().message);
            return;
        }
        answer = *created;
    } else if (resource == u"aimessage" && action == u"get") {
        answer = searchMessages(find, &error);
    } else if (resource == u"aimessageasset" && action == u"get") {
        answer = searchAssets(find, &error);
    } else if (resource == u"dataset" && action == u"get") {
        answer = searchDatasets(find, &error);
    } else if (resource == u"data" && action == u"get") {
        answer = queryData(find, &error);
    } else {
        const bool known = QStringList { u"aiprompt"_qs, u"aiconversation"_qs, u"aimessage"_qs,
            u"aimessageasset"_qs, u"dataset"_qs, u"data"_qs }
                               .contains(resource);
        sendError(std::move(responder), known ? 400 : 404,
            known ? QString(
                u"The action \""_qs + action + u"\" is not supported on " + resource + u'.')
                  : QString(u"Unknown resource \""_qs + resource + u"\"."));
        return;
    }
    if (!error.isEmpty())
        sendError(std::move(responder), 400, error);
    else
        sendJson(std::move(responder), answer);
}

QJsonObject LocalServer::searchMessages(const QJsonObject &find, QString *error) const
{
    auto messages = m_ai.messages();
    if (!messages) {
        *error = messages.error().message;
        return {};
    }
    bool withAssets = false;
    const QJsonObject assetInclude
        = includeOf(find.value(u"include"), u"AIMessageAsset"_qs, &withAssets);
    const FindQuery::Result found = FindQuery::apply(*messages, find);
    if (!found.error.isEmpty()) {
        *error = found.error;
        return {};
    }
    QList<QJsonObject> rows;
    for (QJsonObject row : found.rows) {
        if (withAssets) {
            QList<QJsonObject> assets;
            for (const QJsonValue &a : row.value(u"aiMessageAssets").toArray())
                assets << a.toObject();
            const FindQuery::Result kept = FindQuery::apply(assets, assetInclude);
            QJsonArray array;
            for (const QJsonObject &a : kept.rows)
                array << FindQuery::select(a, assetInclude.value(u"attributes"), {});
            row.insert(u"aiMessageAssets"_qs, array);
        } else {
            row.remove(u"aiMessageAssets"_qs);
        }
        rows << FindQuery::select(row, find.value(u"attributes"), { u"aiMessageAssets"_qs });
    }
    return searchResult(rows, found.count);
}

QJsonObject LocalServer::searchAssets(const QJsonObject &find, QString *error) const
{
    auto assets = m_ai.assets();
    if (!assets) {
        *error = assets.error().message;
        return {};
    }
    const FindQuery::Result found = FindQuery::apply(*assets, find);
    if (!found.error.isEmpty()) {
        *error = found.error;
        return {};
    }
    QList<QJsonObject> rows;
    for (const QJsonObject &row : found.rows)
        rows << FindQuery::select(row, find.value(u"attributes"), {});
    return searchResult(rows, found.count);
}

QJsonObject LocalServer::searchConversations(const QJsonObject &find, QString *error) const
{
    auto conversations = m_ai.conversations();
    if (!conversations) {
        *error = conversations.error().message;
        return {};
    }
    const FindQuery::Result found = FindQuery::apply(*conversations, find);
    if (!found.error.isEmpty()) {
        *error = found.error;
        return {};
    }
    bool withMessages = false;
    const QJsonObject messageInclude
        = includeOf(find.value(u"include"), u"AIMessage"_qs, &withMessages);
    QList<QJsonObject> rows;
    for (QJsonObject row : found.rows) {
        if (withMessages) {
            QJsonObject childFind = messageInclude;
            QJsonObject where { { u"conversation_id"_qs, row.value(u"id") } };
            if (messageInclude.contains(u"where"))
                where = QJsonObject { { u"and"_qs,
                    QJsonArray { where, messageInclude.value(u"where") } } };
            childFind.insert(u"where"_qs, where);
            if (!childFind.contains(u"order"))
                childFind.insert(
                    u"order"_qs, QJsonArray { QJsonArray { u"created_at"_qs, u"asc"_qs } });
            const QJsonObject children = searchMessages(childFind, error);
            if (!error->isEmpty())
                return {};
            row.insert(u"aiMessages"_qs, children.value(u"rows"));
        }
        rows << FindQuery::select(row, find.value(u"attributes"), { u"aiMessages"_qs });
    }
    return searchResult(rows, found.count);
}

QJsonObject LocalServer::searchDatasets(const QJsonObject &find, QString *error) const
{
    auto datasets = m_datasets.datasets();
    if (!datasets) {
        *error = datasets.error().message;
        return {};
    }
    QList<QJsonObject> rows;
    for (const DatasetSchema &d : *datasets) {
        QJsonArray columns;
        for (const ColumnSchema &c : d.columns) {
            QJsonObject column { { u"id"_qs, c.id },
                { u"name"_qs, QJsonObject { { u"en"_qs, c.name } } },
                { u"type"_qs, columnTypeName(c.type) } };
            if (c.type == ColumnType::Datetime)
                column.insert(u"lowestLevel"_qs, c.lowestLevel);
            if (c.currency)
                column.insert(u"subtype"_qs, u"currency"_qs);
            columns << column;
        }
        rows << QJsonObject { { u"id"_qs, d.id }, { u"type"_qs, u"dataset"_qs },
            { u"name"_qs, QJsonObject { { u"en"_qs, d.name } } }, { u"rows"_qs, d.rowCount },
            { u"columns"_qs, columns } };
    }
    const FindQuery::Result found = FindQuery::apply(rows, find);
    if (!found.error.isEmpty()) {
        *error = found.error;
        return {};
    }
    QList<QJsonObject> selected;
    for (const QJsonObject &row : found.rows)
        selected << FindQuery::select(row, find.value(u"attributes"), { u"columns"_qs });
    return searchResult(selected, found.count);
}

QJsonObject LocalServer::queryData(const QJsonObject &find, QString *error) const
{
    const auto parsed = DataRequest::fromJson(find);
    if (const auto *message = std::get_if<QString>(&parsed)) {
        *error = *message;
        return {};
    }
    auto rows = QueryEngine(m_datasets).run(std::get<DataQuery>(parsed));
    if (!rows) {
        *error = rows.error().message;
        return {};
    }
    QJsonArray data;
    for (const QJsonArray &row : *rows)
        data << row;
    return QJsonObject { { u"data"_qs, data } };
}

AgentReply LocalServer::runAgent(const AiPromptRequest &request) const
{
    auto datasets = m_datasets.datasets();
    if (!datasets) {
        AgentReply reply;
        reply.error = datasets.error().message;
        reply.text = *reply.error;
        return reply;
    }
    const QueryEngine engine(m_datasets);
    AnalystAgent agent(*datasets, [&engine](const DataQuery &query) {
        auto rows = engine.run(query);
        return rows ? std::variant<QList<QJsonArray>, QString>(*rows)
                    : std::variant<QList<QJsonArray>, QString>(rows.error().message);
    });
    const QString question = request.texts.value(0);
    const QString datasetId = request.datasetIds.value(0);
    // A follow-up starts from the interpretation of the conversation's last answer.
    std::optional<Intent> previous;
    if (!request.conversationId.isEmpty()) {
        if (const auto messages = m_ai.messages()) {
            for (const QJsonObject &m : *messages) {
                if (m.value(u"conversation_id").toString() != request.conversationId)
                    continue;
                for (const QJsonValue &asset : m.value(u"aiMessageAssets").toArray()) {
                    if (asset[u"type"].toString() == u"interpretation")
                        previous = Interpretation::fromJson(asset[u"value"].toObject());
                }
            }
        }
    }
    if (previous && !previous->missing.isEmpty())
        previous.reset();
    if (request.agent == u"analyst")
        return agent.generate(question, Agent::Analyst, datasetId, previous);
    if (request.task == u"suggest")
        return agent.suggest(question, datasetId);
    if (request.task == u"describe")
        return agent.describe(request.items.value(0));
    return agent.generate(question, Agent::Item, datasetId, previous);
}

void LocalServer::createPrompt(const QJsonObject &body, QHttpServerResponder &&responder)
{
    const AiPromptRequest request
        = AiPromptRequest::fromProperties(body.value(u"properties").toObject());
    if (const QString invalid = request.validate(); !invalid.isEmpty()) {
        sendError(std::move(responder), 400, invalid);
        return;
    }
    QJsonObject conversation;
    if (!request.conversationId.isEmpty()) {
        auto existing = m_ai.conversation(request.conversationId);
        if (!existing) {
            sendError(std::move(responder),
                existing.error().code == StoreError::Code::NotFound ? 404 : 500,
                existing.error().message);
            return;
        }
        conversation = *existing;
    } else {
        auto created = m_ai.createConversation(ChatSession::titleFor(request.texts.first()));
        if (!created) {
            sendError(std::move(responder), 500, created.error().message);
            return;
        }
        conversation = *created;
    }
    const QString conversationId = conversation.value(u"id").toString();
    QList<QJsonObject> inputItems;
    for (const QJsonObject &item : request.items)
        inputItems << QJsonObject { { u"type"_qs, u"item"_qs }, { u"value"_qs, item } };
    auto question = m_ai.addMessage(conversationId, u"user"_qs, request.texts.first(),
        request.agent, request.task, request.localeId, inputItems);
    if (!question) {
        sendError(std::move(responder), 500, question.error().message);
        return;
    }

    const AgentReply reply = applyResponseMode(runAgent(request), request.responseMode);
    QList<QJsonObject> assets;
    if (reply.item)
        assets << QJsonObject { { u"type"_qs, u"item"_qs }, { u"value"_qs, *reply.item } };
    for (const QJsonObject &item : reply.suggestions)
        assets << QJsonObject { { u"type"_qs, u"item"_qs }, { u"value"_qs, item } };
    // Analyst answers carry how the question was read (the item agent's assets stay its charts).
    if (reply.interpretation && request.agent == u"analyst") {
        assets << QJsonObject { { u"type"_qs, u"interpretation"_qs },
            { u"value"_qs, *reply.interpretation } };
    }
    auto answer = m_ai.addMessage(
        conversationId, u"assistant"_qs, reply.text, {}, {}, request.localeId, assets);
    if (!answer) {
        sendError(std::move(responder), 500, answer.error().message);
        return;
    }
    const QJsonObject result { { u"conversation_id"_qs, conversationId },
        { u"user_message"_qs, *question }, { u"assistant_message"_qs, *answer } };
    if (request.stream)
        streamAnswer(result, reply, std::move(responder));
    else
        sendJson(std::move(responder), result);
}

void LocalServer::streamAnswer(
    const QJsonObject &result, const AgentReply &reply, QHttpServerResponder &&responder)
{
    auto *sse = new SseResponse(std::move(responder), m_options.streamDelayMs, this);
    const QJsonObject context {
        { u"conversation_id"_qs, result.value(u"conversation_id") },
        { u"user_message_id"_qs, result.value(u"user_message").toObject().value(u"id") },
        { u"assistant_message_id"_qs, result.value(u"assistant_message").toObject().value(u"id") },
    };
    const auto event = [&](const QString &type, QJsonObject fields) {
        fields.insert(u"type"_qs, type);
        for (auto it = context.begin(); it != context.end(); ++it)
            fields.insert(it.key(), it.value());
        sse->send(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    };
    event(u"start"_qs, {});
    for (const QString &step : reply.progress)
        event(u"progress"_qs, { { u"message"_qs, step } });
    const QString text = result.value(u"assistant_message").toObject().value(u"message").toString();
    if (!text.isEmpty()) {
        event(u"text_start"_qs, { { u"index"_qs, 0 } });
        for (const QString &piece : deltas(text))
            event(u"text_delta"_qs, { { u"index"_qs, 0 }, { u"delta"_qs, piece } });
        event(u"text_end"_qs, { { u"index"_qs, 0 } });
    }
    const QJsonArray assets
        = result.value(u"assistant_message").toObject().value(u"aiMessageAssets").toArray();
    for (int i = 0; i < assets.size(); ++i) {
        const QJsonObject asset = assets.at(i).toObject();
        event(
            u"asset_start"_qs, { { u"index"_qs, i }, { u"asset_type"_qs, asset.value(u"type") } });
        const QString json = QString::fromUtf8(
            QJsonDocument(asset.value(u"value").toObject()).toJson(QJsonDocument::Compact));
        for (const QString &piece : fragments(json, 3))
            event(u"asset_delta"_qs, { { u"index"_qs, i }, { u"delta"_qs, piece } });
        event(u"asset_end"_qs, { { u"index"_qs, i }, { u"id"_qs, asset.value(u"id") } });
    }
    if (reply.error)
        event(u"error"_qs, { { u"message"_qs, *reply.error } });
    event(u"finish"_qs, { { u"result"_qs, result } });
    sse->send("[DONE]");
    sse->end();
}
