#include "app/server/localserver.h"

#include "app/analyst/agentreply.h"
#include "app/analyst/analystagent.h"
#include "app/analyst/interpretation.h"
#include "app/datasets/queryengine.h"
#include "app/protocol/aipromptrequest.h"
#include "app/server/connectionguard.h"
#include "app/server/exchange.h"
#include "app/server/sseresponse.h"
#include "models/types.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {
QString randomSecret(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

// Text in pieces of a few words, whitespace kept, so a client sees it grow.
QStringList deltas(const QString &text)
{
    QStringList pieces;
    static const QRegularExpression word(u"\\S+\\s*"_s);
    QString current;
    int words = 0;
    const qsizetype lead = text.indexOf(QRegularExpression(u"\\S"_s));
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
            const QTcpSocket *socket = responder.socket();
            handle(request,
                Exchange(std::move(responder), m_guard->closesAfterResponse(socket, request),
                    m_guard->isHttp10(socket)));
        });
}

QString LocalServer::url() const
{
    return u"http://127.0.0.1:"_s + QString::number(m_port);
}

QString LocalServer::start()
{
    if (StoreStatus e = m_ai.open(m_options.dataDirectory))
        return e->message;
    if (StoreStatus e = m_datasets.open(m_options.dataDirectory))
        return e->message;
    if (StoreStatus e = m_datasets.ensureSampleDataset())
        return u"Cannot prepare the sample dataset: "_s + e->message;
    m_guard = new ConnectionGuard(
        { m_options.maxConnections, m_options.idleTimeoutMs }, this); // bind() takes it over
    if (m_guard->listen(QHostAddress::LocalHost, m_options.port)) {
        m_http.bind(m_guard);
        m_port = m_guard->serverPort();
    }
    if (m_port == 0) {
        if (m_options.port == 0)
            return u"Cannot listen on 127.0.0.1."_s;
        return u"Cannot listen on 127.0.0.1:"_s + QString::number(m_options.port)
            + u" (is the port in use?)";
    }
    return {};
}

void LocalServer::handle(const QHttpServerRequest &request, Exchange &&exchange)
{
    if (request.body().size() > m_options.maxBodyBytes) {
        exchange.error(413, u"The request body is larger than the server accepts."_s);
        return;
    }
    const QStringList path = request.url().path().split(u'/', Qt::SkipEmptyParts);
    if (path.size() != 2 || path.first() != u"0.1.0") {
        exchange.error(404, u"Unknown address: use /0.1.0/{resource}, e.g. /0.1.0/aiprompt."_s);
        return;
    }
    const QString resource = path.at(1).toLower();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    if (!doc.isObject()) {
        exchange.error(
            400, u"The request body is not a JSON object: "_s + parseError.errorString());
        return;
    }
    const QJsonObject body = doc.object();
    if (body.value(u"key").toString() != m_options.key
        || body.value(u"token").toString() != m_options.token) {
        exchange.error(401, u"Invalid API key or token."_s);
        return;
    }
    const QString action = body.value(u"action").toString();
    const QJsonObject find = body.value(u"find").toObject();
    QString error;
    QJsonObject answer;
    if (resource == u"aiprompt" && action == u"create") {
        createPrompt(body, std::move(exchange));
        return;
    } else if (resource == u"aiconversation" && action == u"get") {
        answer = m_search.conversations(find, &error);
    } else if (resource == u"aiconversation" && action == u"create") {
        const QString title = body.value(u"properties").toObject().value(u"title").toString();
        auto created = m_ai.createConversation(title);
        if (!created) {
            exchange.error(500, created.error().message);
            return;
        }
        answer = *created;
    } else if (resource == u"aimessage" && action == u"get") {
        answer = m_search.messages(find, &error);
    } else if (resource == u"aimessageasset" && action == u"get") {
        answer = m_search.assets(find, &error);
    } else if (resource == u"dataset" && action == u"get") {
        answer = m_search.datasets(find, &error);
    } else if (resource == u"data" && action == u"get") {
        answer = m_search.data(find, &error);
    } else {
        const bool known = QStringList { u"aiprompt"_s, u"aiconversation"_s, u"aimessage"_s,
            u"aimessageasset"_s, u"dataset"_s, u"data"_s }
                               .contains(resource);
        exchange.error(known ? 400 : 404,
            known ? QString(
                u"The action \""_s + action + u"\" is not supported on " + resource + u'.')
                  : QString(u"Unknown resource \""_s + resource + u"\"."));
        return;
    }
    if (!error.isEmpty())
        exchange.error(400, error);
    else
        exchange.json(answer);
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
    const QueryEngine engine(m_datasets, m_options.analystTimeLimitMs);
    AnalystAgent agent(*datasets, [&engine](const DataQuery &query) {
        auto rows = engine.run(query);
        return rows ? Expected<QList<QJsonArray>, QString>(*rows)
                    : Expected<QList<QJsonArray>, QString>(rows.error().message);
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

void LocalServer::createPrompt(const QJsonObject &body, Exchange &&exchange)
{
    const AiPromptRequest request
        = AiPromptRequest::fromProperties(body.value(u"properties").toObject());
    if (const QString invalid = request.validate(); !invalid.isEmpty()) {
        exchange.error(400, invalid);
        return;
    }
    QJsonObject conversation;
    if (!request.conversationId.isEmpty()) {
        auto existing = m_ai.conversation(request.conversationId);
        if (!existing) {
            exchange.error(existing.error().code == StoreError::Code::NotFound ? 404 : 500,
                existing.error().message);
            return;
        }
        conversation = *existing;
    } else {
        auto created = m_ai.createConversation(Conversation::titleFor(request.texts.first()));
        if (!created) {
            exchange.error(500, created.error().message);
            return;
        }
        conversation = *created;
    }
    const QString conversationId = conversation.value(u"id").toString();
    QList<QJsonObject> inputItems;
    for (const QJsonObject &item : request.items)
        inputItems << QJsonObject { { u"type"_s, u"item"_s }, { u"value"_s, item } };
    auto question = m_ai.addMessage(conversationId, u"user"_s, request.texts.first(), request.agent,
        request.task, request.localeId, inputItems);
    if (!question) {
        exchange.error(500, question.error().message);
        return;
    }

    const AgentReply reply = applyResponseMode(runAgent(request), request.responseMode);
    QList<QJsonObject> assets;
    if (reply.item)
        assets << QJsonObject { { u"type"_s, u"item"_s }, { u"value"_s, *reply.item } };
    for (const QJsonObject &item : reply.suggestions)
        assets << QJsonObject { { u"type"_s, u"item"_s }, { u"value"_s, item } };
    // Analyst answers carry how the question was read (the item agent's assets stay its charts).
    if (reply.interpretation && request.agent == u"analyst") {
        assets << QJsonObject { { u"type"_s, u"interpretation"_s },
            { u"value"_s, *reply.interpretation } };
    }
    auto answer = m_ai.addMessage(
        conversationId, u"assistant"_s, reply.text, {}, {}, request.localeId, assets);
    if (!answer) {
        exchange.error(500, answer.error().message);
        return;
    }
    const QJsonObject result { { u"conversation_id"_s, conversationId },
        { u"user_message"_s, *question }, { u"assistant_message"_s, *answer } };
    if (request.stream)
        streamAnswer(result, reply, std::move(exchange));
    else
        exchange.json(result);
}

void LocalServer::streamAnswer(
    const QJsonObject &result, const AgentReply &reply, Exchange &&exchange)
{
    auto *sse = new SseResponse(std::move(exchange), m_options.streamDelayMs, this);
    const QJsonObject context {
        { u"conversation_id"_s, result.value(u"conversation_id") },
        { u"user_message_id"_s, result.value(u"user_message").toObject().value(u"id") },
        { u"assistant_message_id"_s, result.value(u"assistant_message").toObject().value(u"id") },
    };
    const auto event = [&](const QString &type, QJsonObject fields) {
        fields.insert(u"type"_s, type);
        for (auto it = context.begin(); it != context.end(); ++it)
            fields.insert(it.key(), it.value());
        sse->send(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    };
    event(u"start"_s, {});
    for (const QString &step : reply.progress)
        event(u"progress"_s, { { u"message"_s, step } });
    const QString text = result.value(u"assistant_message").toObject().value(u"message").toString();
    if (!text.isEmpty()) {
        event(u"text_start"_s, { { u"index"_s, 0 } });
        for (const QString &piece : deltas(text))
            event(u"text_delta"_s, { { u"index"_s, 0 }, { u"delta"_s, piece } });
        event(u"text_end"_s, { { u"index"_s, 0 } });
    }
    const QJsonArray assets
        = result.value(u"assistant_message").toObject().value(u"aiMessageAssets").toArray();
    for (int i = 0; i < assets.size(); ++i) {
        const QJsonObject asset = assets.at(i).toObject();
        event(u"asset_start"_s, { { u"index"_s, i }, { u"asset_type"_s, asset.value(u"type") } });
        const QString json = QString::fromUtf8(
            QJsonDocument(asset.value(u"value").toObject()).toJson(QJsonDocument::Compact));
        for (const QString &piece : fragments(json, 3))
            event(u"asset_delta"_s, { { u"index"_s, i }, { u"delta"_s, piece } });
        event(u"asset_end"_s, { { u"index"_s, i }, { u"id"_s, asset.value(u"id") } });
    }
    if (reply.error)
        event(u"error"_s, { { u"message"_s, *reply.error } });
    event(u"finish"_s, { { u"result"_s, result } });
    sse->send("[DONE]");
    sse->end();
}
