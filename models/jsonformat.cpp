#include "jsonformat.h"

#include <QJsonArray>
#include <QJsonDocument>

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
        { u"id"_qs, c.id },
        { u"title"_qs, c.title },
        { u"backend"_qs, c.backend },
        { u"remote_id"_qs, orNull(c.remoteId) },
        { u"created_at"_qs, isoTime(c.createdAt) },
        { u"updated_at"_qs, isoTime(c.updatedAt) },
    };
}

QJsonObject JsonFormat::asset(const Asset &a)
{
    return QJsonObject {
        { u"id"_qs, a.id },
        { u"message_id"_qs, a.messageId },
        { u"remote_id"_qs, orNull(a.remoteId) },
        { u"type"_qs, a.type },
        { u"value"_qs, parsedOrText(a.valueJson) },
        { u"data"_qs, parsedOrText(a.dataJson) },
        { u"data_taken_at"_qs, orNull(isoTime(a.dataTakenAt)) },
        { u"created_at"_qs, isoTime(a.createdAt) },
    };
}

QJsonObject JsonFormat::message(const Message &m)
{
    QJsonArray assets;
    for (const Asset &a : m.assets)
        assets << asset(a);
    return QJsonObject {
        { u"id"_qs, m.id },
        { u"conversation_id"_qs, m.conversationId },
        { u"remote_id"_qs, orNull(m.remoteId) },
        { u"role"_qs, roleName(m.role) },
        { u"agent"_qs, orNull(m.agent) },
        { u"task"_qs, orNull(m.task) },
        { u"locale_id"_qs, orNull(m.localeId) },
        { u"message"_qs, m.text },
        { u"status"_qs, statusName(m.status) },
        { u"error"_qs, orNull(m.errorDetail) },
        { u"order"_qs, m.seq },
        { u"created_at"_qs, isoTime(m.createdAt) },
        { u"updated_at"_qs, isoTime(m.updatedAt) },
        { u"assets"_qs, assets },
    };
}

QJsonObject JsonFormat::searchHit(const SearchHit &h)
{
    return QJsonObject {
        { u"conversation_id"_qs, h.conversationId },
        { u"message_id"_qs, h.messageId ? QJsonValue(h.messageId) : QJsonValue() },
        { u"title"_qs, h.conversationTitle },
        { u"snippet"_qs, h.snippetWith(u"["_qs, u"]"_qs) },
        { u"at"_qs, isoTime(h.at) },
        { u"rank"_qs, h.rank },
    };
}
