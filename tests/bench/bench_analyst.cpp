// Analyst answer-time benchmark (issue 11.8): imports an N-row sales CSV (default 1,000,000; see
// benchcsv.h) into a fresh datasets store, then times AnalystAgent::generate (Agent::Analyst) for
// three questions the way the local server answers one request: list the datasets, make an agent
// over a QueryEngine, answer. One warm-up, then --repeat answers (default 30) per question;
// prints p50/p95/max per question, then one JSON line with them all.
// Each answer is printed once and checked against plain SQL over the raw table; a reply with an
// error, or a number that differs from the plain SQL one, makes the program exit 1.
// --without-rollup first drops the dataset's rollup (see QueryBuilder), so every query reads the
// rows: the answer times before the rollup existed (the same SQL).
// Usage: bench_analyst [--smoke] [--rows N] [--repeat N] [--dir DIR] [--without-rollup]
// Never asserts a time.

#include "app/analyst/analystagent.h"
#include "app/analyst/numberformat.h"
#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "app/datasets/valueparser.h"
#include "tests/bench/benchcsv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
struct Question
{
    QString text;
    QString key; // for the JSON line
    // The numbers (with their category) the answer must contain, from plain SQL.
    QStringList expected;
};

struct Timing
{
    double p50 = 0, p95 = 0, max = 0;
    int queries = 0; // data queries per answer
    double queryMs = 0; // time in them, per answer (median)
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype i = qBound<qsizetype>(
        0, qsizetype(std::ceil(p * double(values.size()))) - 1, values.size() - 1);
    return values.at(i);
}

qint64 unixDay(int y, int m, int d)
{
    return ValueParser::daysFromCivil(y, m, d) * 86400;
}

// Plain SQL over the dataset's own table (c0 Date, c1 Region, c2 Product, c4 Revenue): the
// expected numbers, computed independently of the query builder and engine.
QList<QPair<QString, double>> plainSql(const DatasetStore &store, const QString &sql)
{
    QList<QPair<QString, double>> rows;
    QSqlQuery q(store.connection());
    if (!q.exec(sql)) {
        std::fprintf(stderr, "plain SQL failed: %s\n", qPrintable(sql));
        return rows;
    }
    while (q.next())
        rows.append({ q.value(0).toString(), q.value(1).toDouble() });
    return rows;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 rows = 1000000;
    int repeat = 30;
    if (args.contains(u"--smoke"_s)) {
        rows = 10000;
        repeat = 3;
    }
    if (const qsizetype i = args.indexOf(u"--rows"_s); i >= 0)
        rows = args.value(i + 1).toLongLong();
    if (const qsizetype i = args.indexOf(u"--repeat"_s); i >= 0)
        repeat = qMax(1, args.value(i + 1).toInt());
    QTemporaryDir temp;
    QString dir = temp.path();
    if (const qsizetype i = args.indexOf(u"--dir"_s); i >= 0)
        dir = args.value(i + 1);

    const QString csv = dir + u"/bench.csv"_s;
    if (!writeBenchCsv(csv, rows)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(csv));
        return 1;
    }
    DatasetStore store;
    if (StoreStatus failed = store.open(dir)) {
        std::fprintf(stderr, "%s\n", qPrintable(failed->toString()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const auto imported = store.importFile(csv, u"bench"_s);
    if (!imported) {
        std::fprintf(stderr, "%s\n", qPrintable(imported.error().toString()));
        return 1;
    }
    std::printf("import: %lld rows in %lld ms\n", imported->rowCount, timer.elapsed());
    const QString table = *store.tableName(imported->id);
    if (args.contains(u"--without-rollup"_s) && !imported->rollupTable.isEmpty()) {
        QSqlQuery drop(store.connection());
        if (!drop.exec(u"UPDATE datasets SET rollup_table = NULL"_s)
            || !drop.exec(u"DROP TABLE "_s + imported->rollupTable)) {
            std::fprintf(stderr, "cannot drop the rollup\n");
            return 1;
        }
    }
    const QString rollup = store.dataset(imported->id)->rollupTable;
    if (!rollup.isEmpty()) {
        QSqlQuery count(store.connection());
        count.exec(u"SELECT count(*) FROM "_s + rollup);
        count.next();
        std::printf("rollup: %lld rows\n", count.value(0).toLongLong());
    } else {
        std::printf("rollup: none, queries read the rows\n");
    }
    const bool currency = imported->column(DatasetStore::columnId(imported->id, u"Revenue"_s))
        && imported->column(DatasetStore::columnId(imported->id, u"Revenue"_s))->currency;
    const auto money = [currency](double v) { return NumberFormat::number(v, currency); };

    QList<Question> questions;
    {
        // Monthly by region: the answer names the region with the highest total.
        Question q { u"monthly revenue by region"_s, u"monthly_by_region"_s, {} };
        const auto top = plainSql(store,
            u"SELECT c1, SUM(c4) FROM "_s + table + u" GROUP BY c1 ORDER BY 2 DESC LIMIT 1"_s);
        if (!top.isEmpty())
            q.expected << top.first().first;
        questions.append(q);
    }
    {
        Question q { u"top 5 products by revenue in 2023"_s, u"top5_products_2023"_s, {} };
        const auto top = plainSql(store,
            u"SELECT c2, SUM(c4) FROM "_s + table + u" WHERE c0 >= "_s
                + QString::number(unixDay(2023, 1, 1)) + u" AND c0 < "_s
                + QString::number(unixDay(2024, 1, 1)) + u" GROUP BY c2 ORDER BY 2 DESC LIMIT 5"_s);
        for (const auto &[product, revenue] : top)
            q.expected << product << money(revenue);
        questions.append(q);
    }
    {
        Question q { u"revenue for Laptop in EMEA in Q1 2023"_s, u"laptop_emea_q1_2023"_s, {} };
        const auto total = plainSql(store,
            u"SELECT 'total', SUM(c4) FROM "_s + table
                + u" WHERE c2 = 'Laptop' AND c1 = 'EMEA' AND c0 >= "_s
                + QString::number(unixDay(2023, 1, 1)) + u" AND c0 < "_s
                + QString::number(unixDay(2023, 4, 1)));
        if (!total.isEmpty())
            q.expected << money(total.first().second);
        questions.append(q);
    }

    const QueryEngine engine(store);
    int queries = 0;
    qint64 queryNs = 0;
    // One request of the local server (LocalServer::runAgent): the datasets, an agent, an answer.
    const auto answer = [&](const QString &question) {
        const auto datasets = store.datasets();
        if (!datasets) {
            AgentReply reply;
            reply.error = datasets.error().message;
            return reply;
        }
        AnalystAgent agent(*datasets, [&](const DataQuery &query) {
            QElapsedTimer t;
            t.start();
            auto result = engine.run(query);
            ++queries;
            queryNs += t.nsecsElapsed();
            return result ? Expected<QList<QJsonArray>, QString>(*result)
                          : Expected<QList<QJsonArray>, QString>(result.error().message);
        });
        return agent.generate(question, Agent::Analyst, imported->id);
    };

    bool failed = false;
    QList<Timing> timings;
    for (const Question &q : std::as_const(questions)) {
        const AgentReply warm = answer(q.text);
        std::printf("--- %s\n%s\n", qPrintable(q.text), qPrintable(warm.text));
        if (warm.error) {
            std::fprintf(stderr, "error: %s\n", qPrintable(*warm.error));
            failed = true;
        }
        for (const QString &e : q.expected) {
            if (!warm.text.contains(e)) {
                std::fprintf(stderr, "error: the answer to \"%s\" lacks \"%s\" (plain SQL)\n",
                    qPrintable(q.text), qPrintable(e));
                failed = true;
            }
        }
        QList<double> ms, inQueries;
        Timing t;
        for (int i = 0; i < repeat; ++i) {
            queries = 0;
            queryNs = 0;
            timer.start();
            const AgentReply reply = answer(q.text);
            ms.append(double(timer.nsecsElapsed()) / 1e6);
            inQueries.append(double(queryNs) / 1e6);
            t.queries = queries;
            if (reply.error || reply.text != warm.text) {
                std::fprintf(stderr, "error: answer %d to \"%s\" differs\n", i, qPrintable(q.text));
                failed = true;
            }
        }
        t.p50 = percentile(ms, 0.5);
        t.p95 = percentile(ms, 0.95);
        t.max = percentile(ms, 1.0);
        t.queryMs = percentile(inQueries, 0.5);
        timings.append(t);
    }

    std::printf("analyst answers over %lld rows (%s), %d answers each after one warm-up:\n",
        imported->rowCount, rollup.isEmpty() ? "no rollup" : "rollup", repeat);
    QStringList json;
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const Timing &t = timings.at(i);
        std::printf("answer: %-40s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d queries, "
                    "%.1f ms in them)\n",
            qPrintable(u'"' + questions.at(i).text + u'"'), t.p50, t.p95, t.max, t.queries,
            t.queryMs);
        json.append(u"\"%1\":{\"p50_ms\":%2,\"p95_ms\":%3,\"max_ms\":%4,\"queries\":%5}"_s.arg(
            questions.at(i).key, QString::number(t.p50, 'f', 1), QString::number(t.p95, 'f', 1),
            QString::number(t.max, 'f', 1), QString::number(t.queries)));
    }
    std::printf("{\"bench\":\"analyst\",\"rows\":%lld,\"rollup\":%s,\"repeat\":%d,%s}\n",
        imported->rowCount, rollup.isEmpty() ? "false" : "true", repeat,
        qPrintable(json.join(u',')));
    return failed ? 1 : 0;
}
