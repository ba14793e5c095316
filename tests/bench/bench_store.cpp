// Store benchmarks (issue 2): inserts, opening a long conversation, full-text search.
// Usage: bench_store [--smoke] [--search-only] [--search-messages N] [--dir DIR [--reuse]]
// Prints one line per measurement; never asserts a time.

#include "models/database.h"
#include "models/repository.h"
#include "models/sqltransaction.h"
#include "models/transcriptmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
const QStringList vocabulary = {
    u"revenue"_s,
    u"margin"_s,
    u"region"_s,
    u"monthly"_s,
    u"weekly"_s,
    u"units"_s,
    u"cost"_s,
    u"product"_s,
    u"emea"_s,
    u"apac"_s,
    u"americas"_s,
    u"trend"_s,
    u"chart"_s,
    u"quarter"_s,
    u"forecast"_s,
    u"growth"_s,
    u"decline"_s,
    u"average"_s,
    u"total"_s,
    u"customers"_s,
    u"orders"_s,
    u"the"_s,
    u"of"_s,
    u"by"_s,
    u"in"_s,
    u"show"_s,
    u"compare"_s,
    u"line"_s,
    u"sales"_s,
    u"profit"_s,
};

QString sentence(QRandomGenerator &rng, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << vocabulary.at(int(rng.bounded(vocabulary.size())));
    // A rarer word now and then, so searches have selective terms too.
    out << u"w" + QString::number(rng.bounded(50000));
    return out.join(u' ');
}

void report(const char *name, double value, const char *unit)
{
    std::printf("%-48s %12.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(qMin(samples.size() - 1, qsizetype(p * double(samples.size()))));
}

// Each failed write, empty page or failed search counts here; main() exits 1 if any did, so the
// CTest smoke run fails on a benchmark that measured nothing.
int failures = 0;

void fail(const QString &what)
{
    ++failures;
    std::fprintf(stderr, "  FAILED: %s\n", qPrintable(what));
}

// 100k messages in 1k conversations through the repository (one transaction per message,
// as the app writes them).
void benchInserts(Repository &repo, int conversations, int perConversation)
{
    QRandomGenerator rng(42);
    QElapsedTimer timer;
    timer.start();
    for (int c = 0; c < conversations; ++c) {
        auto conv = repo.createConversation(u"Conversation "_s + QString::number(c));
        if (!conv)
            return fail(u"create a conversation: "_s + conv.error().toString());
        for (int i = 0; i < perConversation; ++i) {
            Message m;
            m.conversationId = conv->id;
            m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
            m.text = sentence(rng, 12);
            if (auto added = repo.addMessage(m); !added)
                return fail(u"add a message: "_s + added.error().toString());
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const int total = conversations * perConversation;
    std::printf("insert %d messages in %d conversations\n", total, conversations);
    report("  total", seconds, "s");
    report("  throughput", total / seconds, "messages/s");
}

void benchOpenLongConversation(Repository &repo, int messages)
{
    QRandomGenerator rng(7);
    auto conv = repo.createConversation(u"Long conversation"_s);
    if (!conv)
        return fail(u"create a conversation: "_s + conv.error().toString());
    {
        SqlTransaction t(repo.database().connection());
        QSqlQuery q(repo.database().connection());
        q.prepare(
            u"INSERT INTO messages (conversation_id, role, text, created_at, updated_at, seq) "
            u"VALUES (?, ?, ?, 0, 0, ?)"_s);
        for (int i = 1; i <= messages; ++i) {
            q.addBindValue(conv->id);
            q.addBindValue(i % 2 ? u"assistant"_s : u"user"_s);
            q.addBindValue(sentence(rng, 40));
            q.addBindValue(i);
            if (!q.exec())
                return fail(u"insert a message: "_s + q.lastError().text());
        }
        t.commit(u"bench"_s);
    }
    QList<double> samples;
    for (int run = 0; run < 50; ++run) {
        TranscriptModel model(repo);
        QElapsedTimer timer;
        timer.start();
        model.setConversation(conv->id);
        samples << double(timer.nsecsElapsed()) / 1e6;
        if (model.rowCount() == 0)
            return fail(u"the long conversation opened with no rows"_s);
    }
    std::printf("open a %d-message conversation to its first page (50 runs)\n", messages);
    report("  p50", percentile(samples, 0.5), "ms");
    report("  p95", percentile(samples, 0.95), "ms");
}

void benchSearch(Repository &repo, int messages, bool reuse)
{
    QRandomGenerator rng(99);
    std::printf("full-text search over %d messages\n", messages);
    if (reuse) // --reuse: the corpus of an earlier run in --dir is already there
        messages = 0;
    QElapsedTimer fill;
    fill.start();
    const int perConversation = 100;
    QSqlQuery q(repo.database().connection());
    for (int done = 0; done < messages;) {
        SqlTransaction t(repo.database().connection());
        auto conv = repo.createConversation(u"Search corpus "_s + QString::number(done));
        if (!conv)
            return fail(u"create a conversation: "_s + conv.error().toString());
        q.prepare(
            u"INSERT INTO messages (conversation_id, role, text, created_at, updated_at, seq) "
            u"VALUES (?, ?, ?, 0, 0, ?)"_s);
        for (int i = 1; i <= perConversation && done < messages; ++i, ++done) {
            q.addBindValue(conv->id);
            q.addBindValue(i % 2 ? u"assistant"_s : u"user"_s);
            q.addBindValue(sentence(rng, 12));
            q.addBindValue(i);
            if (!q.exec())
                return fail(u"insert a message: "_s + q.lastError().text());
        }
        t.commit(u"bench"_s);
    }
    report("  fill (bulk insert, indexed by triggers)", double(fill.elapsed()) / 1000.0, "s");

    const QStringList queries = {
        u"revenue"_s,
        u"w123"_s,
        u"margin region"_s,
        u"\"monthly revenue\""_s,
        u"fore*"_s,
        u"w4*"_s,
        u"emea OR apac"_s,
        u"profit NOT decline"_s,
        u"customers orders"_s,
        u"w777 revenue"_s,
    };
    QList<double> samples;
    QHash<QString, QList<double>> perQuery;
    for (int run = 0; run < 20; ++run) {
        for (const QString &query : queries) {
            QElapsedTimer timer;
            timer.start();
            auto hits = repo.search(query, 50);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            samples << ms;
            perQuery[query] << ms;
            if (!hits)
                return fail(u"search "_s + query + u": "_s + hits.error().toString());
            // "revenue" is in the vocabulary of every sentence generator run: never no hits.
            if (query == u"revenue" && hits->isEmpty())
                return fail(u"search revenue found nothing"_s);
        }
    }
    for (const QString &query : queries) {
        const QByteArray name = "    p50 " + query.toUtf8();
        report(name.constData(), percentile(perQuery.value(query), 0.5), "ms");
    }
    report("  p50 (limit 50)", percentile(samples, 0.5), "ms");
    report("  p95 (limit 50)", percentile(samples, 0.95), "ms");
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    int searchMessages = smoke ? 2000 : 1000000;
    const qsizetype n = args.indexOf(u"--search-messages"_s);
    if (n > 0 && n + 1 < args.size())
        searchMessages = args.at(n + 1).toInt();

    QTemporaryDir temp;
    const qsizetype d = args.indexOf(u"--dir"_s);
    const QString dir = d > 0 && d + 1 < args.size() ? args.at(d + 1) : temp.path();

    Database db;
    if (StoreStatus e = db.open(dir)) {
        std::fprintf(stderr, "cannot open store: %s\n", qPrintable(e->toString()));
        return 1;
    }
    Repository repo(db);
    if (!args.contains(u"--search-only"_s)) {
        benchInserts(repo, smoke ? 10 : 1000, smoke ? 10 : 100);
        benchOpenLongConversation(repo, smoke ? 500 : 10000);
    }
    benchSearch(repo, searchMessages, args.contains(u"--reuse"_s));
    return failures == 0 ? 0 : 1;
}
