#include "synccommand.h"

#include "localserver.h"
#include "luzmoclient.h"
#include "luzmosyncsource.h"
#include "repository.h"
#include "syncengine.h"

#include <QEventLoop>
#include <QJsonObject>

#include <memory>

namespace {
QJsonObject errorJson(const SyncError &error, const SyncReport &report)
{
    QJsonObject o = report.toJson();
    o.insert(u"status"_qs, u"failed"_qs);
    o.insert(u"error"_qs,
        QJsonObject { { u"code"_qs, SyncError::codeName(error.code) },
            { u"message"_qs, error.message },
            { u"http_status"_qs, error.api ? error.api->httpStatus : 0 } });
    return o;
}
} // namespace

SyncCommand::SyncCommand(
    Repository &repository, QNetworkAccessManager &network, const Output &output)
    : m_repository(repository)
    , m_network(network)
    , m_output(output)
{
}

QString SyncCommand::usage()
{
    return u"usage: chartroom-cli sync [--backend local|luzmo | --url URL --key K --token T] "
           u"[--json] [--data-dir DIR]"_qs;
}

int SyncCommand::run(const Options &options)
{
    const QString backend = !options.backend.isEmpty()
        ? options.backend
        : (options.url.isEmpty() ? u"local"_qs : u"luzmo"_qs);
    if (backend == u"looker" || backend == u"workflow") {
        m_output.error(u"sync: the "_qs + backend
            + u" backend cannot be synced yet: its API does not list a conversation's messages.");
        return ExitUsage;
    }
    if (backend != u"local" && backend != u"luzmo") {
        m_output.error(u"sync: --backend must be local or luzmo."_qs);
        m_output.error(usage());
        return ExitUsage;
    }
    if (backend == u"local" && !options.url.isEmpty()) {
        m_output.error(u"sync: --backend local is the built-in server: leave out --url."_qs);
        return ExitUsage;
    }
    if (backend == u"luzmo") {
        if (!options.url.isValid()
            || (options.url.scheme() != u"http" && options.url.scheme() != u"https")) {
            m_output.error(u"sync: --backend luzmo needs --url, an http or https address."_qs);
            return ExitUsage;
        }
        if (options.key.isEmpty() || options.token.isEmpty()) {
            m_output.error(
                u"sync: give --key and --token (or CHARTROOM_KEY and CHARTROOM_TOKEN)."_qs);
            return ExitUsage;
        }
    }

    LuzmoConfig config;
    config.host = options.url;
    config.key = options.key;
    config.token = options.token;
    std::unique_ptr<LocalServer> local;
    if (backend == u"local") {
        LocalServer::Options serverOptions;
        serverOptions.dataDirectory = options.dataDirectory;
        local = std::make_unique<LocalServer>(serverOptions);
        if (const QString error = local->start(); !error.isEmpty()) {
            m_output.error(u"The local analyst server could not start: "_qs + error);
            return ExitFailure;
        }
        config.host = QUrl(local->url());
        config.key = local->key();
        config.token = local->token();
    }

    LuzmoClient client(m_network, config);
    LuzmoSyncSource source(client, backend);
    // CHARTROOM_SYNC_PAGE_SIZE: smaller pages, e.g. for the kill test.
    const int pageSize = options.pageSize > 0
        ? options.pageSize
        : qEnvironmentVariableIntValue("CHARTROOM_SYNC_PAGE_SIZE");
    if (pageSize > 0)
        source.setPageSize(pageSize);
    SyncEngine engine(m_repository, source);
    QEventLoop loop;
    int exitCode = ExitFailure;
    QObject::connect(&engine, &SyncEngine::progressChanged, &loop, [&](const SyncProgress &p) {
        if (options.json)
            return;
        m_output.line(u"page "_qs + QString::number(p.pages) + u": "
            + QString::number(p.conversationsDone)
            + (p.conversationsTotal >= 0 ? u"/"_qs + QString::number(p.conversationsTotal)
                                         : QString())
            + u" conversations, " + QString::number(p.messagesDone) + u" messages");
    });
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport &report) {
        if (options.json) {
            QJsonObject o = report.toJson();
            o.insert(u"status"_qs, u"ok"_qs);
            m_output.json(o);
        } else {
            m_output.line(report.summary());
        }
        exitCode = ExitOk;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const SyncError &error) {
        if (options.json)
            m_output.json(errorJson(error, engine.report()));
        m_output.error(error.message);
        exitCode = ExitFailure;
        loop.quit();
    });
    engine.start();
    loop.exec();
    return exitCode;
}
