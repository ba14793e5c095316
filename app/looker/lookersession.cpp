#include "app/looker/lookersession.h"

#include "app/looker/lookererrors.h"
#include "app/looker/lookerlog.h"
#include "app/net/apicall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

LookerSession::LookerSession(QNetworkAccessManager &network, LookerConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
}

LookerSession::~LookerSession() = default;

bool LookerSession::hasFreshToken() const
{
    return !m_token.isEmpty() && !m_renewAt.hasExpired();
}

void LookerSession::withToken(QObject *context, TokenCallback callback)
{
    if (hasFreshToken() && !m_login) {
        callback(m_token, std::nullopt);
        return;
    }
    m_waiting.append({ context, std::move(callback) });
    if (!m_login)
        login();
}

void LookerSession::invalidate(const QString &token)
{
    if (token == m_token) {
        qCInfo(lcLooker) << "Looker refused the access token; logging in again";
        m_token.clear();
    }
}

void LookerSession::login()
{
    ++m_logins;
    m_token.clear();
    QNetworkRequest request(m_config.urlFor(u"login"_s));
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // Credentials in the body, as Looker recommends (query parameters can end up in logs).
    const QByteArray form = "client_id=" + QUrl::toPercentEncoding(m_config.clientId)
        + "&client_secret=" + QUrl::toPercentEncoding(m_config.clientSecret);
    auto *call = new ApiCall(m_network.post(request, form), m_config.limits, false, this);
    m_login = call;
    connect(call, &ApiCall::succeeded, this, &LookerSession::onLoginSucceeded);
    connect(call, &ApiCall::failed, this,
        [this](const ApiError &error) { finishLogin(LookerErrors::loginRefused(error)); });
}

void LookerSession::onLoginSucceeded(const QByteArray &body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString token = answer.value(u"access_token").toString();
    if (token.isEmpty()) {
        finishLogin(ApiErrors::make(ApiError::Code::Protocol,
            tr("Looker's login answer has no access token: is the address a Looker API?")));
        return;
    }
    // expires_in is documented; a missing one is taken as Looker's usual hour.
    const qint64 lifetimeMs = qint64(answer.value(u"expires_in").toDouble(3600)) * 1000;
    const qint64 marginMs
        = qMin<qint64>(qint64(m_config.renewBeforeSeconds) * 1000, lifetimeMs / 4);
    m_token = token;
    m_renewAt = QDeadlineTimer(qMax<qint64>(0, lifetimeMs - marginMs));
    finishLogin(std::nullopt);
}

void LookerSession::finishLogin(const std::optional<ApiError> &error)
{
    if (m_login)
        m_login->deleteLater();
    m_login.clear();
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    const QString token = error ? QString() : m_token;
    for (const Waiter &waiter : waiting) {
        if (waiter.context)
            waiter.callback(token, error);
    }
}
