#include "app/looker/lookercall.h"

#include "app/looker/lookererrors.h"
#include "app/looker/lookerlog.h"
#include "app/looker/lookersession.h"
#include "app/net/apicall.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
constexpr qsizetype maxErrorBody = 256 * 1024;
}

LookerCall::LookerCall(LookerSession *session, Spec spec, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_spec(std::move(spec))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &LookerCall::send);
}

LookerCall::~LookerCall()
{
    m_finished = true; // no signals from a dying object; ApiCall aborts its reply
}

void LookerCall::start()
{
    QMetaObject::invokeMethod(this, &LookerCall::send, Qt::QueuedConnection);
}

void LookerCall::abort()
{
    if (m_finished)
        return;
    if (m_call && !m_call->isFinished()) {
        m_call->abort(); // failed(Cancelled) follows
        return;
    }
    finish(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped")));
}

int LookerCall::rateLimitWaitSeconds(int retryAfterSeconds, int retry)
{
    const int backoff = 1 << qBound(0, retry - 1, 6); // 1, 2, 4 ... 64 s
    return qMin(60, qMax(retryAfterSeconds, backoff));
}

void LookerCall::send()
{
    if (m_finished)
        return;
    if (!m_session) {
        finish(ApiErrors::make(ApiError::Code::Usage, tr("The Looker account was removed.")));
        return;
    }
    m_session->withToken(this, [this](const QString &token, const std::optional<ApiError> &error) {
        if (error)
            finish(*error);
        else
            sendWithToken(token);
    });
}

void LookerCall::sendWithToken(const QString &token)
{
    if (m_finished)
        return;
    ++m_attempts;
    m_token = token;
    m_errorBody.clear();
    const LookerConfig &config = m_session->config();
    QUrl url = config.urlFor(m_spec.path);
    if (!m_spec.query.isEmpty())
        url.setQuery(m_spec.query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "token " + token.toUtf8());
    request.setRawHeader("Accept",
        m_spec.streaming ? QByteArrayLiteral("application/json, text/event-stream")
                         : QByteArrayLiteral("application/json"));
    if (!m_spec.body.isEmpty())
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_spec.streaming)
        request.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply
        = m_session->network().sendCustomRequest(request, m_spec.method, m_spec.body);
    // ApiCall keeps the body of an error answer to itself, and reads only one message from it;
    // Looker's 422 lists field errors. This tap, connected before ApiCall's own slots, copies
    // the bytes of an error answer before ApiCall reads them.
    const auto tap = [this, reply] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 400
            && m_errorBody.size() < maxErrorBody)
            m_errorBody += reply->peek(reply->bytesAvailable());
    };
    connect(reply, &QIODevice::readyRead, this, tap);
    connect(reply, &QNetworkReply::finished, this, tap);
    auto *call = new ApiCall(reply, config.limits, m_spec.streaming, this);
    m_call = call;
    connect(call, &ApiCall::headersReceived, this, [this](int status, const QByteArray &type) {
        if (status < 400)
            Q_EMIT headersReceived(status, type);
    });
    connect(call, &ApiCall::chunkReceived, this, &LookerCall::chunkReceived);
    connect(call, &ApiCall::succeeded, this, [this](const QByteArray &body) { finish({}, body); });
    connect(call, &ApiCall::failed, this, &LookerCall::onFailed);
}

void LookerCall::onFailed(const ApiError &error)
{
    if (m_finished)
        return;
    if (m_call)
        m_call->deleteLater();
    const int status = error.httpStatus;
    if (status == 401 && !m_reauthenticated && m_session) {
        // The token expired early or was revoked: one new login, then the same request again.
        m_reauthenticated = true;
        m_session->invalidate(m_token);
        send();
        return;
    }
    if (status == 429 && m_session
        && m_rateLimitRetries < m_session->config().maxRateLimitRetries) {
        const int wait = rateLimitWaitSeconds(error.retryAfterSeconds, ++m_rateLimitRetries);
        qCInfo(lcLooker) << "Looker rate limit on" << m_spec.path << "- retrying in" << wait << "s";
        Q_EMIT retrying(wait);
        m_retryTimer.start(wait * 1000);
        return;
    }
    ApiError e = LookerErrors::fromResponse(error, m_errorBody);
    if (status == 401) {
        e.message = tr("Looker refused the client id/secret (the access token was refused "
                       "even after logging in again)");
    }
    finish(e);
}

void LookerCall::finish(const std::optional<ApiError> &error, const QByteArray &body)
{
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer.stop();
    if (error)
        Q_EMIT failed(*error);
    else
        Q_EMIT succeeded(body);
}
