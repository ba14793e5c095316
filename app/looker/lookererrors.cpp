#include "app/looker/lookererrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("LookerErrors", text, nullptr, n);
}
} // namespace

QString LookerErrors::fieldErrors(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(u"errors").toArray();
    QStringList lines;
    for (const QJsonValue &value : errors) {
        const QJsonObject entry = value.toObject();
        const QString field = entry.value(u"field").toString();
        QString message = entry.value(u"message").toString();
        if (message.isEmpty())
            message = entry.value(u"code").toString();
        if (field.isEmpty() && message.isEmpty())
            continue;
        lines << (field.isEmpty() ? message : field + u": " + message);
    }
    return lines.join(u"; ");
}

ApiError LookerErrors::fromResponse(const ApiError &error, const QByteArray &body)
{
    ApiError e = error;
    const QString server = ApiErrors::serverMessage(body);
    if (!server.isEmpty())
        e.serverMessage = server;
    switch (e.httpStatus) {
    case 400:
        e.code = ApiError::Code::Validation;
        e.message = tr("Looker refused the request as malformed");
        break;
    case 401:
    case 403:
        e.code = ApiError::Code::Auth;
        e.message = tr("Looker refused the client id/secret or this user may not do that");
        break;
    case 404:
        e.code = ApiError::Code::NotFound;
        e.message = tr("Looker does not know this conversation (or the API address is wrong)");
        break;
    case 409:
        e.code = ApiError::Code::Validation;
        e.message = tr("Looker says this already exists");
        break;
    case 422: {
        e.code = ApiError::Code::Validation;
        const QString fields = fieldErrors(body);
        e.message = fields.isEmpty() ? tr("Looker refused the request as invalid")
                                     : tr("Looker refused the request as invalid: ") + fields;
        break;
    }
    case 429:
        e.code = ApiError::Code::RateLimited;
        e.message = e.retryAfterSeconds >= 0
            ? tr("Looker is receiving too many requests: try again in %n second(s)",
                e.retryAfterSeconds)
            : tr("Looker is receiving too many requests: wait a minute and try again");
        break;
    default:
        break; // 5xx, network, timeouts: ApiCall's words are right
    }
    return e;
}

ApiError LookerErrors::loginRefused(const ApiError &error)
{
    ApiError e = error;
    if (e.httpStatus == 400 || e.httpStatus == 401 || e.httpStatus == 403 || e.httpStatus == 404) {
        e.code = ApiError::Code::Auth;
        e.message = tr("Looker refused the client id/secret: check the API key in Settings");
    }
    return e;
}
