// LuzmoSyncProtocol: the requests a sync sends for each cursor, and how answers move it.

#include "luzmosyncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
QByteArray rows(int count, int total, int firstIndex = 0)
{
    QJsonArray list;
    for (int i = firstIndex; i < firstIndex + count; ++i) {
        const QString at = u"2025-03-01T09:00:0"_qs + QString::number(i) + u".000Z";
        list << QJsonObject { { u"id"_qs, QString(u"c"_qs + QString::number(i)) },
            { u"title"_qs, u"T"_qs }, { u"created_at"_qs, at }, { u"updated_at"_qs, at },
            { u"aiMessages"_qs,
                QJsonArray { QJsonObject { { u"id"_qs, QString(u"m"_qs + QString::number(i)) },
                                 { u"role"_qs, u"user"_qs }, { u"message"_qs, u"hi"_qs } },
                    QJsonObject { { u"id"_qs, u"x"_qs }, { u"role"_qs, u"robot"_qs } } } } };
    }
    return QJsonDocument(QJsonObject { { u"count"_qs, total }, { u"rows"_qs, list } }).toJson();
}
} // namespace

class TestLuzmoSyncProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pageFind_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("messageWhere");
        QTest::newRow("first sync") << QString() << u"{}"_qs << u"{}"_qs;
        QTest::newRow("since last sync")
            << u"{\"since\":\"2025-03-01T09:00:00.000Z\"}"_qs
            << u"{\"updated_at\":{\"gt\":\"2025-03-01T09:00:00.000Z\"}}"_qs
            << u"{\"updated_at\":{\"gt\":\"2025-03-01T09:00:00.000Z\"}}"_qs;
        QTest::newRow("mid-run after a page")
            << u"{\"since\":\"S\",\"after\":{\"updated_at\":\"U\",\"id\":\"c7\"},\"newest\":\"U\"}"_qs
            << u"{\"or\":[{\"updated_at\":{\"gt\":\"U\"}},{\"id\":{\"gt\":\"c7\"},\"updated_at\":\"U\"}]}"_qs
            << u"{\"updated_at\":{\"gt\":\"S\"}}"_qs;
    }
    void pageFind()
    {
        QFETCH(QString, cursor);
        QFETCH(QString, where);
        QFETCH(QString, messageWhere);
        const QJsonObject find = LuzmoSyncProtocol::pageFind(cursor, 10);
        QCOMPARE(find.value(u"where").toObject(), json(where));
        const QJsonObject include = find.value(u"include").toArray().first().toObject();
        QCOMPARE(include.value(u"model").toString(), u"AIMessage"_qs);
        QCOMPARE(include.value(u"where").toObject(), json(messageWhere));
        QCOMPARE(include.value(u"include").toArray().first().toObject().value(u"model").toString(),
            u"AIMessageAsset"_qs);
        QCOMPARE(find.value(u"limit").toInt(), 10);
        QCOMPARE(
            find.value(u"order").toArray().first().toArray().first().toString(), u"updated_at"_qs);
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
            << u"{\"after\":{\"id\":\"c1\",\"updated_at\":\"2025-03-01T09:00:01.000Z\"},\"newest\":\"2025-03-01T09:00:01.000Z\"}"_qs;
        QTest::newRow("last full page") << rows(2, 2) << QString() << 2 << false
                                        << u"{\"since\":\"2025-03-01T09:00:01.000Z\"}"_qs;
        QTest::newRow("short page keeps the run's newest")
            << rows(1, 1, 0)
            << u"{\"since\":\"S\",\"after\":{\"updated_at\":\"2025-03-01T09:00:05.000Z\",\"id\":\"c5\"},\"newest\":\"2025-03-01T09:00:05.000Z\"}"_qs
            << 1 << false << u"{\"since\":\"2025-03-01T09:00:05.000Z\"}"_qs;
        QTest::newRow("empty answer keeps since")
            << rows(0, 0) << u"{\"since\":\"2025-03-01T09:00:05.000Z\"}"_qs << 0 << false
            << u"{\"since\":\"2025-03-01T09:00:05.000Z\"}"_qs;
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
            QCOMPARE(c.messages.first().text, u"hi"_qs);
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
