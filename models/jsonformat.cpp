#include "models/jsonformat.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

QString JsonFormat::isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

namespace {
QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonValue parsedOrText(const QByteArray &json)
{
    if (json.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json); // keep what was stored, even if it is not JSON
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}
} // namespace

QJsonObject JsonFormat::conversation(const Conversation &c)
{
    return QJsonObject {
        { u"id"_s, c.id },
        { u"title"_s, c.title },
        { u"backend"_s, c.backend },
        { u"remote_id"_s, orNull(c.remoteId) },
        { u"created_at"_s, isoTime(c.createdAt) },
        { u"updated_at"_s, isoTime(c.updatedAt) },
    };
}

QJsonObject JsonFormat::asset(const Asset &a)
{
    return QJsonObject {
        { u"id"_s, a.id },
        { u"message_id"_s, a.messageId },
        { u"remote_id"_s, orNull(a.remoteId) },
        { u"type"_s, a.type },
        { u"value"_s, parsedOrText(a.valueJson) },
        { u"data"_s, parsedOrText(a.dataJson) },
        { u"data_taken_at"_s, orNull(isoTime(a.dataTakenAt)) },
        { u"created_at"_s, isoTime(a.createdAt) },
    };
}

QJsonObject JsonFormat::message(const Message &m)
{
    QJsonArray assets;
    for (const Asset &a : m.assets)
        assets << asset(a);
    return QJsonObject {
        { u"id"_s, m.id },
        { u"conversation_id"_s, m.conversationId },
        { u"remote_id"_s, orNull(m.remoteId) },
        { u"role"_s, roleName(m.role) },
        { u"agent"_s, orNull(m.agent) },
        { u"task"_s, orNull(m.task) },
        { u"locale_id"_s, orNull(m.localeId) },
        { u"message"_s, m.text },
        { u"status"_s, statusName(m.status) },
        { u"error"_s, orNull(m.errorDetail) },
        { u"order"_s, m.seq },
        { u"created_at"_s, isoTime(m.createdAt) },
        { u"updated_at"_s, isoTime(m.updatedAt) },
        // When an edit or a regeneration replaced it (null: the current version).
        { u"superseded_at"_s,
            m.supersededAt.isValid() ? QJsonValue(isoTime(m.supersededAt)) : QJsonValue() },
        { u"assets"_s, assets },
    };
}

QJsonObject JsonFormat::searchHit(const SearchHit &h)
{
    return QJsonObject {
        { u"conversation_id"_s, h.conversationId },
        { u"message_id"_s, h.messageId ? QJsonValue(h.messageId) : QJsonValue() },
        { u"title"_s, h.conversationTitle },
        { u"snippet"_s, h.snippetWith(u"["_s, u"]"_s) },
        { u"at"_s, isoTime(h.at) },
        { u"rank"_s, h.rank },
    };
}
