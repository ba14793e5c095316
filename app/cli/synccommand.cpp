#include "app/cli/synccommand.h"

#include "app/core/accountsync.h"
#include "app/core/backendfactory.h"
#include "app/looker/lookersession.h"
#include "app/luzmo/luzmoclient.h"
#include "app/server/localserver.h"
#include "app/sync/lookersyncsource.h"
#include "app/sync/luzmosyncsource.h"
#include "models/repository.h"

#include <QEventLoop>
#include <QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QJsonObject errorJson(const SyncError &error, const SyncReport &report)
{
    QJsonObject o = report.toJson();
    o.insert(u"status"_s, u"failed"_s);
    o.insert(u"error"_s,
        QJsonObject { { u"code"_s, SyncError::codeName(error.code) },
            { u"message"_s, error.message },
            { u"http_status"_s, error.api ? error.api->httpStatus : 0 } });
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
    return u"usage: chartroom-cli sync [--backend local|luzmo|looker | --url URL --key K "
           u"--token T] [--json] [--data-dir DIR]"_s;
}

int SyncCommand::run(const Options &options)
{
    const QString backend = !options.backend.isEmpty()
        ? options.backend
        : (options.url.isEmpty() ? u"local"_s : u"luzmo"_s);
    if (backend == u"workflow") {
        m_output.error(u"sync: the "_s + backend
            + u" backend cannot be synced yet: its API does not list a conversation's messages.");
        return ExitUsage;
    }
    if (backend != u"local" && backend != u"luzmo" && backend != u"looker") {
        m_output.error(u"sync: --backend must be local, luzmo or looker."_s);
        m_output.error(usage());
        return ExitUsage;
    }
    if (backend == u"local" && !options.url.isEmpty()) {
        m_output.error(u"sync: --backend local is the built-in server: leave out --url."_s);
        return ExitUsage;
    }
    if (backend == u"luzmo" || backend == u"looker") {
        if (!options.url.isValid()
            || (options.url.scheme() != u"http" && options.url.scheme() != u"https")) {
            m_output.error(
                u"sync: --backend "_s + backend + u" needs --url, an http or https address.");
            return ExitUsage;
        }
        if (options.key.isEmpty() || options.token.isEmpty()) {
            m_output.error(backend == u"looker"
                    ? u"sync: give --key and --token: the Looker API client id and secret "
                      u"(or CHARTROOM_KEY and CHARTROOM_TOKEN)."_s
                    : u"sync: give --key and --token (or CHARTROOM_KEY and CHARTROOM_TOKEN)."_s);
            return ExitUsage;
        }
    }

    // The account the flags describe, connected as the GUI connects its accounts.
    Account account;
    account.id = backend;
    account.kind = Account::kindFromName(backend);
    account.baseUrl = options.url.toString();
    account.keyId = options.key;
    account.secret = options.token;
    account.agent.clear(); // no Looker agent: sync reads conversations, asks nothing
    LuzmoConfig config = BackendFactory::luzmoConfig(account);
    std::unique_ptr<LocalServer> local;
    if (backend == u"local") {
        LocalServer::Options serverOptions;
        serverOptions.dataDirectory = options.dataDirectory;
        local = std::make_unique<LocalServer>(serverOptions);
        if (const QString error = local->start(); !error.isEmpty()) {
            m_output.error(u"The local analyst server could not start: "_s + error);
            return ExitFailure;
        }
        config = BackendFactory::localConfig(*local);
    }

    // CHARTROOM_SYNC_PAGE_SIZE: smaller pages, e.g. for the kill test.
    const int pageSize = options.pageSize > 0
        ? options.pageSize
        : qEnvironmentVariableIntValue("CHARTROOM_SYNC_PAGE_SIZE");
    std::unique_ptr<LuzmoClient> client;
    std::unique_ptr<LookerSession> session;
    std::unique_ptr<SyncSource> source;
    if (backend == u"looker") {
        session = std::make_unique<LookerSession>(m_network, BackendFactory::lookerConfig(account));
        auto lookerSource = std::make_unique<LookerSyncSource>(*session, backend);
        if (pageSize > 0)
            lookerSource->setPageSize(pageSize);
        source = std::move(lookerSource);
    } else {
        client = std::make_unique<LuzmoClient>(m_network, config);
        auto luzmoSource = std::make_unique<LuzmoSyncSource>(*client, backend);
        if (pageSize > 0)
            luzmoSource->setPageSize(pageSize);
        source = std::move(luzmoSource);
    }
    // Synced charts have no data yet: the sync stores it too, so they render offline (Looker
    // answers carry no Luzmo charts). A chart whose data cannot be fetched is told on stderr; the
    // sync itself succeeded.
    AccountSync::ClientLookup charts;
    if (client)
        charts = [&client] { return client.get(); };
    AccountSync sync(m_repository, *source, std::move(charts));
    QEventLoop loop;
    int exitCode = ExitFailure;
    QObject::connect(&sync, &AccountSync::progressChanged, &loop, [&](const SyncProgress &p) {
        if (options.json)
            return;
        m_output.line(u"page "_s + QString::number(p.pages) + u": "
            + QString::number(p.conversationsDone)
            + (p.conversationsTotal >= 0 ? u"/"_s + QString::number(p.conversationsTotal)
                                         : QString())
            + u" conversations, " + QString::number(p.messagesDone) + u" messages");
    });
    QJsonObject okJson; // with --json, written once the charts' data is stored too
    QObject::connect(&sync, &AccountSync::synced, &loop, [&](const SyncReport &report) {
        if (options.json) {
            okJson = report.toJson();
            okJson.insert(u"status"_s, u"ok"_s);
        } else {
            m_output.line(report.summary());
        }
    });
    QObject::connect(&sync, &AccountSync::chartsUnlisted, &loop, [&](const QString &message) {
        m_output.error(u"sync: the charts' data could not be fetched: "_s + message);
    });
    QObject::connect(
        &sync, &AccountSync::chartFailed, &loop, [&](qint64 assetId, const QString &why) {
            m_output.error(u"sync: the data of chart "_s + QString::number(assetId)
                + u" could not be stored: " + why);
        });
    QObject::connect(&sync, &AccountSync::finished, &loop, [&] {
        exitCode = ExitOk;
        loop.quit();
    });
    QObject::connect(&sync, &AccountSync::failed, &loop, [&](const SyncError &error) {
        if (options.json)
            m_output.json(errorJson(error, sync.report()));
        m_output.error(error.message);
        exitCode = ExitFailure;
        loop.quit();
    });
    sync.start();
    loop.exec();
    if (exitCode != ExitOk)
        return exitCode;
    if (!client) {
        if (options.json)
            m_output.json(okJson);
        return ExitOk;
    }
    if (options.json) {
        okJson.insert(u"charts_stored"_s, sync.chartsStored());
        okJson.insert(u"charts_failed"_s, sync.chartsFailed());
        m_output.json(okJson);
    } else {
        m_output.line(u"Stored the data of "_s + QString::number(sync.chartsStored()) + u" charts"
            + (sync.chartsFailed() > 0 ? u" (" + QString::number(sync.chartsFailed()) + u" failed)"
                                       : QString()));
    }
    return ExitOk;
}
