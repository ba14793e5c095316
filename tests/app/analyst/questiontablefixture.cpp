#include "tests/app/analyst/questiontablefixture.h"

#include "app/datasets/queryengine.h"
#include "tests/support/csvfixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Fleet: Day, Depot, Vehicle, Trips, Fare, Fuel from 2021-01-01 to 2023-06-30.
QByteArray fleetCsv()
{
    QByteArray csv = "Day,Depot,Vehicle,Trips,Fare,Fuel\n";
    const QStringList depots = { u"North"_s, u"South"_s, u"Harbour"_s };
    const QStringList vehicles = { u"Bus"_s, u"Tram"_s, u"Ferry"_s };
    int n = 0;
    for (QDate d(2021, 1, 1); d <= QDate(2023, 6, 30); d = d.addDays(1)) {
        for (int i = 0; i < depots.size(); ++i) {
            for (int j = 0; j < vehicles.size(); ++j) {
                ++n;
                const int trips = 10 + (n * 7 + d.month() * 3) % 40 + i * 5;
                const double fare = trips * (1.5 + j) + (n % 11) * 0.25;
                const double fuel = trips * (0.8 + 0.3 * j) + (n % 5);
                csv += d.toString(Qt::ISODate).toUtf8() + ',' + depots.at(i).toUtf8() + ','
                    + vehicles.at(j).toUtf8() + ',' + QByteArray::number(trips) + ','
                    + QByteArray::number(fare, 'f', 2) + ',' + QByteArray::number(fuel, 'f', 2)
                    + '\n';
            }
        }
    }
    return csv;
}

} // namespace

QString range(const QString &from, const QString &to)
{
    return u"c0 >= unixepoch('"_s + from + u"') AND c0 < unixepoch('"_s + to + u"')"_s;
}

void QuestionTableFixture::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!m_store.open(m_dir.path()));
    QVERIFY(!m_store.ensureSampleDataset());
    QVERIFY(importBytes(m_store, fleetCsv(), u"Fleet"_s));
    const auto all = m_store.datasets();
    QVERIFY(all);
    m_datasets = *all;
    QCOMPARE(m_datasets.size(), 2);
}

DatasetSchema QuestionTableFixture::schema(const QString &name) const
{
    for (const DatasetSchema &d : m_datasets) {
        if (d.name == name)
            return d;
    }
    return {};
}

double QuestionTableFixture::sql(const QString &dataset, const QString &query) const
{
    const QString table = *m_store.tableName(schema(dataset).id);
    QSqlQuery q(m_store.connection());
    const QString text = QString(query).replace(u"{T}"_s, table);
    if (!q.exec(text) || !q.next())
        qFatal("SQL failed: %s", qPrintable(text));
    return q.value(0).toDouble();
}

AgentReply QuestionTableFixture::ask(const QString &question, const std::optional<Intent> &previous)
{
    const QueryEngine engine(m_store);
    AnalystAgent agent(m_datasets, [&engine](const DataQuery &query) {
        auto rows = engine.run(query);
        return rows ? Expected<QList<QJsonArray>, QString>(*rows)
                    : Expected<QList<QJsonArray>, QString>(rows.error().message);
    });
    return agent.generate(question, Agent::Analyst, {}, previous);
}

DataFacts QuestionTableFixture::facts(const DatasetSchema &s) const
{
    DataFacts facts;
    const QString table = *m_store.tableName(s.id);
    for (int i = 0; i < s.columns.size(); ++i) {
        QSqlQuery q(m_store.connection());
        const QString c = u"c"_s + QString::number(i);
        if (s.columns.at(i).type == ColumnType::Datetime) {
            q.exec(u"SELECT date(MIN("_s + c + u"), 'unixepoch'), date(MAX("_s + c
                + u"), 'unixepoch') FROM "_s + table);
            if (q.next()) {
                facts.first = QDate::fromString(q.value(0).toString(), Qt::ISODate);
                facts.last = QDate::fromString(q.value(1).toString(), Qt::ISODate);
            }
        } else if (s.columns.at(i).type == ColumnType::Hierarchy) {
            q.exec(u"SELECT DISTINCT "_s + c + u" FROM "_s + table + u" ORDER BY 1"_s);
            while (q.next())
                facts.values[s.columns.at(i).id].append(q.value(0).toString());
        }
    }
    return facts;
}
