#pragma once

#include "app/accounts/accountsettings.h"

#include <QObject>

#include <memory>
#include <vector>

class AccountBackend;
class Backend;
class ChatSession;
class LookerSession;
class LuzmoClient;
class QNetworkAccessManager;
class QSettings;
class SecretStore;

// Turns the accounts into the chat session's backends: one AccountBackend per remote account
// (its id is the account id), the built-in local server's backend for "local" (handed in by the
// entry point with setLocalBackend()). The default account answers new conversations; a
// resolver routes every other conversation to the account it started with. Accounts are saved
// in QSettings without secrets (AccountStore); secrets go to the SecretStore (the keychain, or
// memory when there is none) and are read back asynchronously after restore(): a question asked
// meanwhile waits for its secret. Also installs the proxy choice (loopback always direct).
// Owned by the entry point; not a singleton.
class BackendRegistry : public QObject
{
    Q_OBJECT
public:
    // `secrets` (not owned) is the keychain; nullptr: a private memory-only store, so tests and
    // tools never touch the person's keychain.
    BackendRegistry(ChatSession &session, QNetworkAccessManager &network, QSettings &settings,
        SecretStore *secrets = nullptr, QObject *parent = nullptr);
    ~BackendRegistry() override;

    // Loads the saved accounts (migrating older single-backend settings) and starts reading
    // their secrets.
    void restore();
    // Saves `settings` (secrets to the SecretStore only) and applies them to the session.
    void apply(const AccountSettings &settings);
    // The accounts with the secrets known so far.
    AccountSettings settings() const { return m_settings; }
    // Whether any secret is still being read from the keychain.
    bool secretsLoading() const { return !m_loading.isEmpty(); }

    // The built-in local server's backend (not owned; nullptr: not available).
    void setLocalBackend(Backend *backend);
    bool hasLocalBackend() const { return m_local != nullptr; }
    Backend *activeBackend() const;
    // The backend of a stored conversation backend id ("local", an account id, or "luzmo" from
    // older versions); nullptr when that account no longer exists.
    Backend *backendFor(const QString &id) const;
    // The Luzmo client of backend `id`, for chart data queries; nullptr when there is none.
    LuzmoClient *clientFor(const QString &id) const;
    // The Looker session of account `id`, for sync; nullptr when it is not a ready Looker account.
    LookerSession *lookerSessionFor(const QString &id) const;
    // For people: "Luzmo EU (Luzmo at https://api.luzmo.com)", "Local (built in)", ...
    QString description() const;
    // The same for the account of a stored conversation's backend id (empty: the default), or
    // "a removed account" when it no longer exists.
    QString description(const QString &backendId) const;
    SecretStore &secrets() const { return *m_secrets; }
    // False once the keychain was found missing (or for a memory-only store).
    bool keychainAvailable() const;

Q_SIGNALS:
    void changed();
    // A secret could not be read or kept (e.g. no keychain), in words.
    void secretProblem(const QString &message);

private:
    void rebuild();
    void readSecrets();
    void storeSecrets(const AccountSettings &previous);
    void applyProxy();
    AccountBackend *accountBackend(const QString &id) const;
    QString describe(const Account &account) const;

    ChatSession &m_session;
    QNetworkAccessManager &m_network;
    QSettings &m_store;
    std::unique_ptr<SecretStore> m_ownSecrets;
    SecretStore *m_secrets;
    AccountSettings m_settings;
    QStringList m_loading; // ids (or ProxySettings::secretKey) whose secret is being read
    Backend *m_local = nullptr;
    std::vector<std::unique_ptr<AccountBackend>> m_backends;
    // Replaced while an answer was arriving: kept until it has ended.
    std::vector<std::unique_ptr<AccountBackend>> m_retired;
};
