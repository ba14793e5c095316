#include "tests/app/sync/fakeluzmohistory.h"

#include "app/server/findquery.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

FakeLuzmoHistory::FakeLuzmoHistory()
{
    m_server.setHandler([this](const FakeHttpServer::Request &r) { return answer(r); });
}

QString FakeLuzmoHistory::conversationId(int i)
{
    return u"conv-"_s + QString::number(i).rightJustified(6, u'0');
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
                assets << QJsonObject { { u"id"_s, QString(messageId + u"-a") },
                    { u"type"_s, u"item"_s },
                    { u"value"_s,
                        QJsonObject { { u"type"_s, u"line-chart"_s },
                            { u"options"_s, QJsonObject { { u"n"_s, m } } } } },
                    { u"created_at"_s, at }, { u"updated_at"_s, at } };
            }
            list << QJsonObject { { u"id"_s, messageId }, { u"conversation_id"_s, id },
                { u"role"_s, user ? u"user"_s : u"assistant"_s },
                { u"message"_s,
                    QString((user ? u"Show revenue by month for region "_s
                                  : u"Here is the monthly revenue for region "_s)
                        + QString::number(i) + u", turn " + QString::number(m)) },
                { u"agent"_s, u"analyst"_s }, { u"task"_s, u"generate"_s },
                { u"locale_id"_s, u"en"_s }, { u"created_at"_s, at }, { u"updated_at"_s, at },
                { u"aiMessageAssets"_s, assets } };
        }
        m_conversations << QJsonObject { { u"id"_s, id }, { u"user_id"_s, u"u1"_s },
            { u"title"_s, QString(u"Conversation "_s + QString::number(i)) },
            { u"created_at"_s, at }, { u"updated_at"_s, at }, { u"aiMessages"_s, list } };
    }
}

void FakeLuzmoHistory::addMessage(
    const QString &conversationId, const QString &text, const QDateTime &at)
{
    for (QJsonObject &c : m_conversations) {
        if (c.value(u"id").toString() != conversationId)
            continue;
        QJsonArray list = c.value(u"aiMessages").toArray();
        list << QJsonObject { { u"id"_s,
                                  QString(conversationId + u"-m" + QString::number(list.size())) },
            { u"conversation_id"_s, conversationId }, { u"role"_s, u"user"_s },
            { u"message"_s, text }, { u"created_at"_s, time(at) }, { u"updated_at"_s, time(at) },
            { u"aiMessageAssets"_s, QJsonArray() } };
        c.insert(u"aiMessages"_s, list);
        c.insert(u"updated_at"_s, time(at));
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
            400, QJsonDocument(QJsonObject { { u"message"_s, found.error } }).toJson());
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
            row.insert(u"aiMessages"_s, kept);
        } else {
            row.remove(u"aiMessages"_s);
        }
        rows << FindQuery::select(row, find.value(u"attributes"), { u"aiMessages"_s });
    }
    return FakeHttpServer::json(200,
        QJsonDocument(QJsonObject { { u"count"_s, found.count }, { u"rows"_s, rows } })
            .toJson(QJsonDocument::Compact));
}
