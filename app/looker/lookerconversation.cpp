#include "app/looker/lookerconversation.h"

#include <QJsonArray>

namespace {
QString idOf(const QJsonValue &value)
{
    // Looker ids are strings; a number is tolerated.
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}
} // namespace

LookerConversation LookerConversation::fromJson(const QJsonObject &object)
{
    LookerConversation c;
    c.id = idOf(object.value(u"id"));
    c.name = object.value(u"name").toString();
    c.category = object.value(u"category").toString();
    c.agentId = idOf(object.value(u"agent_id"));
    c.userId = idOf(object.value(u"user_id"));
    for (const QJsonValue &source : object.value(u"sources").toArray())
        c.sources.append({ source[u"model"].toString(), source[u"explore"].toString() });
    c.createdAt = QDateTime::fromString(object.value(u"created_at").toString(), Qt::ISODate);
    c.updatedAt = QDateTime::fromString(object.value(u"updated_at").toString(), Qt::ISODate);
    c.deleted = object.value(u"deleted").toBool();
    c.messageCount = int(object.value(u"messages").toArray().size());
    return c;
}
