#include "app/core/connectivity.h"

#include "app/net/apierror.h"

#include <QNetworkInformation>
#include <QTimer>

#include <algorithm>

Connectivity::Connectivity(QObject *parent)
    : QObject(parent)
{
}

Connectivity::~Connectivity() = default;

bool Connectivity::useSystemReachability()
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return false;
    const auto apply = [this](QNetworkInformation::Reachability reachability) {
        // Unknown counts as online: only a clear "disconnected" holds prompts back.
        setSystemOnline(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
    return true;
}

void Connectivity::setSystemOnline(bool online)
{
    if (online == m_systemOnline)
        return;
    m_systemOnline = online;
    Q_EMIT offlineChanged(QString(), !online);
    if (!online)
        return;
    // Back on the network: try the backends that failed right away instead of waiting.
    const QStringList failed = failedBackends();
    for (const QString &id : failed)
        Q_EMIT probeDue(id);
}

bool Connectivity::isRemote(const QString &backendId)
{
    return backendId != u"local";
}

bool Connectivity::isOffline(const QString &backendId) const
{
    if (!isRemote(backendId))
        return false;
    return !m_systemOnline || m_failed.contains(backendId);
}

QStringList Connectivity::failedBackends() const
{
    QStringList ids = m_failed.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

int Connectivity::nextProbeDelay(const QString &backendId) const
{
    const auto it = m_failed.constFind(backendId);
    if (it == m_failed.cend())
        return 0;
    const int doublings = std::min((*it)->failures - 1, 16);
    return int(std::min<qint64>(qint64(m_probeIntervalMs) << std::max(doublings, 0),
        std::max(maxProbeIntervalMs, m_probeIntervalMs)));
}

void Connectivity::reportFailure(const QString &backendId, const ApiError &error)
{
    if (!isRemote(backendId)
        || (error.code != ApiError::Code::Network && error.code != ApiError::Code::Timeout))
        return;
    auto it = m_failed.find(backendId);
    const bool added = it == m_failed.end();
    if (added)
        it = m_failed.insert(backendId, std::make_shared<Probe>());
    std::shared_ptr<Probe> probe = *it;
    ++probe->failures;
    schedule(backendId, *probe);
    if (added)
        Q_EMIT offlineChanged(backendId, true);
}

void Connectivity::reportSuccess(const QString &backendId)
{
    std::shared_ptr<Probe> probe = m_failed.take(backendId);
    if (!probe)
        return;
    // The timer may be the one whose timeout led here: delete it later.
    if (probe->timer) {
        probe->timer->stop();
        probe->timer.release()->deleteLater();
    }
    Q_EMIT offlineChanged(backendId, false);
}

void Connectivity::schedule(const QString &backendId, Probe &probe)
{
    if (!probe.timer) {
        probe.timer = std::make_unique<QTimer>();
        probe.timer->setSingleShot(true);
        connect(probe.timer.get(), &QTimer::timeout, this, [this, backendId] {
            // Off the network altogether: probing is pointless until it comes back.
            if (m_systemOnline)
                Q_EMIT probeDue(backendId);
            // A probe that fails reports it and reschedules; one that cannot be made (nothing
            // queued, busy) waits for the next round.
            if (auto it = m_failed.find(backendId);
                it != m_failed.end() && !(*it)->timer->isActive())
                (*it)->timer->start(nextProbeDelay(backendId));
        });
    }
    probe.timer->start(nextProbeDelay(backendId));
}
