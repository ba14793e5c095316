#include "synccontroller.h"

#include "backendcontroller.h"
#include "luzmosyncsource.h"
#include "syncengine.h"

#include <QAction>
#include <QProgressBar>
#include <QStatusBar>

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
        if (account.kind == Account::Kind::Luzmo && m_backends.clientFor(account.id))
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
        m_statusBar.showMessage(tr("No Luzmo account to sync (Settings…)."), 6000);
        return 0;
    }
    m_action->setEnabled(false);
    next();
    return count;
}

void SyncController::next()
{
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
    LuzmoClient *client = m_backends.clientFor(m_current);
    if (!client) {
        ++m_failed;
        next();
        return;
    }
    m_source = std::make_unique<LuzmoSyncSource>(*client, m_current);
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
    m_statusBar.showMessage(report.summary(), 8000);
    QMetaObject::invokeMethod(this, &SyncController::next, Qt::QueuedConnection);
}

void SyncController::onFailed(const SyncError &error)
{
    ++m_failed;
    m_statusBar.showMessage(tr("Sync stopped: %1").arg(error.message), 12000);
    QMetaObject::invokeMethod(this, &SyncController::next, Qt::QueuedConnection);
}
