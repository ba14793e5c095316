#pragma once

#include "app/net/apierror.h"

#include <QByteArray>

// Looker's error answers in words: 400 bad request, 404 not found, 409 already exists, 422
// validation (each `errors[]` entry listed as "field: message"), 429 too many requests (with
// when to try again), 401/403 refused credentials. The body is Looker's
// {message, documentation_url, errors[{field, code, message, documentation_url}]}.
namespace LookerErrors {
// Rewrites `error` (from ApiCall) in Looker's terms, reading `body` (the error response, may be
// empty) for the message and the field errors.
ApiError fromResponse(const ApiError &error, const QByteArray &body);
// The login was refused: the client id/secret are wrong (Looker answers 404 or 401 for that).
ApiError loginRefused(const ApiError &error);
// "name: is missing; sources: is invalid" from a 422 body, or empty.
QString fieldErrors(const QByteArray &body);
} // namespace LookerErrors
