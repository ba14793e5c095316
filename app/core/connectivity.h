#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

class QTimer;
struct ApiError;

// Whether each backend can be reached right now, from two sources: the system's reachability
// (QNetworkInformation, when a backend plugin exists: on Linux only while NetworkManager runs;
// without one the system counts as online) and request failures reported by the chat session (a
// Network or Timeout error marks that backend offline). A backend marked offline is probed
// again after probeIntervalMs, doubling after each failed probe up to maxProbeIntervalMs:
// probeDue() asks the outbox sender to try the first queued prompt. The built-in "local"
// backend (on 127.0.0.1) is never offline.
class Connectivity : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultProbeIntervalMs = 15'000;
    static constexpr int maxProbeIntervalMs = 5 * 60'000;

    explicit Connectivity(QObject *parent = nullptr);
    ~Connectivity() override;

    // Follows QNetworkInformation's reachability; false when no backend plugin is available.
    bool useSystemReachability();
    // The system's view (QNetworkInformation, or a test).
    void setSystemOnline(bool online);
    bool isSystemOnline() const { return m_systemOnline; }

    // Whether prompts for `backendId` should wait in the outbox.
    bool isOffline(const QString &backendId) const;
    // Backends marked offline by failures, sorted.
    QStringList failedBackends() const;
    static bool isRemote(const QString &backendId);

    // A request to `backendId` ended with `error`: Network and Timeout mark it offline (again).
    void reportFailure(const QString &backendId, const ApiError &error);
    // A request to `backendId` got a response: it is reachable.
    void reportSuccess(const QString &backendId);

    void setProbeInterval(int ms) { m_probeIntervalMs = ms; }
    int probeInterval() const { return m_probeIntervalMs; }
    // The delay before the next probe of `backendId` (0 when it is not marked offline).
    int nextProbeDelay(const QString &backendId) const;

Q_SIGNALS:
    // `backendId` became reachable or not; empty: the system's reachability changed.
    void offlineChanged(const QString &backendId, bool offline);
    // Time to try `backendId` again.
    void probeDue(const QString &backendId);

private:
    struct Probe
    {
        std::unique_ptr<QTimer> timer;
        int failures = 0;
    };
    void schedule(const QString &backendId, Probe &probe);

    QHash<QString, std::shared_ptr<Probe>> m_failed;
    bool m_systemOnline = true;
    int m_probeIntervalMs = defaultProbeIntervalMs;
};
