// Store benchmarks (issues 2 and 14.5): inserts, opening a long conversation, full-text search.
// Usage: bench_store [--smoke] [--search-only] [--search-messages N] [--dir DIR] [--query Q]...
//   --dir DIR  keeps the search corpus in DIR/chartroom.sqlite: the first run writes it (a few
//              minutes at 1M messages), later runs with the same N search it as it is. The insert
//              and open benchmarks always write into a temporary store.
//   --query Q  searches only Q (repeatable; default: the ten query shapes below), e.g. to profile
// Prints one JSON line per measurement; never asserts a time. --smoke (2,000 messages) also
// checks every query's message hits against plain SQL: bm25() over the newest 1,000 matches.

#include "models/database.h"
#include "models/repository.h"
#include "models/searchquery.h"
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

// One JSON line: {"bench":"store_<name>", <fields>}.
void report(const char *name, const QString &fields)
{
    std::printf("{\"bench\":\"store_%s\",%s}\n", name, qUtf8Printable(fields));
    std::fflush(stdout);
}

QString number(double value)
{
    return QString::number(value, 'f', 2);
}

QString quotedJson(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
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

bool failed(const QString &what)
{
    fail(what);
    return false;
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
    report("insert",
        u"\"messages\":%1,\"conversations\":%2,\"seconds\":%3,\"messages_per_s\":%4"_s.arg(total)
            .arg(conversations)
            .arg(number(seconds), number(total / seconds)));
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
    report("open",
        u"\"messages\":%1,\"runs\":50,\"p50_ms\":%2,\"p95_ms\":%3"_s.arg(messages).arg(
            number(percentile(samples, 0.5)), number(percentile(samples, 0.95))));
}

// The search corpus: `messages` messages in conversations of 100, ids 1..messages (so a store
// whose newest message id is `messages` holds the whole corpus and is searched as it is).
bool fillCorpus(Repository &repo, int messages)
{
    QSqlQuery q(repo.database().connection());
    if (!q.exec(u"SELECT coalesce(max(id), 0) FROM messages"_s) || !q.next())
        return failed(u"read the corpus size: "_s + q.lastError().text());
    const qint64 stored = q.value(0).toLongLong();
    q.finish();
    if (stored == messages)
        return true;
    if (stored != 0) {
        return failed(
            u"the store holds another corpus (%1 messages); use another --dir"_s.arg(stored));
    }
    QRandomGenerator rng(99);
    QElapsedTimer fill;
    fill.start();
    const int perConversation = 100;
    for (int done = 0; done < messages;) {
        SqlTransaction t(repo.database().connection());
        auto conv = repo.createConversation(u"Search corpus "_s + QString::number(done));
        if (!conv)
            return failed(u"create a conversation: "_s + conv.error().toString());
        q.prepare(
            u"INSERT INTO messages (conversation_id, role, text, created_at, updated_at, seq) "
            u"VALUES (?, ?, ?, 0, 0, ?)"_s);
        for (int i = 1; i <= perConversation && done < messages; ++i, ++done) {
            q.addBindValue(conv->id);
            q.addBindValue(i % 2 ? u"assistant"_s : u"user"_s);
            q.addBindValue(sentence(rng, 12));
            q.addBindValue(i);
            if (!q.exec())
                return failed(u"insert a message: "_s + q.lastError().text());
        }
        t.commit(u"bench"_s);
    }
    report("search_fill",
        u"\"messages\":%1,\"seconds\":%2"_s.arg(messages).arg(number(fill.elapsed() / 1000.0)));
    return true;
}

// Smoke check, independent of Repository::search: FTS5's own bm25() over the newest
// rankingWindow matches, best `limit` (the corpus is far smaller than the IDF sample, so the
// ranks must be exactly bm25's).
void checkAgainstSql(
    Repository &repo, const QString &query, const QList<SearchHit> &hits, int limit)
{
    QSqlQuery q(repo.database().connection());
    q.prepare(u"SELECT rowid, bm25(messages_fts) FROM messages_fts WHERE messages_fts MATCH ? "
              u"ORDER BY rowid DESC LIMIT ?"_s);
    q.addBindValue(SearchQuery::toFts5(query));
    q.addBindValue(Repository::rankingWindow);
    if (!q.exec())
        return fail(u"plain SQL for "_s + query + u": "_s + q.lastError().text());
    QList<QPair<double, qint64>> expected;
    while (q.next())
        expected << qMakePair(q.value(1).toDouble(), q.value(0).toLongLong());
    std::stable_sort(expected.begin(), expected.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    expected = expected.mid(0, limit);
    QList<QPair<double, qint64>> found;
    for (const SearchHit &hit : hits) {
        if (hit.messageId != 0)
            found << qMakePair(hit.rank, hit.messageId);
    }
    if (found != expected) {
        fail(u"search %1: %2 message hits, plain SQL bm25 gives %3 (or another order or rank)"_s
                 .arg(query)
                 .arg(found.size())
                 .arg(expected.size()));
    }
    if (expected.isEmpty() && query == u"revenue")
        fail(u"search revenue found nothing"_s);
}

void benchSearch(Repository &repo, int messages, bool smoke, const QStringList &only)
{
    if (!fillCorpus(repo, messages))
        return;
    QStringList queries = {
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
    if (!only.isEmpty())
        queries = only;
    const int limit = 50;
    const int runs = 20;
    QList<double> samples;
    QHash<QString, QList<double>> perQuery;
    for (int run = 0; run < runs; ++run) {
        for (const QString &query : queries) {
            QElapsedTimer timer;
            timer.start();
            auto hits = repo.search(query, limit);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            samples << ms;
            perQuery[query] << ms;
            if (!hits)
                return fail(u"search "_s + query + u": "_s + hits.error().toString());
            if (smoke && run == 0)
                checkAgainstSql(repo, query, *hits, limit);
        }
    }
    for (const QString &query : queries) {
        report("search_query",
            u"\"messages\":%1,\"query\":%2,\"min_ms\":%3,\"p50_ms\":%4,\"p95_ms\":%5"_s
                .arg(messages)
                .arg(quotedJson(query), number(percentile(perQuery.value(query), 0)),
                    number(percentile(perQuery.value(query), 0.5)),
                    number(percentile(perQuery.value(query), 0.95))));
    }
    report("search",
        u"\"messages\":%1,\"queries\":%2,\"runs\":%3,\"limit\":%4,\"p50_ms\":%5,\"p95_ms\":%6"_s
            .arg(messages)
            .arg(queries.size())
            .arg(runs)
            .arg(limit)
            .arg(number(percentile(samples, 0.5)), number(percentile(samples, 0.95))));
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

    if (!args.contains(u"--search-only"_s)) {
        QTemporaryDir temp;
        Database db;
        if (StoreStatus e = db.open(temp.path())) {
            std::fprintf(stderr, "cannot open store: %s\n", qPrintable(e->toString()));
            return 1;
        }
        Repository repo(db);
        benchInserts(repo, smoke ? 10 : 1000, smoke ? 10 : 100);
        benchOpenLongConversation(repo, smoke ? 500 : 10000);
    }

    QTemporaryDir temp;
    const qsizetype d = args.indexOf(u"--dir"_s);
    const QString dir = d > 0 && d + 1 < args.size() ? args.at(d + 1) : temp.path();
    Database db;
    if (StoreStatus e = db.open(dir)) {
        std::fprintf(stderr, "cannot open store: %s\n", qPrintable(e->toString()));
        return 1;
    }
    Repository repo(db);
    QStringList only; // --query Q (repeatable): just these queries, e.g. to profile one
    for (qsizetype i = args.indexOf(u"--query"_s); i > 0 && i + 1 < args.size();
         i = args.indexOf(u"--query"_s, i + 2))
        only << args.at(i + 1);
    benchSearch(repo, searchMessages, smoke, only);
    return failures == 0 ? 0 : 1;
}
