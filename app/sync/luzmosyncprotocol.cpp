#include "app/sync/luzmosyncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

struct Cursor
{
    QString since;
    QString afterTime;
    QString afterId;
    QString newest;

    static Cursor from(const QString &text)
    {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        const QJsonObject after = o.value(u"after").toObject();
        return Cursor { o.value(u"since").toString(), after.value(u"updated_at").toString(),
            after.value(u"id").toString(), o.value(u"newest").toString() };
    }
    QString toText() const
    {
        QJsonObject o;
        if (!since.isEmpty())
            o.insert(u"since"_s, since);
        if (!afterId.isEmpty())
            o.insert(
                u"after"_s, QJsonObject { { u"updated_at"_s, afterTime }, { u"id"_s, afterId } });
        if (!newest.isEmpty())
            o.insert(u"newest"_s, newest);
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
};

QString newer(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return LuzmoSyncProtocol::parseTime(b) > LuzmoSyncProtocol::parseTime(a) ? b : a;
}

QJsonObject gt(const QString &value)
{
    return QJsonObject { { u"gt"_s, value } };
}

RemoteAsset readAsset(const QJsonObject &a)
{
    RemoteAsset asset;
    asset.remoteId = a.value(u"id").toString();
    asset.type = a.value(u"type").toString();
    const QJsonValue value = a.value(u"value");
    asset.valueJson = value.isObject()
        ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
        : value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                          : value.toString().toUtf8();
    asset.createdAt = LuzmoSyncProtocol::parseTime(a.value(u"created_at"));
    return asset;
}

bool readMessage(const QJsonObject &m, RemoteMessage *message)
{
    if (!parseRole(m.value(u"role").toString(), &message->role))
        return false;
    message->remoteId = m.value(u"id").toString();
    message->text = m.value(u"message").toString();
    message->agent = m.value(u"agent").toString();
    message->task = m.value(u"task").toString();
    message->localeId = m.value(u"locale_id").toString();
    message->createdAt = LuzmoSyncProtocol::parseTime(m.value(u"created_at"));
    message->updatedAt = LuzmoSyncProtocol::parseTime(m.value(u"updated_at"));
    for (const QJsonValue &a : m.value(u"aiMessageAssets").toArray())
        message->assets << readAsset(a.toObject());
    return true;
}

} // namespace

QDateTime LuzmoSyncProtocol::parseTime(const QJsonValue &value)
{
    if (value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t;
}

QJsonObject LuzmoSyncProtocol::pageFind(const QString &cursorText, int pageSize)
{
    const Cursor cursor = Cursor::from(cursorText);
    QJsonObject messages { { u"model"_s, u"AIMessage"_s },
        { u"include"_s, QJsonArray { QJsonObject { { u"model"_s, u"AIMessageAsset"_s } } } } };
    if (!cursor.since.isEmpty())
        messages.insert(u"where"_s, QJsonObject { { u"updated_at"_s, gt(cursor.since) } });
    QJsonObject find {
        { u"include"_s, QJsonArray { messages } },
        { u"order"_s,
            QJsonArray {
                QJsonArray { u"updated_at"_s, u"asc"_s }, QJsonArray { u"id"_s, u"asc"_s } } },
        { u"limit"_s, pageSize },
    };
    if (!cursor.afterId.isEmpty()) {
        find.insert(u"where"_s,
            QJsonObject { { u"or"_s,
                QJsonArray { QJsonObject { { u"updated_at"_s, gt(cursor.afterTime) } },
                    QJsonObject { { u"updated_at"_s, cursor.afterTime },
                        { u"id"_s, gt(cursor.afterId) } } } } });
    } else if (!cursor.since.isEmpty()) {
        find.insert(u"where"_s, QJsonObject { { u"updated_at"_s, gt(cursor.since) } });
    }
    return find;
}

SyncPage LuzmoSyncProtocol::readPage(
    const QByteArray &body, const QString &cursorText, int pageSize, QString *error)
{
    SyncPage page;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject() || !doc.object().value(u"rows").isArray()) {
        *error = u"The conversation list from the server is not a search answer {count, rows}."_s;
        return page;
    }
    const QJsonArray rows = doc.object().value(u"rows").toArray();
    if (doc.object().value(u"count").isDouble())
        page.remaining = doc.object().value(u"count").toInt();
    Cursor cursor = Cursor::from(cursorText);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        RemoteConversation c;
        c.remoteId = row.value(u"id").toString();
        if (c.remoteId.isEmpty()) {
            *error = u"A conversation from the server has no id."_s;
            return page;
        }
        c.title = row.value(u"title").toString();
        c.createdAt = parseTime(row.value(u"created_at"));
        c.updatedAt = parseTime(row.value(u"updated_at"));
        for (const QJsonValue &m : row.value(u"aiMessages").toArray()) {
            RemoteMessage message;
            if (readMessage(m.toObject(), &message))
                c.messages << message;
        }
        page.conversations << c;
        const QString updated = row.value(u"updated_at").toString();
        cursor.afterTime = updated;
        cursor.afterId = c.remoteId;
        cursor.newest = newer(cursor.newest, updated);
    }
    page.hasMore
        = int(rows.size()) >= pageSize && (page.remaining < 0 || page.remaining > rows.size());
    if (!page.hasMore) {
        // The run is complete: the next one asks for what changed after the newest row seen.
        cursor.since = newer(cursor.since, cursor.newest);
        cursor.afterTime.clear();
        cursor.afterId.clear();
        cursor.newest.clear();
    }
    page.nextCursor = cursor.toText();
    return page;
}

QJsonObject LuzmoSyncProtocol::idsFind(int offset, int pageSize)
{
    return QJsonObject {
        { u"attributes"_s, QJsonArray { u"id"_s } },
        { u"order"_s, QJsonArray { QJsonValue(QJsonArray { u"id"_s, u"asc"_s }) } },
        { u"limit"_s, pageSize },
        { u"offset"_s, offset },
    };
}

QStringList LuzmoSyncProtocol::readIds(const QByteArray &body, QString *error)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(u"rows").isArray()) {
        *error = u"The conversation id list from the server is not a search answer."_s;
        return {};
    }
    QStringList ids;
    for (const QJsonValue &row : doc.object().value(u"rows").toArray()) {
        const QString id = row.toObject().value(u"id").toString();
        if (id.isEmpty()) {
            *error = u"A conversation from the server has no id."_s;
            return {};
        }
        ids << id;
    }
    return ids;
}
