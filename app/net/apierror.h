#pragma once

#include <QString>

class QNetworkReply;

// A typed error from a backend call: what kind, in words a person can act on, the HTTP status
// and the server's own message. Every backend (Luzmo, workflow, Looker, Socket.IO) reports
// failures as one of these.
struct ApiError
{
    enum class Code {
        Auth, // 401/403: wrong or expired credentials
        NotFound, // 404
        Validation, // 400/409/422: the request was refused as invalid
        RateLimited, // 429: see retryAfterSeconds
        Server, // 5xx
        Network, // connection refused, host not found, connection dropped
        Timeout, // no connection or no data within the time limit
        Tls, // certificate or handshake failure
        Protocol, // the response could not be understood (bad JSON, wrong content type)
        TooLarge, // a response or event over the size limit
        Cancelled, // stopped by the user
        Usage, // the request was not sent: invalid combination of inputs
    };
    Code code = Code::Network;
    QString message; // for people
    int httpStatus = 0; // 0 when no HTTP response
    QString serverMessage; // the server's own words, when it gave any
    int retryAfterSeconds = -1; // RateLimited: from Retry-After, -1 when absent

    // "Wrong API key or token (HTTP 401): <server message>"
    QString toString() const;
    static QString codeName(Code code); // "auth", "not_found", ...
};

namespace ApiErrors {
// Builds the error for an HTTP status >= 400 from the response body (JSON with `message`,
// `error`, `type.description`, ... when present) and the Retry-After header.
ApiError fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter);
// Builds the error for a failed transfer without a usable HTTP status.
ApiError fromNetwork(const QNetworkReply &reply);
ApiError make(ApiError::Code code, const QString &message);
// Extracts a human message from a JSON error body, or an empty string.
QString serverMessage(const QByteArray &body);
} // namespace ApiErrors
