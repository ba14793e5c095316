#include "fakelookerschema.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    static const QStringList strings { u"name"_qs, u"description"_qs, u"category"_qs,
        u"agent_id"_qs, u"type"_qs, u"conversation_id"_qs, u"user_message"_qs,
        u"created_by_user_id"_qs };
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
            return u"Unknown parameter: "_qs + name;
        if (name == u"limit" || name == u"offset") {
            bool ok = false;
            if (value.toInt(&ok) < 0 || !ok)
                return name + u" must be a whole number"_qs;
        }
        if (name == u"sorts") {
            for (const QString &sort : value.split(u',')) {
                const QStringList words = sort.simplified().split(u' ');
                if (!sortable.contains(words.value(0)) || words.size() > 2
                    || (words.size() == 2 && words.at(1) != u"asc" && words.at(1) != u"desc"))
                    return u"Cannot sort by: "_qs + sort.trimmed();
            }
        }
    }
    return {};
}
} // namespace

FakeLookerSchema::BodyRule FakeLookerSchema::conversation()
{
    return { { u"name"_qs, u"category"_qs, u"sources"_qs, u"agent_id"_qs, u"deleted"_qs,
                 u"conversation_agent"_qs },
        { u"name"_qs } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::agent()
{
    return { { u"created_by_user_id"_qs, u"name"_qs, u"description"_qs, u"category"_qs,
                 u"sources"_qs, u"golden_query_ids"_qs, u"context"_qs, u"deleted"_qs,
                 u"code_interpreter"_qs, u"workflow_params"_qs },
        { u"name"_qs, u"description"_qs, u"sources"_qs } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::chatRequest()
{
    return { { u"conversation_id"_qs, u"user_message"_qs },
        { u"conversation_id"_qs, u"user_message"_qs } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::conversationMessages()
{
    return { { u"messages"_qs }, { u"messages"_qs } };
}

FakeLookerSchema::BodyRule FakeLookerSchema::conversationMessage()
{
    return { { u"type"_qs, u"message"_qs }, { u"type"_qs, u"message"_qs } };
}

QList<FakeLookerSchema::FieldError> FakeLookerSchema::check(
    const QJsonObject &body, const BodyRule &rule)
{
    QList<FieldError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!rule.writable.contains(it.key()))
            errors.append({ it.key(), u"unknown"_qs, u"is not a writable field"_qs });
        else if (!hasType(it.key(), it.value()))
            errors.append({ it.key(), u"invalid"_qs, u"has the wrong type"_qs });
    }
    for (const QString &field : rule.required) {
        const QJsonValue value = body.value(field);
        if (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().trimmed().isEmpty()))
            errors.append({ field, u"missing"_qs, u"is required"_qs });
    }
    return errors;
}

QString FakeLookerSchema::checkConversationSearch(const QUrlQuery &query)
{
    return checkSearch(query,
        { u"id"_qs, u"name"_qs, u"agent_id"_qs, u"fields"_qs, u"limit"_qs, u"offset"_qs,
            u"sorts"_qs, u"filter_or"_qs, u"category"_qs, u"deleted"_qs },
        { u"id"_qs, u"name"_qs, u"user_id"_qs, u"agent_id"_qs, u"created_at"_qs, u"updated_at"_qs,
            u"category"_qs });
}

QString FakeLookerSchema::checkAgentSearch(const QUrlQuery &query)
{
    return checkSearch(query,
        { u"id"_qs, u"name"_qs, u"description"_qs, u"created_by_user_id"_qs, u"fields"_qs,
            u"limit"_qs, u"category"_qs, u"offset"_qs, u"sorts"_qs, u"filter_or"_qs,
            u"not_owned_by"_qs, u"deleted"_qs, u"primary_agent_id"_qs },
        { u"id"_qs, u"name"_qs, u"description"_qs, u"created_by_user_id"_qs, u"created_at"_qs,
            u"content_metadata_id"_qs, u"category"_qs });
}

QByteArray FakeLookerSchema::validationBody(const QList<FieldError> &errors)
{
    QJsonArray array;
    for (const FieldError &e : errors)
        array.append(QJsonObject { { u"field"_qs, e.field }, { u"code"_qs, e.code },
            { u"message"_qs, e.message }, { u"documentation_url"_qs, docs } });
    return QJsonDocument(QJsonObject { { u"message"_qs, u"Validation Failed"_qs },
                             { u"errors"_qs, array }, { u"documentation_url"_qs, docs } })
        .toJson(QJsonDocument::Compact);
}

QByteArray FakeLookerSchema::messageBody(const QString &message)
{
    return QJsonDocument(
        QJsonObject { { u"message"_qs, message }, { u"documentation_url"_qs, docs } })
        .toJson(QJsonDocument::Compact);
}
