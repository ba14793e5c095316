// LuzmoSyncProtocol: the requests a sync sends for each cursor, and how answers move it.

#include "app/sync/luzmosyncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
QByteArray rows(int count, int total, int firstIndex = 0)
{
    QJsonArray list;
    for (int i = firstIndex; i < firstIndex + count; ++i) {
        const QString at = u"2025-03-01T09:00:0"_s + QString::number(i) + u".000Z";
        list << QJsonObject { { u"id"_s, QString(u"c"_s + QString::number(i)) },
            { u"title"_s, u"T"_s }, { u"created_at"_s, at }, { u"updated_at"_s, at },
            { u"aiMessages"_s,
                QJsonArray { QJsonObject { { u"id"_s, QString(u"m"_s + QString::number(i)) },
                                 { u"role"_s, u"user"_s }, { u"message"_s, u"hi"_s } },
                    QJsonObject { { u"id"_s, u"x"_s }, { u"role"_s, u"robot"_s } } } } };
    }
    return QJsonDocument(QJsonObject { { u"count"_s, total }, { u"rows"_s, list } }).toJson();
}
} // namespace

class TestLuzmoSyncProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The whole find, as Luzmo's docs write one: `order` is a list of [field, direction] pairs.
    // (Under clang, QJsonArray { QJsonArray { a, b } } is a copy of the inner array: the pair
    // would go out flat, ["id","asc"].)
    void idsFind()
    {
        QCOMPARE(LuzmoSyncProtocol::idsFind(40, 20),
            json(uR"({"attributes":["id"],"order":[["id","asc"]],"limit":20,"offset":40})"_s));
    }

    void pageFind_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("messageWhere");
        QTest::newRow("first sync") << QString() << u"{}"_s << u"{}"_s;
        QTest::newRow("since last sync")
            << u"{\"since\":\"2025-03-01T09:00:00.000Z\"}"_s
            << u"{\"updated_at\":{\"gt\":\"2025-03-01T09:00:00.000Z\"}}"_s
            << u"{\"updated_at\":{\"gt\":\"2025-03-01T09:00:00.000Z\"}}"_s;
        QTest::newRow("mid-run after a page")
            << u"{\"since\":\"S\",\"after\":{\"updated_at\":\"U\",\"id\":\"c7\"},\"newest\":\"U\"}"_s
            << u"{\"or\":[{\"updated_at\":{\"gt\":\"U\"}},{\"id\":{\"gt\":\"c7\"},\"updated_at\":\"U\"}]}"_s
            << u"{\"updated_at\":{\"gt\":\"S\"}}"_s;
    }
    void pageFind()
    {
        QFETCH(QString, cursor);
        QFETCH(QString, where);
        QFETCH(QString, messageWhere);
        const QJsonObject find = LuzmoSyncProtocol::pageFind(cursor, 10);
        QCOMPARE(find.value(u"where").toObject(), json(where));
        const QJsonObject include = find.value(u"include").toArray().first().toObject();
        QCOMPARE(include.value(u"model").toString(), u"AIMessage"_s);
        QCOMPARE(include.value(u"where").toObject(), json(messageWhere));
        QCOMPARE(include.value(u"include").toArray().first().toObject().value(u"model").toString(),
            u"AIMessageAsset"_s);
        QCOMPARE(find.value(u"limit").toInt(), 10);
        QCOMPARE(
            find.value(u"order").toArray().first().toArray().first().toString(), u"updated_at"_s);
    }

    void readPage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<int>("conversations");
        QTest::addColumn<bool>("hasMore");
        QTest::addColumn<QString>("nextCursor");
        QTest::newRow("full page, more to come")
            << rows(2, 5) << QString() << 2 << true
            << u"{\"after\":{\"id\":\"c1\",\"updated_at\":\"2025-03-01T09:00:01.000Z\"},\"newest\":\"2025-03-01T09:00:01.000Z\"}"_s;
        QTest::newRow("last full page") << rows(2, 2) << QString() << 2 << false
                                        << u"{\"since\":\"2025-03-01T09:00:01.000Z\"}"_s;
        QTest::newRow("short page keeps the run's newest")
            << rows(1, 1, 0)
            << u"{\"since\":\"S\",\"after\":{\"updated_at\":\"2025-03-01T09:00:05.000Z\",\"id\":\"c5\"},\"newest\":\"2025-03-01T09:00:05.000Z\"}"_s
            << 1 << false << u"{\"since\":\"2025-03-01T09:00:05.000Z\"}"_s;
        QTest::newRow("empty answer keeps since")
            << rows(0, 0) << u"{\"since\":\"2025-03-01T09:00:05.000Z\"}"_s << 0 << false
            << u"{\"since\":\"2025-03-01T09:00:05.000Z\"}"_s;
    }
    void readPage()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, cursor);
        QFETCH(int, conversations);
        QFETCH(bool, hasMore);
        QFETCH(QString, nextCursor);
        QString error;
        const SyncPage page = LuzmoSyncProtocol::readPage(body, cursor, 2, &error);
        QCOMPARE(error, QString());
        QCOMPARE(page.conversations.size(), conversations);
        QCOMPARE(page.hasMore, hasMore);
        QCOMPARE(json(page.nextCursor), json(nextCursor));
        for (const RemoteConversation &c : page.conversations) {
            QCOMPARE(c.messages.size(), 1); // the unknown role is skipped
            QCOMPARE(c.messages.first().text, u"hi"_s);
            QVERIFY(c.updatedAt.isValid());
        }
    }

    void unreadableAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("no rows") << QByteArray(R"({"count":1})");
        QTest::newRow("row without id") << QByteArray(R"({"count":1,"rows":[{"title":"x"}]})");
    }
    void unreadableAnswers()
    {
        QFETCH(QByteArray, body);
        QString error;
        LuzmoSyncProtocol::readPage(body, {}, 2, &error);
        QVERIFY(!error.isEmpty());
        error.clear();
        LuzmoSyncProtocol::readIds(body, &error);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLuzmoSyncProtocol)
#include "tst_luzmosyncprotocol.moc"
