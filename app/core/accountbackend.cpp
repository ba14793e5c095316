#include "app/core/accountbackend.h"

#include "app/core/backendfactory.h"
#include "app/core/deferredanswerstream.h"

#include <QObject>

using namespace Qt::StringLiterals;

AccountBackend::AccountBackend(QNetworkAccessManager &network, Account account)
    : m_network(network)
    , m_account(std::move(account))
{
    if (!m_account.hasSecret())
        setSecret(m_account.secret);
}

AccountBackend::~AccountBackend() = default;

QString AccountBackend::displayName() const
{
    return m_account.description();
}

PromptRequest AccountBackend::adjusted(const PromptRequest &request) const
{
    PromptRequest r = request;
    if (m_account.kind == Account::Kind::Luzmo || m_account.kind == Account::Kind::Local) {
        r.agent = m_account.agent;
        r.task = m_account.agent == u"analyst" ? u"generate"_s : m_account.task;
    }
    return r;
}

QString AccountBackend::validate(const PromptRequest &request) const
{
    if (!m_secretError.isEmpty())
        return m_secretError;
    if (const QString p = m_account.problem(); !p.isEmpty())
        return QObject::tr("The account “%1” cannot be used yet: %2 (Settings)")
            .arg(m_account.name, p);
    if (m_loading)
        return request.text.trimmed().isEmpty() ? QObject::tr("Type a question first.") : QString();
    if (!m_inner)
        return QObject::tr("The account “%1” cannot be used (Settings).").arg(m_account.name);
    QString problem = m_inner->validate(adjusted(request));
    if (!problem.isEmpty() && m_noKeychain && m_account.hasSecret() && m_account.secret.isEmpty()) {
        problem += u' '
            + QObject::tr("No keychain is available, so secrets are not kept after Chartroom "
                          "quits.");
    }
    return problem;
}

AnswerStream *AccountBackend::ask(const PromptRequest &request, QObject *parent)
{
    if (!m_loading && m_inner)
        return m_inner->ask(adjusted(request), parent);
    auto *stream = new DeferredAnswerStream(parent);
    if (!m_loading) {
        stream->fail(ApiErrors::make(ApiError::Code::Usage, validate(request)));
        return stream;
    }
    m_waiting.append(stream);
    m_waitingRequests.append(request);
    return stream;
}

void AccountBackend::setSecret(const QString &secret)
{
    m_account.secret = secret;
    m_loading = false;
    m_secretError.clear();
    build();
    const auto waiting = std::exchange(m_waiting, {});
    const auto requests = std::exchange(m_waitingRequests, {});
    for (qsizetype i = 0; i < waiting.size(); ++i) {
        DeferredAnswerStream *stream = waiting.at(i);
        if (!stream || !stream->isWaiting())
            continue;
        const QString problem = validate(requests.at(i));
        if (!problem.isEmpty() || !m_inner)
            stream->fail(ApiErrors::make(ApiError::Code::Auth, problem));
        else
            stream->start(m_inner->ask(adjusted(requests.at(i)), stream));
    }
}

void AccountBackend::setSecretError(const QString &message)
{
    m_loading = false;
    m_secretError = message;
    const auto waiting = std::exchange(m_waiting, {});
    m_waitingRequests.clear();
    for (const auto &stream : waiting) {
        if (stream)
            stream->fail(ApiErrors::make(ApiError::Code::Auth, message));
    }
}

LuzmoClient *AccountBackend::luzmoClient()
{
    return m_inner ? m_inner->luzmoClient() : nullptr;
}

LookerSession *AccountBackend::lookerSession()
{
    return m_inner ? m_inner->lookerSession() : nullptr;
}

void AccountBackend::build()
{
    m_inner = nullptr;
    m_owned.reset();
    if (!m_account.problem().isEmpty())
        return;
    // Local: nullptr, the built-in server's backend is made by the entry point.
    m_owned = BackendFactory::create(m_network, m_account);
    m_inner = m_owned.get();
}
