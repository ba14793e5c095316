#pragma once

#include "app/looker/lookerconfig.h"
#include "app/net/apierror.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class ApiCall;
class QNetworkAccessManager;

// The connection to one Looker instance: its configuration and the API access token.
// `POST /api/4.0/login` with the form-encoded client_id and client_secret answers
// {access_token, token_type, expires_in}; calls then send `Authorization: token <access_token>`.
// A token is renewed before it expires (when less than renewBeforeSeconds, or a quarter of its
// lifetime, is left) and after the server refused it (invalidate()). Calls that want a token
// while a login is under way wait for that one login.
class LookerSession : public QObject
{
    Q_OBJECT
public:
    // The token, or why there is none (the login failed).
    using TokenCallback
        = std::function<void(const QString &token, const std::optional<ApiError> &)>;

    LookerSession(QNetworkAccessManager &network, LookerConfig config, QObject *parent = nullptr);
    ~LookerSession() override;

    const LookerConfig &config() const { return m_config; }
    QNetworkAccessManager &network() { return m_network; }

    // Calls `callback` with a usable token: at once when the current one is fresh, else after a
    // login (shared by all callers waiting meanwhile). Nothing is called once `context` is gone.
    void withToken(QObject *context, TokenCallback callback);
    // The server refused `token` (HTTP 401): the next withToken() logs in again.
    void invalidate(const QString &token);
    bool hasFreshToken() const;
    int loginCount() const { return m_logins; }

    // The agent Chartroom found or created for the configured sources (LookerAgentResolver),
    // kept for the session's later conversations; empty until then.
    QString provisionedAgentId() const { return m_provisionedAgentId; }
    void setProvisionedAgentId(const QString &agentId) { m_provisionedAgentId = agentId; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback callback;
    };

    void login();
    void onLoginSucceeded(const QByteArray &body);
    void finishLogin(const std::optional<ApiError> &error);

    QNetworkAccessManager &m_network;
    LookerConfig m_config;
    QString m_token;
    QDeadlineTimer m_renewAt; // when the token counts as about to expire
    QPointer<ApiCall> m_login;
    QList<Waiter> m_waiting;
    QString m_provisionedAgentId;
    int m_logins = 0;
};
