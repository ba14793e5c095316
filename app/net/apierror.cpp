#include "app/net/apierror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

QString ApiError::codeName(Code code)
{
    switch (code) {
    case Code::Auth:
        return u"auth"_s;
    case Code::NotFound:
        return u"not_found"_s;
    case Code::Validation:
        return u"validation"_s;
    case Code::RateLimited:
        return u"rate_limited"_s;
    case Code::Server:
        return u"server"_s;
    case Code::Network:
        return u"network"_s;
    case Code::Timeout:
        return u"timeout"_s;
    case Code::Tls:
        return u"tls"_s;
    case Code::Protocol:
        return u"protocol"_s;
    case Code::TooLarge:
        return u"too_large"_s;
    case Code::Cancelled:
        return u"cancelled"_s;
    case Code::Usage:
        return u"usage"_s;
    }
    return {};
}

QString ApiError::toString() const
{
    QString text = message;
    if (httpStatus > 0)
        text += u" (HTTP " + QString::number(httpStatus) + u')';
    if (!serverMessage.isEmpty() && !message.contains(serverMessage))
        text += u": " + serverMessage;
    return text;
}

ApiError ApiErrors::make(ApiError::Code code, const QString &message)
{
    ApiError e;
    e.code = code;
    e.message = message;
    return e;
}

namespace {
QString messageOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const auto key : { u"message", u"description", u"detail", u"error" }) {
            const QString m = messageOf(o.value(key));
            if (!m.isEmpty())
                return m;
        }
    }
    if (v.isArray() && !v.toArray().isEmpty())
        return messageOf(v.toArray().first());
    return {};
}
} // namespace

QString ApiErrors::serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (const auto key : { u"message", u"error", u"type", u"detail", u"errors" }) {
            const QString m = messageOf(o.value(key));
            if (!m.isEmpty())
                return m;
        }
    }
    // A short plain-text body is still better than nothing.
    const QString text = QString::fromUtf8(body.left(300)).simplified();
    return doc.isNull() && !text.startsWith(u'<') ? text : QString();
}

ApiError ApiErrors::fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter)
{
    ApiError e;
    e.httpStatus = status;
    e.serverMessage = serverMessage(body);
    if (status == 401 || status == 403) {
        e.code = ApiError::Code::Auth;
        e.message = QObject::tr("The server refused the credentials: check the API key and token");
    } else if (status == 404) {
        e.code = ApiError::Code::NotFound;
        e.message = QObject::tr("The server does not know this address or item");
    } else if (status == 429) {
        e.code = ApiError::Code::RateLimited;
        bool ok = false;
        const int seconds = retryAfter.trimmed().toInt(&ok);
        if (ok) {
            e.retryAfterSeconds = seconds;
        } else if (!retryAfter.isEmpty()) {
            const QDateTime at
                = QDateTime::fromString(QString::fromLatin1(retryAfter.trimmed()), Qt::RFC2822Date);
            if (at.isValid())
                e.retryAfterSeconds
                    = int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(at)));
        }
        e.message = e.retryAfterSeconds >= 0
            ? QObject::tr(
                "Too many requests: try again in %n second(s)", nullptr, e.retryAfterSeconds)
            : QObject::tr("Too many requests: wait a moment and try again");
    } else if (status >= 500) {
        e.code = ApiError::Code::Server;
        e.message = QObject::tr("The server had a problem answering");
    } else {
        e.code = ApiError::Code::Validation;
        e.message = QObject::tr("The server refused the request");
    }
    return e;
}

ApiError ApiErrors::fromNetwork(const QNetworkReply &reply)
{
    ApiError e;
    e.serverMessage = reply.errorString();
    switch (reply.error()) {
    case QNetworkReply::SslHandshakeFailedError:
        e.code = ApiError::Code::Tls;
        e.message = QObject::tr("The secure connection failed (certificate or TLS problem)");
        break;
    case QNetworkReply::TimeoutError:
        e.code = ApiError::Code::Timeout;
        e.message = QObject::tr("The server did not answer in time");
        break;
    case QNetworkReply::OperationCanceledError:
        e.code = ApiError::Code::Cancelled;
        e.message = QObject::tr("Stopped");
        break;
    case QNetworkReply::RemoteHostClosedError:
        e.code = ApiError::Code::Network;
        e.message = QObject::tr("The server closed the connection");
        break;
    default:
        e.code = ApiError::Code::Network;
        e.message = QObject::tr("Cannot reach the server");
        break;
    }
    return e;
}
