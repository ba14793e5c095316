#include "tests/support/fakelookerschema.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
const QString docs = QStringLiteral("https://docs.cloud.google.com/looker/docs/r/api/4.0");

bool isSourceList(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue &source : value.toArray()) {
        const QJsonObject object = source.toObject();
        if (!source.isObject() || !object.value(u"model").isString()
            || !object.value(u"explore").isString())
            return false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != u"model" && it.key() != u"explore")
                return false;
        }
    }
    return true;
}

// The JSON type a known field must have; true when `value` has it.
bool hasType(const QString &field, const QJsonValue &value)
{
    static const QStringList strings { u"name"_s, u"description"_s, u"category"_s, u"agent_id"_s,
        u"type"_s, u"conversation_id"_s, u"user_message"_s, u"created_by_user_id"_s };
    if (strings.contains(field))
        return value.isString()
            || (value.isNull() && (field == u"agent_id" || field == u"category"));
    if (field == u"sources")
        return isSourceList(value);
    if (field == u"message" || field == u"context" || field == u"conversation_agent"
        || field == u"workflow_params")
        return value.isObject();
    if (field == u"messages" || field == u"golden_query_ids")
        return value.isArray();
    if (field == u"deleted" || field == u"code_interpreter")
        return value.isBool();
    return true;
}

QString checkSearch(
    const QUrlQuery &query, const QStringList &parameters, const QStringList &sortable)
{
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!parameters.contains(name))
            return u"Unknown parameter: "_s + name;
        if (name == u"limit" || name == u"offset") {
            bool ok = false;
            if (value.toInt(&ok) < 0 || !ok)
                return name + u" must be a whole number"_s;
        }
        if (name == u"sorts") {
            for (const QString &sort : value.split(u',')) {
                const QStringList words = sort.simplified().split(u' ');
                if (!sortable.contains(words.value(0)) || words.size() > 2
                    || (words.size() == 2 && words.at(1) != u"asc" && words.at(1) != u"desc"))
                    return u"Cannot sort by: "_s + sort.trimmed();
            }
        }
    }
    return {};
}
} // namespace

FakeLookerSchema::BodyRule FakeLookerSchema::conversation()
{
    return { { u"name"_s, u"category"_s, u"sources"_s, u"agent_id"_s, u"deleted"_s,
                 u"conversation_agent"_s },
        { u"name"_s } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::agent()
{
    return { { u"created_by_user_id"_s, u"name"_s, u"description"_s, u"category"_s, u"sources"_s,
                 u"golden_query_ids"_s, u"context"_s, u"deleted"_s, u"code_interpreter"_s,
                 u"workflow_params"_s },
        { u"name"_s, u"description"_s, u"sources"_s } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::chatRequest()
{
    return { { u"conversation_id"_s, u"user_message"_s },
        { u"conversation_id"_s, u"user_message"_s } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::conversationMessages()
{
    return { { u"messages"_s }, { u"messages"_s } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::conversationMessage()
{
    return { { u"type"_s, u"message"_s }, { u"type"_s, u"message"_s } };
}

QList<FakeLookerSchema::FieldError> FakeLookerSchema::check(
    const QJsonObject &body, const BodyRule &rule)
{
    QList<FieldError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!rule.writable.contains(it.key()))
            errors.append({ it.key(), u"unknown"_s, u"is not a writable field"_s });
        else if (!hasType(it.key(), it.value()))
            errors.append({ it.key(), u"invalid"_s, u"has the wrong type"_s });
    }
    for (const QString &field : rule.required) {
        const QJsonValue value = body.value(field);
        if (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().trimmed().isEmpty()))
            errors.append({ field, u"missing"_s, u"is required"_s });
    }
    return errors;
}

QString FakeLookerSchema::checkConversationSearch(const QUrlQuery &query)
{
    return checkSearch(query,
        { u"id"_s, u"name"_s, u"agent_id"_s, u"fields"_s, u"limit"_s, u"offset"_s, u"sorts"_s,
            u"filter_or"_s, u"category"_s, u"deleted"_s },
        { u"id"_s, u"name"_s, u"user_id"_s, u"agent_id"_s, u"created_at"_s, u"updated_at"_s,
            u"category"_s });
}

QString FakeLookerSchema::checkAgentSearch(const QUrlQuery &query)
{
    return checkSearch(query,
        { u"id"_s, u"name"_s, u"description"_s, u"created_by_user_id"_s, u"fields"_s, u"limit"_s,
            u"category"_s, u"offset"_s, u"sorts"_s, u"filter_or"_s, u"not_owned_by"_s, u"deleted"_s,
            u"primary_agent_id"_s },
        { u"id"_s, u"name"_s, u"description"_s, u"created_by_user_id"_s, u"created_at"_s,
            u"content_metadata_id"_s, u"category"_s });
}

QByteArray FakeLookerSchema::validationBody(const QList<FieldError> &errors)
{
    QJsonArray array;
    for (const FieldError &e : errors)
        array.append(QJsonObject { { u"field"_s, e.field }, { u"code"_s, e.code },
            { u"message"_s, e.message }, { u"documentation_url"_s, docs } });
    return QJsonDocument(QJsonObject { { u"message"_s, u"Validation Failed"_s },
                             { u"errors"_s, array }, { u"documentation_url"_s, docs } })
        .toJson(QJsonDocument::Compact);
}

QByteArray FakeLookerSchema::messageBody(const QString &message)
{
    return QJsonDocument(
        QJsonObject { { u"message"_s, message }, { u"documentation_url"_s, docs } })
        .toJson(QJsonDocument::Compact);
}
