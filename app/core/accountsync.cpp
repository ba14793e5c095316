#include "app/core/accountsync.h"

#include "app/charts/chartdatafetcher.h"
#include "app/chat/backend.h"
#include "app/sync/lookersyncsource.h"
#include "app/sync/luzmosyncsource.h"
#include "app/sync/syncengine.h"
#include "app/sync/syncsource.h"
#include "models/repository.h"

namespace {
// Chart data queries sent at once, and the most charts fetched after one sync.
constexpr int parallelFetches = 3;
constexpr int maxCharts = 10000;
} // namespace

AccountSync::AccountSync(
    Repository &repository, SyncSource &source, ClientLookup chartClient, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_source(source)
    , m_chartClient(std::move(chartClient))
    , m_engine(std::make_unique<SyncEngine>(repository, source))
{
    connect(m_engine.get(), &SyncEngine::progressChanged, this, &AccountSync::progressChanged);
    connect(m_engine.get(), &SyncEngine::finished, this, [this](const SyncReport &report) {
        Q_EMIT synced(report);
        QMetaObject::invokeMethod(this, &AccountSync::fetchSnapshots, Qt::QueuedConnection);
    });
    connect(m_engine.get(), &SyncEngine::failed, this, [this](const SyncError &error) {
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
    });
}

AccountSync::~AccountSync() = default;

std::unique_ptr<SyncSource> AccountSync::sourceFor(
    Backend &backend, const QString &id, int pageSize)
{
    if (LuzmoClient *client = backend.luzmoClient()) {
        auto source = std::make_unique<LuzmoSyncSource>(*client, id);
        if (pageSize > 0)
            source->setPageSize(pageSize);
        return source;
    }
    if (LookerSession *session = backend.lookerSession()) {
        auto source = std::make_unique<LookerSyncSource>(*session, id);
        if (pageSize > 0)
            source->setPageSize(pageSize);
        return source;
    }
    return nullptr;
}

void AccountSync::start()
{
    m_engine->start();
}

const SyncReport &AccountSync::report() const
{
    return m_engine->report();
}

void AccountSync::fetchSnapshots()
{
    if (!m_chartClient) {
        finishLater();
        return;
    }
    const StoreResult<QList<Asset>> assets
        = m_repository.assetsWithoutSnapshot(m_source.backendId(), maxCharts);
    if (!assets) {
        Q_EMIT chartsUnlisted(assets.error().message);
        finishLater();
        return;
    }
    for (const Asset &asset : *assets)
        m_charts << asset.id;
    m_chartsTotal = int(m_charts.size());
    if (m_chartsTotal == 0) {
        finishLater();
        return;
    }
    m_fetcher = std::make_unique<ChartDataFetcher>(m_repository);
    connect(m_fetcher.get(), &ChartDataFetcher::fetched, this,
        [this](qint64 assetId) { onChartDone(assetId, nullptr); });
    connect(m_fetcher.get(), &ChartDataFetcher::failed, this,
        [this](qint64 assetId, const ChartError &error) { onChartDone(assetId, &error); });
    Q_EMIT chartsStarted(m_chartsTotal);
    fetchMore();
}

void AccountSync::fetchMore()
{
    while (m_chartsInFlight < parallelFetches && !m_charts.isEmpty()) {
        const qint64 assetId = m_charts.takeFirst();
        LuzmoClient *client = m_chartClient();
        if (!client) {
            // The account went away (Settings) while its charts were being fetched.
            m_chartsFailed += int(m_charts.size()) + 1;
            m_charts.clear();
            if (m_chartError.isEmpty())
                m_chartError = tr("the account is no longer set up");
            break;
        }
        ++m_chartsInFlight;
        m_fetcher->fetch(assetId, *client); // always reports later, never from fetch()
    }
    if (m_chartsInFlight == 0 && m_charts.isEmpty())
        finishLater();
}

void AccountSync::onChartDone(qint64 assetId, const ChartError *error)
{
    --m_chartsInFlight;
    if (error) {
        ++m_chartsFailed;
        if (m_chartError.isEmpty())
            m_chartError = error->message;
        Q_EMIT chartFailed(assetId, error->message);
    } else {
        ++m_chartsStored;
        Q_EMIT chartStored(assetId);
    }
    fetchMore();
}

void AccountSync::finishLater()
{
    // Never from inside the fetcher's signal: the receiver may delete the sync.
    QMetaObject::invokeMethod(this, &AccountSync::finished, Qt::QueuedConnection);
}
