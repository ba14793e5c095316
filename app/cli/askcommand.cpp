#include "app/cli/askcommand.h"

#include "app/charts/chartdata.h"
#include "app/charts/chartdatafetcher.h"
#include "app/chat/backend.h"
#include "app/core/chatsession.h"
#include "models/jsonformat.h"
#include "models/repository.h"

#include <QEventLoop>
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

AskCommand::AskCommand(Repository &repository, Backend &backend, const Output &output)
    : m_repository(repository)
    , m_backend(backend)
    , m_output(output)
{
}

void AskCommand::storeChartData(qint64 answerId)
{
    // Charts keep a snapshot of their data, so they render (and export) offline later.
    auto answer = m_repository.message(answerId);
    if (!m_backend.luzmoClient() || !answer)
        return;
    ChartDataFetcher fetcher(m_repository);
    int pending = 0;
    QEventLoop loop;
    const auto done = [&] {
        if (--pending == 0)
            loop.quit();
    };
    QObject::connect(&fetcher, &ChartDataFetcher::fetched, &loop, done);
    QObject::connect(
        &fetcher, &ChartDataFetcher::failed, &loop, [&](qint64 assetId, const ChartError &error) {
            // A warning: the answer is complete and stored; the chart fetches its data later.
            m_output.error(u"warning: the data of chart "_s + QString::number(assetId)
                + u" could not be stored (it will be fetched when the chart is next shown): "
                + error.message);
            done();
        });
    for (const Asset &asset : answer->assets) {
        if (asset.type != u"item"
            || ChartData::check(QJsonDocument::fromJson(asset.valueJson).object()))
            continue;
        ++pending;
        fetcher.fetch(asset.id, *m_backend.luzmoClient());
    }
    if (pending > 0)
        loop.exec();
}

QString AskCommand::usage()
{
    return u"usage: chartroom-cli ask [--url URL] [--key K] [--token T] [--conversation ID] "
           u"[--agent item|analyst] [--task generate|suggest|describe] [--no-stream] [--json] "
           u"[--data-dir DIR] PROMPT"_s;
}

int AskCommand::run(const Options &options)
{
    if (options.agent != u"item" && options.agent != u"analyst") {
        m_output.error(u"--agent must be \"item\" or \"analyst\"."_s);
        return ExitUsage;
    }
    if (options.task != u"generate" && options.task != u"suggest" && options.task != u"describe") {
        m_output.error(u"--task must be \"generate\", \"suggest\" or \"describe\"."_s);
        return ExitUsage;
    }
    if (options.prompt.trimmed().isEmpty()) {
        m_output.error(u"No prompt given."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    if (options.conversationId != 0) {
        auto c = m_repository.conversation(options.conversationId);
        if (!c || c->deleted) {
            m_output.error(
                c ? u"Conversation "_s + QString::number(options.conversationId) + u" was deleted."
                  : c.error().message);
            return ExitFailure;
        }
    }

    ChatSession session(m_repository);
    session.setBackend(&m_backend);
    session.setAgent(options.agent, options.task);
    session.setStreaming(options.stream);

    QString printed; // what text mode has written so far
    QObject::connect(&session, &ChatSession::eventReceived, &session, [&](const StreamEvent &e) {
        if (!options.json)
            return;
        m_output.json(eventJson(e));
    });
    QObject::connect(
        &session, &ChatSession::answerTextChanged, &session, [&](qint64, const QString &text) {
            if (options.json || !text.startsWith(printed))
                return; // a reconciled text that differs is printed at the end
            m_output.write(text.mid(printed.size()));
            printed = text;
        });
    QStringList storeErrors;
    QObject::connect(&session, &ChatSession::failed, &session,
        [&](const QString &message) { storeErrors << message; });
    qint64 answerId = 0;
    qint64 conversationId = 0; // where the answer is stored (it may join an earlier copy)
    QObject::connect(&session, &ChatSession::conversationMoved, &session,
        [&](qint64, qint64 into) { conversationId = into; });
    QEventLoop loop;
    QObject::connect(&session, &ChatSession::answerFinished, &loop, [&](qint64 id) {
        answerId = id;
        loop.quit();
    });

    auto sent = session.send(options.conversationId, options.prompt);
    if (!sent) {
        m_output.error(sent.error().message);
        return ExitFailure;
    }
    conversationId = *sent;
    if (session.isBusy())
        loop.exec();
    if (answerId)
        storeChartData(answerId);

    auto messages = m_repository.messages(conversationId, 0, 50);
    if (!messages || messages->isEmpty()) {
        m_output.error(messages ? u"The answer was not stored."_s : messages.error().message);
        return ExitFailure;
    }
    const Message answer = answerId ? *m_repository.message(answerId) : messages->last();
    Message question;
    for (auto it = messages->crbegin(); it != messages->crend(); ++it) {
        if (it->role == MessageRole::User && it->seq < answer.seq) {
            question = *it;
            break;
        }
    }

    if (options.json) {
        QJsonArray assets;
        for (const Asset &a : answer.assets)
            assets << JsonFormat::asset(a);
        const auto c = m_repository.conversation(conversationId);
        m_output.json(QJsonObject {
            { u"type"_s, u"result"_s },
            { u"conversation_id"_s, c ? c->remoteId : QString() },
            { u"local_conversation_id"_s, conversationId },
            { u"status"_s, statusName(answer.status) },
            { u"user_message"_s, JsonFormat::message(question) },
            { u"assistant_message"_s, JsonFormat::message(answer) },
            { u"assets"_s, assets },
        });
    } else {
        if (printed != answer.text)
            m_output.write((printed.isEmpty() ? QString() : u"\n"_s) + answer.text);
        m_output.line();
        for (const Asset &a : answer.assets)
            m_output.line(u"[asset "_s + QString::number(a.id) + u": " + a.type + u']');
    }
    for (const QString &e : std::as_const(storeErrors))
        m_output.error(e);
    if (answer.status != MessageStatus::Complete) {
        m_output.error(
            answer.errorDetail.isEmpty() ? u"The answer is incomplete."_s : answer.errorDetail);
        return ExitFailure;
    }
    return storeErrors.isEmpty() ? ExitOk : ExitFailure;
}
