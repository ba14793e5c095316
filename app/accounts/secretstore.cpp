#include "app/accounts/secretstore.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace {
template<typename F> void later(QObject *context, QObject *fallback, F f)
{
    QTimer::singleShot(0, context ? context : fallback, std::move(f));
}

// `done`, called only while `context` lives (always when there is none).
template<typename Result> auto guarded(QObject *context, std::function<void(const Result &)> done)
{
    return [guard = QPointer<QObject>(context), hasContext = context != nullptr,
               done = std::move(done)](const Result &result) {
        if (done && (!hasContext || guard))
            done(result);
    };
}
} // namespace

SecretStore::SecretStore(Mode mode, QString service, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
    , m_service(std::move(service))
{
    if (m_mode == Mode::MemoryOnly)
        m_availability = Availability::Unavailable;
}

QString SecretStore::unavailableMessage()
{
    return tr("No keychain is available: the secret is kept in memory until Chartroom quits.");
}

std::optional<QString> SecretStore::cached(const QString &key) const
{
    const auto it = m_memory.constFind(key);
    return it == m_memory.constEnd() ? std::nullopt : std::optional<QString>(*it);
}

bool SecretStore::usesKeychain() const
{
    return m_mode == Mode::Keychain && m_availability != Availability::Unavailable;
}

void SecretStore::setAvailability(Availability availability)
{
    if (m_availability == availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged(availability);
}

SecretError SecretStore::failure(int keychainError, const QString &detail)
{
    const auto error = static_cast<QKeychain::Error>(keychainError);
    const bool firstUse = m_availability == Availability::Unknown;
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || (error == QKeychain::OtherError && firstUse)) {
        setAvailability(Availability::Unavailable);
        return { SecretError::Code::Unavailable, unavailableMessage() };
    }
    if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser)
        return { SecretError::Code::Denied,
            tr("The keychain refused access to Chartroom's secret (it may be locked): %1")
                .arg(detail) };
    return { SecretError::Code::Failed, tr("The keychain failed: %1").arg(detail) };
}

void SecretStore::read(
    const QString &key, QObject *context, std::function<void(const SecretResult &)> done)
{
    auto deliver = guarded(context, std::move(done));
    if (const auto known = cached(key); known || !usesKeychain()) {
        const SecretResult result { known.value_or(QString()), std::nullopt };
        later(context, this, [deliver, result] { deliver(result); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, deliver] {
        SecretResult result;
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available);
            result.secret = job->error() == QKeychain::NoError ? job->textData() : QString();
            // A write made while the read was under way wins.
            if (const auto known = cached(key))
                result.secret = *known;
            else if (!result.secret.isEmpty())
                m_memory.insert(key, result.secret);
        } else {
            result.error = failure(job->error(), job->errorString());
            result.secret = cached(key).value_or(QString());
        }
        deliver(result);
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context,
    std::function<void(const std::optional<SecretError> &)> done)
{
    if (secret.isEmpty()) {
        remove(key, context, std::move(done));
        return;
    }
    m_memory.insert(key, secret);
    auto deliver = guarded(context, std::move(done));
    if (!usesKeychain()) {
        const std::optional<SecretError> error = m_mode == Mode::Keychain
            ? std::optional<SecretError>(
                SecretError { SecretError::Code::Unavailable, unavailableMessage() })
            : std::nullopt;
        later(context, this, [deliver, error] { deliver(error); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, deliver] {
        if (job->error() == QKeychain::NoError) {
            setAvailability(Availability::Available);
            deliver(std::nullopt);
        } else {
            deliver(failure(job->error(), job->errorString()));
        }
    });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context,
    std::function<void(const std::optional<SecretError> &)> done)
{
    m_memory.remove(key);
    auto deliver = guarded(context, std::move(done));
    if (!usesKeychain()) {
        later(context, this, [deliver] { deliver(std::nullopt); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, deliver] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            deliver(std::nullopt);
        } else {
            deliver(failure(job->error(), job->errorString()));
        }
    });
    job->start();
}
