#include "app/cli/askcommand.h"

#include "app/charts/chartdata.h"
#include "app/charts/chartdatafetcher.h"
#include "app/chat/backend.h"
#include "app/core/backendfactory.h"
#include "app/core/chatsession.h"
#include "app/core/localbackend.h"
#include "app/luzmo/luzmobackend.h"
#include "models/jsonformat.h"
#include "models/repository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
// An event as received (its raw JSON); events a backend made from another wire format (workflow
// chunks, Looker system messages) are described by their decoded fields.
QJsonObject eventJson(const StreamEvent &e)
{
    if (e.type == StreamEvent::Type::Done)
        return QJsonObject { { u"type"_s, u"[DONE]"_s } };
    if (!e.raw.isEmpty())
        return e.raw;
    QJsonObject o { { u"type"_s,
        e.typeName.isEmpty() ? StreamEvent::typeToString(e.type) : e.typeName } };
    const auto put = [&o](const char16_t *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QString::fromUtf16(key), value);
    };
    put(u"conversation_id", e.conversationId);
    put(u"user_message_id", e.userMessageId);
    put(u"assistant_message_id", e.assistantMessageId);
    if (e.index >= 0)
        o.insert(u"index"_s, e.index);
    put(e.type == StreamEvent::Type::AssetDelta || e.type == StreamEvent::Type::TextDelta ? u"delta"
                                                                                          : u"text",
        e.text);
    put(u"message", e.type == StreamEvent::Type::Error ? e.errorMessage : e.progressMessage);
    put(u"asset_type", e.assetType);
    put(u"id", e.assetId);
    if (e.result)
        o.insert(u"result"_s, *e.result);
    return o;
}
} // namespace

AskCommand::AskCommand(Repository &repository, QNetworkAccessManager &network, CommandLine line,
    const QString &dataDirectory, const Output &output)
    : Command(output)
    , m_repository(repository)
    , m_network(network)
    , m_line(std::move(line))
    , m_dataDirectory(dataDirectory)
    , m_json(m_line.json())
{
}

AskCommand::~AskCommand() = default;

QList<QCommandLineOption> AskCommand::options()
{
    return QList<QCommandLineOption> {
        { u"url"_s, u"Luzmo-compatible API host, e.g. https://api.luzmo.com"_s, u"URL"_s },
        { u"conversation"_s, u"Continue this local conversation."_s, u"ID"_s },
        { u"agent"_s, u"item or analyst (default analyst)."_s, u"AGENT"_s, u"analyst"_s },
        { u"task"_s, u"generate, suggest or describe."_s, u"TASK"_s, u"generate"_s },
        { u"no-stream"_s, u"Ask for one JSON answer, not a stream."_s },
        { u"backend"_s,
            u"local (default without --url), luzmo (default with --url), workflow or looker."_s,
            u"BACKEND"_s },
        { u"transport"_s, u"sse (default) or socketio."_s, u"TRANSPORT"_s, u"sse"_s },
        { u"looker-agent"_s, u"--backend looker: the agent of new conversations."_s, u"ID"_s },
        { u"looker-source"_s,
            u"--backend looker: a source (repeatable); without --looker-agent an agent is found "
            u"or created for them."_s,
            u"MODEL/EXPLORE"_s },
    }
    + CommandLine::credentialOptions();
}

QString AskCommand::usage()
{
    return u"usage: chartroom-cli ask [--url URL] [--key K] [--token T] [--conversation ID] "
           u"[--agent item|analyst] [--task generate|suggest|describe] [--no-stream] "
           u"[--backend local|luzmo|workflow|looker] [--transport sse|socketio] "
           u"[--looker-agent ID] [--looker-source MODEL/EXPLORE]... [--json] [--data-dir DIR] "
           u"PROMPT"_s;
}

int AskCommand::run()
{
    if (const auto &failure = m_line.failure())
        return usageError(*failure, usage());
    const QString kind = m_line.isSet(u"backend"_s)
        ? m_line.value(u"backend"_s)
        : (m_line.isSet(u"url"_s) ? u"luzmo"_s : u"local"_s);
    if (!QStringList { u"local"_s, u"luzmo"_s, u"workflow"_s, u"looker"_s }.contains(kind)) {
        m_output.error(u"--backend must be local, luzmo, workflow or looker."_s);
        return ExitUsage;
    }
    if (kind != u"local" && !m_line.isSet(u"url"_s)) {
        m_output.error(u"--backend "_s + kind + u" needs --url.");
        return ExitUsage;
    }
    if (kind == u"local" && m_line.isSet(u"url"_s)) {
        m_output.error(u"--backend local is the built-in server: leave out --url."_s);
        return ExitUsage;
    }
    qint64 conversationId = 0; // local id; 0 starts a new conversation
    if (m_line.isSet(u"conversation"_s)) {
        bool ok = false;
        conversationId = m_line.value(u"conversation"_s).toLongLong(&ok);
        if (!ok || conversationId <= 0) {
            m_output.error(u"--conversation needs a local conversation id (a positive number)."_s);
            return ExitUsage;
        }
    }
    const QUrl url = QUrl::fromUserInput(m_line.value(u"url"_s));
    if (m_line.isSet(u"url"_s)
        && (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))) {
        m_output.error(u"--url must be an http or https address."_s);
        return ExitUsage;
    }
    const QString transport = m_line.value(u"transport"_s);
    if (transport != u"sse" && transport != u"socketio") {
        m_output.error(u"--transport must be \"sse\" or \"socketio\"."_s);
        return ExitUsage;
    }
    if (transport == u"socketio" && kind != u"luzmo") {
        m_output.error(u"--transport socketio is for --backend luzmo (the built-in server "
                       u"and the other backends stream over HTTP)."_s);
        return ExitUsage;
    }
    const QString agent = m_line.value(u"agent"_s);
    const QString task = m_line.value(u"task"_s);
    if (agent != u"item" && agent != u"analyst") {
        m_output.error(u"--agent must be \"item\" or \"analyst\"."_s);
        return ExitUsage;
    }
    if (task != u"generate" && task != u"suggest" && task != u"describe") {
        m_output.error(u"--task must be \"generate\", \"suggest\" or \"describe\"."_s);
        return ExitUsage;
    }
    const QString prompt = m_line.positional().join(u' ');
    if (prompt.trimmed().isEmpty()) {
        m_output.error(u"No prompt given."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    if (const int code = connectBackend(kind, url); code != ExitOk)
        return code;
    if (conversationId != 0) {
        auto c = m_repository.conversation(conversationId);
        if (!c || c->deleted) {
            m_output.error(c
                    ? u"Conversation "_s + QString::number(conversationId) + u" was deleted."
                    : c.error().message);
            return ExitFailure;
        }
    }

    m_session = std::make_unique<ChatSession>(m_repository);
    m_session->setBackend(m_backend);
    m_session->setAgent(agent, task);
    m_session->setStreaming(!m_line.isSet(u"no-stream"_s));
    connect(m_session.get(), &ChatSession::eventReceived, this, [this](const StreamEvent &e) {
        if (m_json)
            m_output.json(eventJson(e));
    });
    connect(m_session.get(), &ChatSession::answerTextChanged, this,
        [this](qint64, const QString &text) {
            if (m_json || !text.startsWith(m_printed))
                return; // a reconciled text that differs is printed at the end
            m_output.write(text.mid(m_printed.size()));
            m_printed = text;
        });
    connect(m_session.get(), &ChatSession::failed, this,
        [this](const QString &message) { m_storeErrors << message; });
    connect(m_session.get(), &ChatSession::conversationMoved, this,
        [this](qint64, qint64 into) { m_conversationId = into; });
    connect(m_session.get(), &ChatSession::answerFinished, this, [this](qint64 id) {
        m_answerId = id;
        if (m_sent)
            onAnswered();
    });

    auto sent = m_session->send(conversationId, prompt);
    if (!sent) {
        m_output.error(sent.error().message);
        return ExitFailure;
    }
    m_conversationId = *sent;
    m_sent = true;
    if (!m_session->isBusy())
        onAnswered();
    return Running;
}

int AskCommand::connectBackend(const QString &kind, const QUrl &url)
{
    if (kind == u"local") {
        // The built-in local server answers in this process.
        LocalServer::Options options;
        options.dataDirectory = m_dataDirectory;
        m_local = std::make_unique<LocalBackend>(m_network, options);
        if (const QString error = m_local->start(); !error.isEmpty()) {
            m_output.error(LocalBackend::startFailed(error));
            return ExitFailure;
        }
        m_backend = m_local->backend();
        return ExitOk;
    }
    // The account the flags describe. Its id is the backend id stored with the conversation:
    // "luzmo", "workflow", "looker".
    Account remote;
    remote.id = kind;
    remote.kind = Account::kindFromName(kind);
    remote.baseUrl = url.toString();
    remote.keyId = m_line.valueOrEnvironment(u"key"_s, "CHARTROOM_KEY");
    remote.secret = m_line.valueOrEnvironment(u"token"_s, "CHARTROOM_TOKEN");
    if (m_line.value(u"transport"_s) == u"socketio")
        remote.transport = LuzmoConfig::Transport::SocketIo;
    QList<LookerSource> sources;
    if (remote.kind == Account::Kind::Looker) {
        remote.agent = m_line.value(u"looker-agent"_s); // its agent id (Luzmo's: --agent)
        for (const QString &source : m_line.values(u"looker-source"_s)) {
            const qsizetype slash = source.indexOf(u'/');
            if (slash <= 0 || slash == source.size() - 1) {
                m_output.error(u"--looker-source must be MODEL/EXPLORE."_s);
                return ExitUsage;
            }
            sources.append({ source.left(slash), source.mid(slash + 1) });
        }
    }
    m_remote = BackendFactory::create(m_network, remote, sources);
    m_backend = m_remote.get();
    return ExitOk;
}

void AskCommand::onAnswered()
{
    if (m_answered)
        return;
    m_answered = true;
    if (m_answerId)
        storeChartData();
    else
        finish(report());
}

void AskCommand::storeChartData()
{
    // Charts keep a snapshot of their data, so they render (and export) offline later.
    auto answer = m_repository.message(m_answerId);
    LuzmoClient *client = m_backend->luzmoClient();
    if (client && answer) {
        m_fetcher = std::make_unique<ChartDataFetcher>(m_repository);
        connect(m_fetcher.get(), &ChartDataFetcher::fetched, this, &AskCommand::onChartDone);
        connect(m_fetcher.get(), &ChartDataFetcher::failed, this,
            [this](qint64 assetId, const ChartError &error) {
                // A warning: the answer is complete and stored; the chart fetches its data later.
                m_output.error(u"warning: the data of chart "_s + QString::number(assetId)
                    + u" could not be stored (it will be fetched when the chart is next shown): "
                    + error.message);
                onChartDone();
            });
        for (const Asset &asset : answer->assets) {
            if (asset.type != u"item"
                || ChartData::check(QJsonDocument::fromJson(asset.valueJson).object()))
                continue;
            ++m_chartsPending;
            m_fetcher->fetch(asset.id, *client); // reports later, never from fetch()
        }
    }
    if (m_chartsPending == 0)
        finish(report());
}

void AskCommand::onChartDone()
{
    if (--m_chartsPending == 0)
        finish(report());
}

int AskCommand::report()
{
    auto messages = m_repository.messages(m_conversationId, 0, 50);
    if (!messages || messages->isEmpty()) {
        m_output.error(messages ? u"The answer was not stored."_s : messages.error().message);
        return ExitFailure;
    }
    const Message answer = m_answerId ? *m_repository.message(m_answerId) : messages->last();
    Message question;
    for (auto it = messages->crbegin(); it != messages->crend(); ++it) {
        if (it->role == MessageRole::User && it->seq < answer.seq) {
            question = *it;
            break;
        }
    }

    if (m_json) {
        QJsonArray assets;
        for (const Asset &a : answer.assets)
            assets << JsonFormat::asset(a);
        const auto c = m_repository.conversation(m_conversationId);
        m_output.json(QJsonObject {
            { u"type"_s, u"result"_s },
            { u"conversation_id"_s, c ? c->remoteId : QString() },
            { u"local_conversation_id"_s, m_conversationId },
            { u"status"_s, statusName(answer.status) },
            { u"user_message"_s, JsonFormat::message(question) },
            { u"assistant_message"_s, JsonFormat::message(answer) },
            { u"assets"_s, assets },
        });
    } else {
        if (m_printed != answer.text)
            m_output.write((m_printed.isEmpty() ? QString() : u"\n"_s) + answer.text);
        m_output.line();
        for (const Asset &a : answer.assets)
            m_output.line(u"[asset "_s + QString::number(a.id) + u": " + a.type + u']');
    }
    for (const QString &e : std::as_const(m_storeErrors))
        m_output.error(e);
    if (answer.status != MessageStatus::Complete) {
        m_output.error(
            answer.errorDetail.isEmpty() ? u"The answer is incomplete."_s : answer.errorDetail);
        return ExitFailure;
    }
    return m_storeErrors.isEmpty() ? ExitOk : ExitFailure;
}
