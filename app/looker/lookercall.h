#pragma once

#include "app/net/apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

class ApiCall;
class LookerSession;

// One logical call to the Looker API, with a single exit: exactly one of succeeded() or
// failed() is emitted, once. It asks the session for a token, sends the request with
// `Authorization: token ...`, and on the way:
//  - a 401 makes the session log in again and the request is sent once more;
//  - a 429 waits (Retry-After, or longer with each attempt) and sends it again, up to the
//    configured number of retries, then fails as RateLimited saying when to try again;
//  - any other error fails with Looker's words (LookerErrors), 422 field errors listed.
// Streaming calls hand each chunk of a successful answer to chunkReceived().
class LookerCall : public QObject
{
    Q_OBJECT
public:
    struct Spec
    {
        QByteArray method = "GET";
        QString path; // under /api/4.0/, e.g. "conversations"
        QUrlQuery query;
        QByteArray body; // JSON; empty for none
        bool streaming = false;
    };

    LookerCall(LookerSession *session, Spec spec, QObject *parent = nullptr);
    ~LookerCall() override;

    // Starts the call on the next turn of the event loop, so its signals can be connected.
    void start();
    // Stops the call; failed() follows with ApiError::Code::Cancelled.
    void abort();
    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempts; }
    const Spec &spec() const { return m_spec; }

    // The wait before retry number `retry` (1-based) after a 429 that said `retryAfterSeconds`.
    static int rateLimitWaitSeconds(int retryAfterSeconds, int retry);

Q_SIGNALS:
    void headersReceived(int status, const QByteArray &contentType);
    void chunkReceived(const QByteArray &chunk);
    void succeeded(const QByteArray &body);
    void failed(const ApiError &error);
    // A 429: the call is sent again in `seconds`.
    void retrying(int seconds);

private:
    void send();
    void sendWithToken(const QString &token);
    void onFailed(const ApiError &error);
    void finish(const std::optional<ApiError> &error, const QByteArray &body = {});

    QPointer<LookerSession> m_session;
    Spec m_spec;
    QPointer<ApiCall> m_call;
    QString m_token; // the token of the current attempt
    QByteArray m_errorBody; // the body of an error answer, read beside ApiCall
    QTimer m_retryTimer;
    int m_attempts = 0;
    int m_rateLimitRetries = 0;
    bool m_reauthenticated = false;
    bool m_finished = false;
};
