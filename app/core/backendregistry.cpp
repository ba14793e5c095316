#include "app/core/backendregistry.h"

#include "app/accounts/accountstore.h"
#include "app/accounts/proxyfactory.h"
#include "app/accounts/secretstore.h"
#include "app/core/accountbackend.h"
#include "app/core/chatsession.h"

#include <QSettings>

BackendRegistry::BackendRegistry(ChatSession &session, QNetworkAccessManager &network,
    QSettings &settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_network(network)
    , m_store(settings)
    , m_ownSecrets(secrets ? nullptr : std::make_unique<SecretStore>(SecretStore::Mode::MemoryOnly))
    , m_secrets(secrets ? secrets : m_ownSecrets.get())
{
    connect(&m_session, &ChatSession::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_retired.clear();
    });
    m_session.setBackendResolver([this](const QString &id) { return backendFor(id); });
}

BackendRegistry::~BackendRegistry()
{
    m_session.setBackendResolver({});
    m_session.setBackend(nullptr);
}

void BackendRegistry::restore()
{
    m_settings = AccountStore::load(m_store);
    // Known before the backends are built, so each one waits for its secret.
    m_loading.clear();
    for (const Account &a : std::as_const(m_settings.accounts)) {
        if (a.hasSecret())
            m_loading.append(a.id);
    }
    // Always read, also to learn early whether a keychain exists (Settings says so).
    m_loading.append(ProxySettings::secretKey);
    rebuild();
    readSecrets();
}

void BackendRegistry::apply(const AccountSettings &settings)
{
    const AccountSettings previous = m_settings;
    m_settings = settings;
    m_settings.normalize();
    // A secret still being read that the dialog did not set stays as it is in the keychain.
    for (Account &a : m_settings.accounts) {
        if (m_loading.contains(a.id) && a.secret.isEmpty())
            continue;
        m_loading.removeAll(a.id);
    }
    if (!m_settings.proxy.password.isEmpty())
        m_loading.removeAll(ProxySettings::secretKey);
    AccountStore::save(m_store, m_settings);
    storeSecrets(previous);
    rebuild();
}

void BackendRegistry::setLocalBackend(Backend *backend)
{
    m_local = backend;
    rebuild();
}

AccountBackend *BackendRegistry::accountBackend(const QString &id) const
{
    for (const auto &b : m_backends) {
        if (b->id() == id)
            return b.get();
    }
    return nullptr;
}

Backend *BackendRegistry::backendFor(const QString &id) const
{
    const Account *account = m_settings.resolve(id);
    if (!account)
        return nullptr;
    if (account->isLocal())
        return m_local;
    return accountBackend(account->id);
}

Backend *BackendRegistry::activeBackend() const
{
    return backendFor(m_settings.defaultAccount().id);
}

LuzmoClient *BackendRegistry::clientFor(const QString &id) const
{
    const Account *account = m_settings.resolve(id);
    if (account && !account->isLocal()) {
        AccountBackend *backend = accountBackend(account->id);
        return backend ? backend->luzmoClient() : nullptr;
    }
    return m_local ? m_local->luzmoClient() : nullptr;
}

LookerSession *BackendRegistry::lookerSessionFor(const QString &id) const
{
    const Account *account = m_settings.resolve(id);
    AccountBackend *backend
        = account && !account->isLocal() ? accountBackend(account->id) : nullptr;
    return backend ? backend->lookerSession() : nullptr;
}

bool BackendRegistry::keychainAvailable() const
{
    return !m_secrets->keychainUnavailable();
}

QString BackendRegistry::description() const
{
    return describe(m_settings.defaultAccount());
}

QString BackendRegistry::description(const QString &backendId) const
{
    if (backendId.isEmpty())
        return description();
    const Account *account = m_settings.resolve(backendId);
    return account ? describe(*account) : tr("a removed account");
}

QString BackendRegistry::describe(const Account &a) const
{
    if (a.isLocal()) {
        return m_local ? tr("Local (built in)") : tr("Local (built in) — not running");
    }
    if (const QString p = a.problem(); !p.isEmpty())
        return tr("%1 — %2 (Settings)").arg(a.description(), p);
    if (m_loading.contains(a.id))
        return tr("%1 — reading the %2 from the keychain…")
            .arg(a.description(), Account::secretLabel(a.kind).toLower());
    if (a.secret.isEmpty())
        return tr("%1 — needs its %2 (Settings)")
            .arg(a.description(), Account::secretLabel(a.kind).toLower());
    return a.description();
}

void BackendRegistry::rebuild()
{
    for (auto &b : m_backends) {
        if (m_session.isBusy())
            m_retired.push_back(std::move(b));
    }
    m_backends.clear();
    const bool noKeychain
        = !keychainAvailable() && m_secrets->mode() == SecretStore::Mode::Keychain;
    for (const Account &a : m_settings.accounts) {
        if (a.isLocal())
            continue;
        auto backend = std::make_unique<AccountBackend>(m_network, a);
        backend->setKeychainUnavailable(
            noKeychain && m_secrets->mode() == SecretStore::Mode::Keychain);
        if (!m_loading.contains(a.id))
            backend->setSecret(a.secret);
        m_backends.push_back(std::move(backend));
    }
    const Account &local = m_settings.accounts.first();
    m_session.setBackend(activeBackend());
    m_session.setAgent(local.agent, local.task);
    m_session.setStreaming(m_settings.stream);
    applyProxy();
    Q_EMIT changed();
}

void BackendRegistry::readSecrets()
{
    const QStringList keys = m_loading;
    for (const QString &key : keys) {
        m_secrets->read(key, this, [this, key](const SecretResult &result) {
            if (!m_loading.removeAll(key))
                return; // set in Settings meanwhile, or the account is gone
            if (key == ProxySettings::secretKey) {
                m_settings.proxy.password = result.secret;
                applyProxy();
            }
            for (Account &a : m_settings.accounts) {
                if (a.id == key)
                    a.secret = result.secret;
            }
            if (AccountBackend *backend = accountBackend(key)) {
                backend->setKeychainUnavailable(
                    !keychainAvailable() && m_secrets->mode() == SecretStore::Mode::Keychain);
                if (result.error && result.error->code != SecretError::Code::Unavailable)
                    backend->setSecretError(result.error->message);
                else
                    backend->setSecret(result.secret);
            }
            if (result.error)
                Q_EMIT secretProblem(result.error->message);
            Q_EMIT changed();
        });
    }
}

void BackendRegistry::storeSecrets(const AccountSettings &previous)
{
    auto report = [this](const std::optional<SecretError> &error) {
        if (error)
            Q_EMIT secretProblem(error->message);
    };
    for (const Account &old : previous.accounts) {
        if (old.hasSecret() && !m_settings.find(old.id))
            m_secrets->remove(old.id, this, report);
    }
    for (const Account &a : m_settings.accounts) {
        if (!a.hasSecret() || m_loading.contains(a.id))
            continue;
        const Account *old = previous.find(a.id);
        if (!old || old->secret != a.secret)
            m_secrets->write(a.id, a.secret, this, report);
    }
    const bool manual = m_settings.proxy.mode == ProxySettings::Mode::Manual;
    if (!m_loading.contains(ProxySettings::secretKey)
        && previous.proxy.password != m_settings.proxy.password)
        m_secrets->write(
            ProxySettings::secretKey, manual ? m_settings.proxy.password : QString(), this, report);
}

void BackendRegistry::applyProxy()
{
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyFactory(m_settings.proxy));
}
