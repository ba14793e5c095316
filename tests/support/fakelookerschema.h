#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

// What Looker's OpenAPI file (looker-open-source/sdk-codegen, spec/Looker.4.0.oas.json, 4.0.26)
// allows in the requests FakeLookerServer serves, as checks that give Looker's error shapes:
// the writable fields of each request body and the required ones (from the schema's `required`
// or the operation's "Required fields:"), the query parameters of each search and its sortable
// fields. Pure; the fake turns a failed check into 400 (query) or 422 (body).
namespace FakeLookerSchema {
struct FieldError
{
    QString field;
    QString code; // "missing", "invalid" or "unknown"
    QString message;
};

struct BodyRule
{
    QStringList writable;
    QStringList required;
};

// Conversation (POST /conversations; "Required fields: name").
BodyRule conversation();
// Agent (POST /agents; "Required fields: name, description, sources").
BodyRule agent();
// ConversationalAnalyticsChatRequest (both fields required).
BodyRule chatRequest();
// WriteConversationMessages {messages}, each message {type, message} ("Required fields for
// each message: type, message"; order is read-only).
BodyRule conversationMessages();
BodyRule conversationMessage();

// Unknown or read-only fields, missing required ones, and the type of the known ones
// (name/description/type strings, sources an array of {model, explore}, message an object,
// messages an array of objects).
QList<FieldError> check(const QJsonObject &body, const BodyRule &rule);

// GET /conversations/search and GET /agents/search: the parameter names, and `sorts` as "field
// [asc|desc], …" over the sortable fields. Empty when fine, else what is wrong.
QString checkConversationSearch(const QUrlQuery &query);
QString checkAgentSearch(const QUrlQuery &query);

// Looker's error bodies: ValidationError {message, errors[{field, code, message,
// documentation_url}], documentation_url} and Error {message, documentation_url}.
QByteArray validationBody(const QList<FieldError> &errors);
QByteArray messageBody(const QString &message);
} // namespace FakeLookerSchema
