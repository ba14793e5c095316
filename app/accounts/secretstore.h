#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

// Why a secret could not be read or written.
struct SecretError
{
    enum class Code {
        Unavailable, // no keychain service: the secret is kept in memory until the app quits
        Denied, // the keychain refused (locked, or the person said no)
        Failed, // anything else the keychain reported
    };
    Code code = Code::Failed;
    QString message; // for people; never contains the secret
};

struct SecretResult
{
    QString secret; // empty: none stored
    std::optional<SecretError> error;
};

// Secrets in the OS keychain through QtKeychain (service "Chartroom" by default, one entry per
// key: an account id, or "proxy"), with a memory copy of everything read or written. When no
// keychain service exists (the first job fails with NoBackendAvailable, NotImplemented or
// OtherError) it says so once (available() turns false, availabilityChanged()) and keeps secrets
// in memory only. Mode::MemoryOnly never touches the keychain (tests, or a person's choice).
// Never logs a secret.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Keychain, MemoryOnly };
    enum class Availability { Unknown, Available, Unavailable };

    explicit SecretStore(Mode mode = Mode::Keychain, QString service = QStringLiteral("Chartroom"),
        QObject *parent = nullptr);

    // `done` is called once, later (never inside the call), unless `context` is gone by then.
    void read(const QString &key, QObject *context, std::function<void(const SecretResult &)> done);
    // An empty `secret` removes the entry.
    void write(const QString &key, const QString &secret, QObject *context = nullptr,
        std::function<void(const std::optional<SecretError> &)> done = {});
    void remove(const QString &key, QObject *context = nullptr,
        std::function<void(const std::optional<SecretError> &)> done = {});
    // The memory copy, when the secret has been read or written in this run.
    std::optional<QString> cached(const QString &key) const;

    Mode mode() const { return m_mode; }
    Availability availability() const { return m_availability; }
    bool keychainUnavailable() const { return m_availability == Availability::Unavailable; }
    QString service() const { return m_service; }
    // "No keychain is available: the secret is kept in memory until Chartroom quits."
    static QString unavailableMessage();

Q_SIGNALS:
    void availabilityChanged(SecretStore::Availability availability);

private:
    bool usesKeychain() const;
    // Maps a QtKeychain error (not NoError/EntryNotFound) to ours, updating availability.
    SecretError failure(int keychainError, const QString &detail);
    void setAvailability(Availability availability);

    Mode m_mode;
    QString m_service;
    Availability m_availability = Availability::Unknown;
    QHash<QString, QString> m_memory;
};
