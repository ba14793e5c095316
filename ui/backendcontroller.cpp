#include "backendcontroller.h"

#include "chatsession.h"
#include "luzmobackend.h"

#include <QSettings>

BackendController::BackendController(
    ChatSession &session, QNetworkAccessManager &network, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_network(network)
    , m_store(settings)
{
    connect(&m_session, &ChatSession::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_retired.clear();
    });
}

BackendController::~BackendController()
{
    if (m_session.backend() == activeBackend())
        m_session.setBackend(nullptr);
}

void BackendController::restore()
{
    m_settings = BackendSettings::load(m_store);
    applyToSession();
}

void BackendController::apply(const BackendSettings &settings)
{
    m_settings = settings;
    m_settings.save(m_store);
    applyToSession();
}

void BackendController::setLocalBackend(Backend *backend)
{
    m_local = backend;
    if (m_settings.kind == BackendSettings::Kind::Local)
        applyToSession();
}

Backend *BackendController::activeBackend() const
{
    if (m_settings.kind == BackendSettings::Kind::Luzmo)
        return m_luzmo.get();
    return m_local;
}

LuzmoClient *BackendController::clientFor(const QString &id) const
{
    if (id == u"luzmo")
        return m_luzmo ? &m_luzmo->client() : nullptr;
    auto *local = dynamic_cast<LuzmoBackend *>(m_local);
    return local ? &local->client() : nullptr;
}

QString BackendController::description() const
{
    if (m_settings.kind == BackendSettings::Kind::Local) {
        return m_local ? tr("Local (built in)")
                       : tr("Local (built in) — not available in this version yet");
    }
    if (!m_luzmo)
        return tr("Luzmo — the address is not valid (Settings)");
    if (m_settings.key.isEmpty() || m_settings.token.isEmpty())
        return tr("%1 — needs an API key and token (Settings)").arg(m_luzmo->displayName());
    return m_luzmo->displayName();
}

void BackendController::applyToSession()
{
    if (m_luzmo) {
        if (m_session.isBusy())
            m_retired.push_back(std::move(m_luzmo));
        m_luzmo.reset();
    }
    if (m_settings.kind == BackendSettings::Kind::Luzmo
        && BackendSettings::hostProblem(m_settings.host).isEmpty()) {
        LuzmoConfig config;
        config.host = m_settings.hostUrl();
        if (!m_settings.apiVersion.trimmed().isEmpty())
            config.apiVersion = m_settings.apiVersion.trimmed();
        config.key = m_settings.key.trimmed();
        config.token = m_settings.token;
        m_luzmo = std::make_unique<LuzmoBackend>(m_network, config);
    }
    m_session.setBackend(activeBackend());
    m_session.setAgent(m_settings.agent, m_settings.task);
    m_session.setStreaming(m_settings.stream);
    Q_EMIT changed();
}
