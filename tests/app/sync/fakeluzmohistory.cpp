#include "fakeluzmohistory.h"

#include "findquery.h"

#include <QJsonDocument>

FakeLuzmoHistory::FakeLuzmoHistory()
{
    m_server.setHandler([this](const FakeHttpServer::Request &r) { return answer(r); });
}

QString FakeLuzmoHistory::conversationId(int i)
{
    return u"conv-"_qs + QString::number(i).rightJustified(6, u'0');
}

QString FakeLuzmoHistory::time(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

void FakeLuzmoHistory::generate(int count, int messages, const QDateTime &from)
{
    const int first = int(m_conversations.size());
    for (int i = first; i < first + count; ++i) {
        const QString id = conversationId(i);
        const QString at = time(from.addSecs(i));
        QJsonArray list;
        for (int m = 0; m < messages; ++m) {
            const bool user = m % 2 == 0;
            const QString messageId = id + u"-m" + QString::number(m);
            QJsonArray assets;
            if (!user) {
                assets << QJsonObject { { u"id"_qs, QString(messageId + u"-a") },
                    { u"type"_qs, u"item"_qs },
                    { u"value"_qs,
                        QJsonObject { { u"type"_qs, u"line-chart"_qs },
                            { u"options"_qs, QJsonObject { { u"n"_qs, m } } } } },
                    { u"created_at"_qs, at }, { u"updated_at"_qs, at } };
            }
            list << QJsonObject { { u"id"_qs, messageId }, { u"conversation_id"_qs, id },
                { u"role"_qs, user ? u"user"_qs : u"assistant"_qs },
                { u"message"_qs,
                    QString((user ? u"Show revenue by month for region "_qs
                                  : u"Here is the monthly revenue for region "_qs)
                        + QString::number(i) + u", turn " + QString::number(m)) },
                { u"agent"_qs, u"analyst"_qs }, { u"task"_qs, u"generate"_qs },
                { u"locale_id"_qs, u"en"_qs }, { u"created_at"_qs, at }, { u"updated_at"_qs, at },
                { u"aiMessageAssets"_qs, assets } };
        }
        m_conversations << QJsonObject { { u"id"_qs, id }, { u"user_id"_qs, u"u1"_qs },
            { u"title"_qs, QString(u"Conversation "_qs + QString::number(i)) },
            { u"created_at"_qs, at }, { u"updated_at"_qs, at }, { u"aiMessages"_qs, list } };
    }
}

void FakeLuzmoHistory::addMessage(
    const QString &conversationId, const QString &text, const QDateTime &at)
{
    for (QJsonObject &c : m_conversations) {
        if (c.value(u"id").toString() != conversationId)
            continue;
        QJsonArray list = c.value(u"aiMessages").toArray();
        list << QJsonObject { { u"id"_qs,
                                  QString(conversationId + u"-m" + QString::number(list.size())) },
            { u"conversation_id"_qs, conversationId }, { u"role"_qs, u"user"_qs },
            { u"message"_qs, text }, { u"created_at"_qs, time(at) }, { u"updated_at"_qs, time(at) },
            { u"aiMessageAssets"_qs, QJsonArray() } };
        c.insert(u"aiMessages"_qs, list);
        c.insert(u"updated_at"_qs, time(at));
    }
}

void FakeLuzmoHistory::remove(const QString &conversationId)
{
    m_conversations.removeIf(
        [&](const QJsonObject &c) { return c.value(u"id").toString() == conversationId; });
}

void FakeLuzmoHistory::failRequest(int n, int status)
{
    m_failures.insert(m_requests + n, status);
}

FakeHttpServer::Response FakeLuzmoHistory::answer(const FakeHttpServer::Request &request)
{
    ++m_requests;
    if (m_failures.contains(m_requests)) {
        return FakeHttpServer::json(m_failures.value(m_requests),
            R"({"type":{"code":500,"description":"Internal Server Error"},"message":"scripted failure"})");
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject find = body.value(u"find").toObject();
    m_finds << find;
    if (!request.path.endsWith("/aiconversation"))
        return FakeHttpServer::json(404, R"({"message":"unknown resource"})");

    const FindQuery::Result found = FindQuery::apply(m_conversations, find);
    if (!found.error.isEmpty())
        return FakeHttpServer::json(
            400, QJsonDocument(QJsonObject { { u"message"_qs, found.error } }).toJson());
    QJsonObject messageInclude;
    bool withMessages = false;
    for (const QJsonValue &v : find.value(u"include").toArray()) {
        if (v.toObject().value(u"model").toString() == u"AIMessage") {
            messageInclude = v.toObject();
            withMessages = true;
        }
    }
    QJsonArray rows;
    for (QJsonObject row : found.rows) {
        if (withMessages) {
            QJsonArray kept;
            for (const QJsonValue &m : row.value(u"aiMessages").toArray()) {
                if (FindQuery::matches(m.toObject(), messageInclude.value(u"where"), nullptr))
                    kept << m;
            }
            row.insert(u"aiMessages"_qs, kept);
        } else {
            row.remove(u"aiMessages"_qs);
        }
        rows << FindQuery::select(row, find.value(u"attributes"), { u"aiMessages"_qs });
    }
    return FakeHttpServer::json(200,
        QJsonDocument(QJsonObject { { u"count"_qs, found.count }, { u"rows"_qs, rows } })
            .toJson(QJsonDocument::Compact));
}
