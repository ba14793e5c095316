#include "app/cli/synccommand.h"

#include "app/chat/backend.h"
#include "app/core/accountsync.h"
#include "app/core/backendfactory.h"
#include "app/core/localbackend.h"
#include "app/luzmo/luzmobackend.h"
#include "app/sync/syncsource.h"
#include "models/repository.h"

#include <QJsonObject>

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
    Repository &repository, QNetworkAccessManager &network, const Output &output, Options options)
    : Command(output)
    , m_repository(repository)
    , m_network(network)
    , m_options(std::move(options))
{
}

SyncCommand::SyncCommand(Repository &repository, QNetworkAccessManager &network,
    const Output &output, CommandLine line, const QString &dataDirectory)
    : Command(output)
    , m_repository(repository)
    , m_network(network)
    , m_line(std::move(line))
{
    m_options.dataDirectory = dataDirectory;
}

SyncCommand::~SyncCommand() = default;

QList<QCommandLineOption> SyncCommand::options()
{
    return QList<QCommandLineOption> {
        { u"backend"_s,
            u"sync: local (default without --url), luzmo (default with --url) or "
            u"looker."_s,
            u"BACKEND"_s },
        { u"url"_s, u"Luzmo-compatible API host, e.g. https://api.luzmo.com"_s, u"URL"_s },
    }
    + CommandLine::credentialOptions();
}

QString SyncCommand::usage()
{
    return u"usage: chartroom-cli sync [--backend local|luzmo|looker | --url URL --key K "
           u"--token T] [--json] [--data-dir DIR]"_s;
}

std::optional<SyncCommand::Options> SyncCommand::fromCommandLine(const CommandLine &line) const
{
    if (const auto &failure = line.failure()) {
        m_output.error(failure->text);
        m_output.error(usage());
        return std::nullopt;
    }
    Options options = m_options;
    options.backend = line.value(u"backend"_s);
    if (line.isSet(u"url"_s)) {
        options.url = QUrl::fromUserInput(line.value(u"url"_s));
        if (!options.url.isValid()
            || (options.url.scheme() != u"http" && options.url.scheme() != u"https")) {
            m_output.error(u"--url must be an http or https address."_s);
            return std::nullopt;
        }
    }
    options.key = line.valueOrEnvironment(u"key"_s, "CHARTROOM_KEY");
    options.token = line.valueOrEnvironment(u"token"_s, "CHARTROOM_TOKEN");
    options.json = line.json();
    return options;
}

int SyncCommand::run()
{
    if (m_line) {
        const std::optional<Options> options = fromCommandLine(*m_line);
        if (!options)
            return ExitUsage;
        m_options = *options;
    }
    return begin();
}

int SyncCommand::begin()
{
    const Options &options = m_options;
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

    if (backend == u"local") {
        LocalServer::Options serverOptions;
        serverOptions.dataDirectory = options.dataDirectory;
        m_local = std::make_unique<LocalBackend>(m_network, serverOptions);
        if (const QString error = m_local->start(); !error.isEmpty()) {
            m_output.error(LocalBackend::startFailed(error));
            return ExitFailure;
        }
        m_backend = m_local->backend();
    } else {
        // The account the flags describe, connected as the GUI connects its accounts.
        Account account;
        account.id = backend;
        account.kind = Account::kindFromName(backend);
        account.baseUrl = options.url.toString();
        account.keyId = options.key;
        account.secret = options.token;
        account.agent.clear(); // no Looker agent: sync reads conversations, asks nothing
        m_remote = BackendFactory::create(m_network, account);
        m_backend = m_remote.get();
    }

    // CHARTROOM_SYNC_PAGE_SIZE: smaller pages, e.g. for the kill test.
    const int pageSize = options.pageSize > 0
        ? options.pageSize
        : qEnvironmentVariableIntValue("CHARTROOM_SYNC_PAGE_SIZE");
    m_source = AccountSync::sourceFor(*m_backend, backend, pageSize);
    // Synced charts have no data yet: the sync stores it too, so they render offline (Looker
    // answers carry no Luzmo charts). A chart whose data cannot be fetched is told on stderr; the
    // sync itself succeeded.
    AccountSync::ClientLookup charts;
    if (m_backend->luzmoClient())
        charts = [backend = m_backend] { return backend->luzmoClient(); };
    m_sync = std::make_unique<AccountSync>(m_repository, *m_source, std::move(charts));
    connect(m_sync.get(), &AccountSync::progressChanged, this, [this](const SyncProgress &p) {
        if (m_options.json)
            return;
        m_output.line(u"page "_s + QString::number(p.pages) + u": "
            + QString::number(p.conversationsDone)
            + (p.conversationsTotal >= 0 ? u"/"_s + QString::number(p.conversationsTotal)
                                         : QString())
            + u" conversations, " + QString::number(p.messagesDone) + u" messages");
    });
    connect(m_sync.get(), &AccountSync::synced, this, [this](const SyncReport &report) {
        if (m_options.json) {
            m_okJson = report.toJson();
            m_okJson.insert(u"status"_s, u"ok"_s);
        } else {
            m_output.line(report.summary());
        }
    });
    connect(m_sync.get(), &AccountSync::chartsUnlisted, this, [this](const QString &message) {
        m_output.error(u"sync: the charts' data could not be fetched: "_s + message);
    });
    connect(
        m_sync.get(), &AccountSync::chartFailed, this, [this](qint64 assetId, const QString &why) {
            m_output.error(u"sync: the data of chart "_s + QString::number(assetId)
                + u" could not be stored: " + why);
        });
    connect(m_sync.get(), &AccountSync::finished, this, &SyncCommand::onFinished);
    connect(m_sync.get(), &AccountSync::failed, this, [this](const SyncError &error) {
        if (m_options.json)
            m_output.json(errorJson(error, m_sync->report()));
        m_output.error(error.message);
        finish(ExitFailure);
    });
    m_sync->start();
    return Running;
}

void SyncCommand::onFinished()
{
    if (!m_backend->luzmoClient()) {
        if (m_options.json)
            m_output.json(m_okJson);
        finish(ExitOk);
        return;
    }
    if (m_options.json) {
        m_okJson.insert(u"charts_stored"_s, m_sync->chartsStored());
        m_okJson.insert(u"charts_failed"_s, m_sync->chartsFailed());
        m_output.json(m_okJson);
    } else {
        m_output.line(u"Stored the data of "_s + QString::number(m_sync->chartsStored())
            + u" charts"
            + (m_sync->chartsFailed() > 0
                    ? u" (" + QString::number(m_sync->chartsFailed()) + u" failed)"
                    : QString()));
    }
    finish(ExitOk);
}
