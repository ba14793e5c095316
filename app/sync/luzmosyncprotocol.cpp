#include "luzmosyncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>

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
            o.insert(u"since"_qs, since);
        if (!afterId.isEmpty())
            o.insert(u"after"_qs,
                QJsonObject { { u"updated_at"_qs, afterTime }, { u"id"_qs, afterId } });
        if (!newest.isEmpty())
            o.insert(u"newest"_qs, newest);
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
    return QJsonObject { { u"gt"_qs, value } };
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
    QJsonObject messages { { u"model"_qs, u"AIMessage"_qs },
        { u"include"_qs, QJsonArray { QJsonObject { { u"model"_qs, u"AIMessageAsset"_qs } } } } };
    if (!cursor.since.isEmpty())
        messages.insert(u"where"_qs, QJsonObject { { u"updated_at"_qs, gt(cursor.since) } });
    QJsonObject find {
        { u"include"_qs, QJsonArray { messages } },
        { u"order"_qs,
            QJsonArray {
                QJsonArray { u"updated_at"_qs, u"asc"_qs }, QJsonArray { u"id"_qs, u"asc"_qs } } },
        { u"limit"_qs, pageSize },
    };
    if (!cursor.afterId.isEmpty()) {
        find.insert(u"where"_qs,
            QJsonObject { { u"or"_qs,
                QJsonArray { QJsonObject { { u"updated_at"_qs, gt(cursor.afterTime) } },
                    QJsonObject { { u"updated_at"_qs, cursor.afterTime },
                        { u"id"_qs, gt(cursor.afterId) } } } } });
    } else if (!cursor.since.isEmpty()) {
        find.insert(u"where"_qs, QJsonObject { { u"updated_at"_qs, gt(cursor.since) } });
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
        *error = u"The conversation list from the server is not a search answer {count, rows}."_qs;
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
            *error = u"A conversation from the server has no id."_qs;
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
        { u"attributes"_qs, QJsonArray { u"id"_qs } },
        { u"order"_qs, QJsonArray { QJsonArray { u"id"_qs, u"asc"_qs } } },
        { u"limit"_qs, pageSize },
        { u"offset"_qs, offset },
    };
}

QStringList LuzmoSyncProtocol::readIds(const QByteArray &body, QString *error)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(u"rows").isArray()) {
        *error = u"The conversation id list from the server is not a search answer."_qs;
        return {};
    }
    QStringList ids;
    for (const QJsonValue &row : doc.object().value(u"rows").toArray()) {
        const QString id = row.toObject().value(u"id").toString();
        if (id.isEmpty()) {
            *error = u"A conversation from the server has no id."_qs;
            return {};
        }
        ids << id;
    }
    return ids;
}
