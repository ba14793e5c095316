#include "ui/synccontroller.h"

#include "app/chat/backend.h"
#include "app/core/accountsync.h"
#include "app/core/backendregistry.h"
#include "app/sync/syncsource.h"

#include <QAction>
#include <QProgressBar>
#include <QStatusBar>

using namespace Qt::StringLiterals;

SyncController::SyncController(
    Repository &repository, BackendRegistry &backends, QStatusBar &statusBar, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_backends(backends)
    , m_statusBar(statusBar)
    , m_action(new QAction(tr("&Sync History"), this))
    , m_progress(new QProgressBar)
{
    m_action->setObjectName(u"actionSyncHistory"_s);
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
    m_sync.reset();
    m_source.reset();
    if (m_queue.isEmpty()) {
        m_current.clear();
        m_progress->hide();
        m_action->setEnabled(true);
        Q_EMIT allFinished(m_synced, m_failed);
        return;
    }
    m_current = m_queue.takeFirst();
    Backend *backend = m_backends.backendFor(m_current);
    m_source = backend ? AccountSync::sourceFor(*backend, m_current) : nullptr;
    if (!m_source) {
        ++m_failed;
        next();
        return;
    }
    AccountSync::ClientLookup charts;
    if (backend->luzmoClient()) {
        // Looked up at each fetch: the account may go away (Settings) meanwhile.
        charts = [this, id = m_current] { return m_backends.clientFor(id); };
    }
    m_sync = std::make_unique<AccountSync>(m_repository, *m_source, std::move(charts));
    connect(m_sync.get(), &AccountSync::progressChanged, this, &SyncController::onProgress);
    connect(m_sync.get(), &AccountSync::synced, this, &SyncController::onSynced);
    connect(m_sync.get(), &AccountSync::chartsUnlisted, this, [this](const QString &message) {
        m_statusBar.showMessage(
            tr("%1 The charts' data could not be fetched: %2").arg(m_summary, message), 12000);
    });
    connect(m_sync.get(), &AccountSync::chartsStarted, this, &SyncController::onChartsStarted);
    const auto chartDone
        = [this] { m_progress->setValue(m_sync->chartsStored() + m_sync->chartsFailed()); };
    connect(m_sync.get(), &AccountSync::chartStored, this, chartDone);
    connect(m_sync.get(), &AccountSync::chartFailed, this, chartDone);
    connect(m_sync.get(), &AccountSync::failed, this, [this](const SyncError &error) {
        ++m_failed;
        m_statusBar.showMessage(tr("Sync stopped: %1").arg(error.message), 12000);
        next();
    });
    connect(m_sync.get(), &AccountSync::finished, this, &SyncController::onFinished);
    m_progress->setRange(0, 0); // busy until the backend says how many
    m_progress->show();
    m_statusBar.showMessage(tr("Syncing history…"));
    m_sync->start();
}

void SyncController::onProgress(const SyncProgress &progress)
{
    if (progress.conversationsTotal > 0) {
        m_progress->setRange(0, progress.conversationsTotal);
        m_progress->setValue(progress.conversationsDone);
    }
    m_progress->setFormat(tr("%1 messages").arg(progress.messagesDone));
}

void SyncController::onSynced(const SyncReport &report)
{
    ++m_synced;
    m_summary = report.summary();
    m_statusBar.showMessage(m_summary, 8000);
}

void SyncController::onChartsStarted(int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v/%m charts"));
    m_statusBar.showMessage(total == 1
            ? tr("Storing the data of 1 chart for offline use…")
            : tr("Storing the data of %1 charts for offline use…").arg(total));
}

void SyncController::onFinished()
{
    if (m_sync->chartsTotal() > 0) {
        const int stored = m_sync->chartsStored();
        const int failed = m_sync->chartsFailed();
        QString message = m_summary + u' '
            + (stored == 1 ? tr("Stored the data of 1 chart.")
                           : tr("Stored the data of %1 charts.").arg(stored));
        if (failed > 0) {
            const QString why = m_sync->firstChartError();
            message += u' '
                + (failed == 1 ? tr("1 chart could not be fetched: %1").arg(why)
                               : tr("%1 charts could not be fetched: %2")
                                     .arg(QString::number(failed), why));
        }
        m_statusBar.showMessage(message, failed > 0 ? 12000 : 8000);
    }
    next();
}
