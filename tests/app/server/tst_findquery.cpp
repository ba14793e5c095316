#include "app/server/findquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QList<QJsonObject> rows()
{
    const char *json = R"([
        {"id": "a", "role": "user", "n": 3, "created_at": "2024-01-01T10:00:00.000Z", "message": "Show revenue"},
        {"id": "b", "role": "assistant", "n": 1, "created_at": "2024-01-02T10:00:00.000Z", "message": "Revenue grew"},
        {"id": "c", "role": "user", "n": 2, "created_at": "2024-01-03T10:00:00.000Z", "message": "By region?"},
        {"id": "d", "role": "assistant", "n": 10, "created_at": "2024-01-04T10:00:00.000Z", "message": "EMEA led"}
    ])";
    QList<QJsonObject> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        out << v.toObject();
    return out;
}

QString ids(const QList<QJsonObject> &list)
{
    QString s;
    for (const QJsonObject &o : list)
        s += o.value(u"id").toString();
    return s;
}
} // namespace

class TestFindQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_data()
    {
        QTest::addColumn<QByteArray>("find");
        QTest::addColumn<QString>("expectedIds");
        QTest::addColumn<int>("expectedCount");
        QTest::newRow("everything") << QByteArray("{}") << u"abcd"_s << 4;
        QTest::newRow("equality") << QByteArray(R"({"where":{"role":"user"}})") << u"ac"_s << 2;
        QTest::newRow("gt on dates")
            << QByteArray(R"({"where":{"created_at":{"gt":"2024-01-02T10:00:00.000Z"}}})")
            << u"cd"_s << 2;
        QTest::newRow("$gte and lt")
            << QByteArray(R"({"where":{"n":{"$gte":2,"lt":10}}})") << u"ac"_s << 2;
        QTest::newRow("numbers compare as numbers")
            << QByteArray(R"({"where":{"n":{"gt":2}}})") << u"ad"_s << 2;
        QTest::newRow("in") << QByteArray(R"({"where":{"id":{"in":["b","d","z"]}}})") << u"bd"_s
                            << 2;
        QTest::newRow("array means in")
            << QByteArray(R"({"where":{"id":["a","c"]}})") << u"ac"_s << 2;
        QTest::newRow("notIn") << QByteArray(R"({"where":{"id":{"notIn":["a"]}}})") << u"bcd"_s
                               << 3;
        QTest::newRow("ne") << QByteArray(R"({"where":{"role":{"ne":"user"}}})") << u"bd"_s << 2;
        QTest::newRow("like, case-insensitive")
            << QByteArray(R"({"where":{"message":{"like":"%REVENUE%"}}})") << u"ab"_s << 2;
        QTest::newRow("or") << QByteArray(R"({"where":{"or":[{"id":"a"},{"n":10}]}})") << u"ad"_s
                            << 2;
        QTest::newRow("between") << QByteArray(R"({"where":{"n":{"between":[2,3]}}})") << u"ac"_s
                                 << 2;
        QTest::newRow("order desc")
            << QByteArray(R"({"order":[["created_at","desc"]]})") << u"dcba"_s << 4;
        QTest::newRow("order two keys")
            << QByteArray(R"({"order":[["role","asc"],["n","desc"]]})") << u"dbac"_s << 4;
        QTest::newRow("limit and offset")
            << QByteArray(R"({"order":[["n","asc"]],"offset":1,"limit":2})") << u"ca"_s << 4;
        QTest::newRow("limit 0") << QByteArray(R"({"limit":0})") << QString() << 4;
    }

    void apply()
    {
        QFETCH(QByteArray, find);
        QFETCH(QString, expectedIds);
        QFETCH(int, expectedCount);
        const FindQuery::Result r
            = FindQuery::apply(rows(), QJsonDocument::fromJson(find).object());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(ids(r.rows), expectedIds);
        QCOMPARE(r.count, expectedCount);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("find");
        QTest::newRow("unknown operator") << QByteArray(R"({"where":{"n":{"near":3}}})");
        QTest::newRow("bad direction") << QByteArray(R"({"order":[["n","sideways"]]})");
        QTest::newRow("where not an object") << QByteArray(R"({"where":"id = 1"})");
    }

    void errors()
    {
        QFETCH(QByteArray, find);
        const FindQuery::Result r
            = FindQuery::apply(rows(), QJsonDocument::fromJson(find).object());
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.rows.isEmpty());
    }

    void attributes()
    {
        const QJsonObject row { { u"id"_s, u"a"_s }, { u"role"_s, u"user"_s },
            { u"kids"_s, QJsonArray {} } };
        const QJsonObject s
            = FindQuery::select(row, QJsonArray { u"id"_s, u"missing"_s }, { u"kids"_s });
        QCOMPARE(s.keys(), (QStringList { u"id"_s, u"kids"_s }));
        QCOMPARE(FindQuery::select(row, QJsonValue(), {}), row);
    }
};

QTEST_GUILESS_MAIN(TestFindQuery)
#include "tst_findquery.moc"
