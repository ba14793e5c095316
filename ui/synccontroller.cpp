#include "synccontroller.h"

#include "backendcontroller.h"
#include "chartdatafetcher.h"
#include "lookersyncsource.h"
#include "luzmosyncsource.h"
#include "repository.h"
#include "syncengine.h"

#include <QAction>
#include <QProgressBar>
#include <QStatusBar>

namespace {
// Chart data queries sent at once, and the most charts fetched after one sync.
constexpr int parallelFetches = 3;
constexpr int maxCharts = 10000;
} // namespace

SyncController::SyncController(
    Repository &repository, BackendController &backends, QStatusBar &statusBar, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_backends(backends)
    , m_statusBar(statusBar)
    , m_action(new QAction(tr("&Sync History"), this))
    , m_progress(new QProgressBar)
{
    m_action->setObjectName(u"actionSyncHistory"_qs);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_action->setStatusTip(tr("Pull the conversations of your Luzmo accounts into this computer"));
    connect(m_action, &QAction::triggered, this, &SyncController::syncAll);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_statusBar.addPermanentWidget(m_progress);
}

SyncController::~SyncController() = default;

bool SyncController::isRunning() const
{
    return !m_current.isEmpty();
}

QStringList SyncController::syncableAccounts() const
{
    QStringList ids;
    for (const Account &account : m_backends.settings().accounts) {
        if ((account.kind == Account::Kind::Luzmo && m_backends.clientFor(account.id))
            || (account.kind == Account::Kind::Looker && m_backends.lookerSessionFor(account.id)))
            ids << account.id;
    }
    return ids;
}

void SyncController::syncAtStartup()
{
    if (!syncableAccounts().isEmpty())
        syncAll();
}

int SyncController::syncAll()
{
    if (isRunning())
        return 0;
    m_queue = syncableAccounts();
    m_synced = m_failed = 0;
    const int count = int(m_queue.size());
    if (count == 0) {
        m_statusBar.showMessage(tr("No Luzmo or Looker account to sync (Settings…)."), 6000);
        return 0;
    }
    m_action->setEnabled(false);
    next();
    return count;
}

void SyncController::next()
{
    m_fetcher.reset();
    m_engine.reset();
    m_source.reset();
    if (m_queue.isEmpty()) {
        m_current.clear();
        m_progress->hide();
        m_action->setEnabled(true);
        Q_EMIT allFinished(m_synced, m_failed);
        return;
    }
    m_current = m_queue.takeFirst();
    if (LuzmoClient *client = m_backends.clientFor(m_current)) {
        m_source = std::make_unique<LuzmoSyncSource>(*client, m_current);
    } else if (LookerSession *looker = m_backends.lookerSessionFor(m_current)) {
        m_source = std::make_unique<LookerSyncSource>(*looker, m_current);
    } else {
        ++m_failed;
        next();
        return;
    }
    m_engine = std::make_unique<SyncEngine>(m_repository, *m_source);
    connect(m_engine.get(), &SyncEngine::progressChanged, this, &SyncController::onProgress);
    connect(m_engine.get(), &SyncEngine::finished, this, &SyncController::onFinished);
    connect(m_engine.get(), &SyncEngine::failed, this, &SyncController::onFailed);
    m_progress->setRange(0, 0); // busy until the backend says how many
    m_progress->show();
    m_statusBar.showMessage(tr("Syncing history…"));
    m_engine->start();
}

void SyncController::onProgress(const SyncProgress &progress)
{
    if (progress.conversationsTotal > 0) {
        m_progress->setRange(0, progress.conversationsTotal);
        m_progress->setValue(progress.conversationsDone);
    }
    m_progress->setFormat(tr("%1 messages").arg(progress.messagesDone));
}

void SyncController::onFinished(const SyncReport &report)
{
    ++m_synced;
    m_summary = report.summary();
    m_statusBar.showMessage(m_summary, 8000);
    QMetaObject::invokeMethod(this, &SyncController::fetchSnapshots, Qt::QueuedConnection);
}

void SyncController::onFailed(const SyncError &error)
{
    ++m_failed;
    m_statusBar.showMessage(tr("Sync stopped: %1").arg(error.message), 12000);
    QMetaObject::invokeMethod(this, &SyncController::next, Qt::QueuedConnection);
}

void SyncController::fetchSnapshots()
{
    m_charts.clear();
    m_chartError.clear();
    m_chartsTotal = m_chartsInFlight = m_chartsStored = m_chartsFailed = 0;
    const StoreResult<QList<Asset>> assets
        = m_repository.assetsWithoutSnapshot(m_current, maxCharts);
    if (!assets) {
        m_statusBar.showMessage(tr("%1 The charts' data could not be fetched: %2")
                                    .arg(m_summary, assets.error().message),
            12000);
        next();
        return;
    }
    for (const Asset &asset : *assets)
        m_charts << asset.id;
    m_chartsTotal = int(m_charts.size());
    if (m_chartsTotal == 0) {
        next();
        return;
    }
    m_fetcher = std::make_unique<ChartDataFetcher>(m_repository);
    connect(m_fetcher.get(), &ChartDataFetcher::fetched, this, [this] { onSnapshotDone(nullptr); });
    connect(m_fetcher.get(), &ChartDataFetcher::failed, this,
        [this](qint64, const ChartError &error) { onSnapshotDone(&error); });
    m_progress->setRange(0, m_chartsTotal);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v/%m charts"));
    m_statusBar.showMessage(m_chartsTotal == 1
            ? tr("Storing the data of 1 chart for offline use…")
            : tr("Storing the data of %1 charts for offline use…").arg(m_chartsTotal));
    fetchMoreSnapshots();
}

void SyncController::fetchMoreSnapshots()
{
    while (m_chartsInFlight < parallelFetches && !m_charts.isEmpty()) {
        const qint64 assetId = m_charts.takeFirst();
        LuzmoClient *client = m_backends.clientFor(m_current);
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
        finishSnapshots();
}

void SyncController::onSnapshotDone(const ChartError *error)
{
    --m_chartsInFlight;
    if (error) {
        ++m_chartsFailed;
        if (m_chartError.isEmpty())
            m_chartError = error->message;
    } else {
        ++m_chartsStored;
    }
    m_progress->setValue(m_chartsStored + m_chartsFailed);
    fetchMoreSnapshots();
}

void SyncController::finishSnapshots()
{
    QString message = m_summary + u' '
        + (m_chartsStored == 1 ? tr("Stored the data of 1 chart.")
                               : tr("Stored the data of %1 charts.").arg(m_chartsStored));
    if (m_chartsFailed > 0) {
        message += u' '
            + (m_chartsFailed == 1 ? tr("1 chart could not be fetched: %1").arg(m_chartError)
                                   : tr("%1 charts could not be fetched: %2")
                                         .arg(QString::number(m_chartsFailed), m_chartError));
    }
    m_statusBar.showMessage(message, m_chartsFailed > 0 ? 12000 : 8000);
    // Not from inside the fetcher's signal: it is destroyed by next().
    QMetaObject::invokeMethod(this, &SyncController::next, Qt::QueuedConnection);
}
