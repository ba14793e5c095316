// Repository: full-text search over titles and messages.
#include "models/database.h"
#include "models/repository.h"
#include "models/repositoryrows.h"
#include "models/searchquery.h"
#include "models/searchrank.h"
#include "models/sqlrun.h"
#include "models/sqltransaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

using namespace Qt::StringLiterals;

using namespace RepositoryRows;

namespace {
// A search filter as SQL conditions with their bound values (never interpolated).
struct FilterSql
{
    QString where;
    QVariantList values;
};

void addDateRange(FilterSql &sql, const SearchFilter &filter, const QString &column)
{
    if (!filter.from.isValid() && !filter.to.isValid())
        return;
    sql.where += u" AND "_s + column + u" BETWEEN ? AND ?"_s;
    sql.values << (filter.from.isValid() ? filter.from.startOfDay().toMSecsSinceEpoch()
                                         : std::numeric_limits<qint64>::min());
    sql.values << (filter.to.isValid() ? filter.to.addDays(1).startOfDay().toMSecsSinceEpoch() - 1
                                       : std::numeric_limits<qint64>::max());
}

FilterSql titleFilterSql(const SearchFilter &filter)
{
    FilterSql sql;
    if (!filter.backend.isEmpty()) {
        sql.where += u" AND c.backend = ?"_s;
        sql.values << filter.backend;
    }
    addDateRange(sql, filter, u"c.updated_at"_s);
    if (filter.hasChart) {
        sql.where += u" AND EXISTS (SELECT 1 FROM messages cm JOIN message_assets a ON "
                     u"a.message_id = cm.id WHERE cm.conversation_id = c.id)"_s;
    }
    return sql;
}

FilterSql messageFilterSql(const SearchFilter &filter)
{
    FilterSql sql;
    if (!filter.backend.isEmpty()) {
        sql.where += u" AND c.backend = ?"_s;
        sql.values << filter.backend;
    }
    addDateRange(sql, filter, u"m.created_at"_s);
    if (filter.hasChart)
        sql.where += u" AND EXISTS (SELECT 1 FROM message_assets a WHERE a.message_id = m.id)"_s;
    return sql;
}
// A message hit from the ranking step's row: its id in column 0, from column 2 on its snippet,
// conversation id, conversation title, role and time.
SearchHit readMessageHit(const QSqlQuery &q)
{
    constexpr int column = 2;
    SearchHit hit;
    hit.messageId = q.value(0).toLongLong();
    hit.snippet = q.value(column).toString();
    hit.conversationId = q.value(column + 1).toLongLong();
    hit.conversationTitle = q.value(column + 2).toString();
    parseRole(q.value(column + 3).toString(), &hit.role);
    hit.at = fromMs(q.value(column + 4));
    return hit;
}
} // namespace

StoreResult<QList<SearchHit>> Repository::search(
    const QString &text, int limit, const SearchFilter &filter) const
{
    QList<SearchHit> hits;
    const QString match = SearchQuery::toFts5(text);
    if (match.isEmpty())
        return hits;
    const QString what = QCoreApplication::translate("StoreError", "Searching the history");
    const QString open = SearchHit::markStart, close = SearchHit::markEnd;
    const FilterSql titleSql = titleFilterSql(filter);
    const FilterSql messageSql = messageFilterSql(filter);
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e = run(q,
            u"SELECT c.id, c.title, snippet(conversations_fts, 0, ?, ?, '…', 12), "
            u"c.updated_at FROM conversations_fts JOIN conversations c ON "
            u"c.id = conversations_fts.rowid WHERE conversations_fts MATCH ? AND "
            u"c.deleted = 0"_s
                + titleSql.where + u" ORDER BY rank LIMIT ?"_s,
            QVariantList { open, close, match } + titleSql.values + QVariantList { limit }, what))
        return *e;
    while (q.next()) {
        SearchHit hit;
        hit.conversationId = q.value(0).toLongLong();
        hit.conversationTitle = q.value(1).toString();
        hit.snippet = q.value(2).toString();
        hit.at = fromMs(q.value(3));
        hits << hit;
    }
    q.finish();

    // Messages, in steps, so that a common word over a million messages stays fast:
    // 1. how many of the newest `m_idfSample` messages contain each phrase (its weight);
    // 2. the newest `rankingWindow` matches with their bm25 rank (FTS5 walks its index newest
    //    first and stops there), best `limit` kept; snippets only for the rows that were among
    //    the best `limit` so far when they came (about 200 of 1,000; searchrank.h).
    // Matches older than the window are not ranked; every match within it is, exactly.
    const StoreResult<QVariantList> weights = phraseWeights(text);
    if (!weights)
        return weights.error();
    QString weightArgs;
    for (qsizetype i = 0; i < weights->size(); ++i)
        weightArgs += u", ?"_s;
    const QString ifKept
        = u"CASE WHEN "_s + QString::fromLatin1(SearchRank::keptFunctionName) + u"() THEN "_s;
    if (StoreStatus e = run(q,
            u"SELECT messages_fts.rowid, "_s + QString::fromLatin1(SearchRank::functionName)
                + u"(messages_fts, ?"_s + weightArgs + u"), "_s + ifKept
                + u"snippet(messages_fts, 0, ?, ?, '…', 16) END, "_s + ifKept
                + u"m.conversation_id END, "_s + ifKept + u"c.title END, "_s + ifKept
                + u"m.role END, "_s + ifKept
                + u"m.created_at END FROM messages_fts "
                  u"JOIN messages m ON m.id = messages_fts.rowid "
                  u"JOIN conversations c ON c.id = m.conversation_id "
                  u"WHERE messages_fts MATCH ? AND c.deleted = 0"_s
                + messageSql.where + u" ORDER BY messages_fts.rowid DESC LIMIT ?"_s,
            QVariantList { limit < 0 ? rankingWindow : limit } + *weights
                + QVariantList { open, close, match } + messageSql.values
                + QVariantList { rankingWindow },
            what))
        return *e;
    QList<QPair<double, qint64>> ranked;
    QHash<qint64, SearchHit> byId;
    while (q.next()) {
        ranked << qMakePair(q.value(1).toDouble(), q.value(0).toLongLong());
        if (!q.value(2).isNull())
            byId.insert(ranked.last().second, readMessageHit(q));
    }
    q.finish();
    std::stable_sort(ranked.begin(), ranked.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; }); // bm25: lower is better
    ranked = ranked.mid(0, limit);
    for (const auto &[rank, id] : std::as_const(ranked)) {
        // Each of the best `limit` was among the best so far when it came, so it has its row
        // (tst_repositorysearch compares every rank and hit with FTS5's bm25()).
        if (!byId.contains(id))
            continue;
        SearchHit hit = byId.value(id);
        hit.rank = rank;
        hits << hit;
    }
    return hits;
}

StoreResult<QVariantList> Repository::phraseWeights(const QString &text) const
{
    // The sample: the newest m_idfSample message ids. A history with no more ids than that is
    // all sample: no counts, so chartroom_bm25 counts over the whole table as bm25() does (it
    // does so too when the table holds no more rows than the sample, ids deleted in between).
    const QString what = QCoreApplication::translate("StoreError", "Searching the history");
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e
        = run(q, u"SELECT coalesce(max(id), 0) FROM messages_fts_docsize"_s, {}, what))
        return *e;
    const qint64 newest = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (newest <= m_idfSample)
        return QVariantList {};
    QVariantList weights { qint64(m_idfSample) };
    for (const QString &phrase : SearchQuery::phrases(text)) {
        if (StoreStatus e = run(q,
                u"SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ? AND rowid > ?"_s,
                { phrase, newest - m_idfSample }, what))
            return *e;
        weights << (q.next() ? q.value(0).toLongLong() : qint64(0));
        q.finish();
    }
    return weights;
}

StoreResult<QStringList> Repository::searchableBackends() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e
        = run(q, u"SELECT DISTINCT backend FROM conversations WHERE deleted = 0 ORDER BY backend"_s,
            {}, QCoreApplication::translate("StoreError", "Listing the backends of the history")))
        return *e;
    QStringList backends;
    while (q.next())
        backends << q.value(0).toString();
    return backends;
}

StoreResult<Repository::DateRange> Repository::historyDates() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    const QString live = u"FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                         u"WHERE c.deleted = 0"_s;
    if (StoreStatus e = run(q,
            u"SELECT (SELECT min(created_at) FROM conversations WHERE deleted = 0), "
            u"(SELECT min(m.created_at) "_s
                + live + u"), (SELECT max(updated_at) FROM conversations WHERE deleted = 0), "
                + u"(SELECT max(m.updated_at) " + live + u")",
            {}, QCoreApplication::translate("StoreError", "Reading the dates of the history")))
        return *e;
    if (!q.next() || q.value(0).isNull())
        return DateRange {};
    const qint64 first = q.value(1).isNull()
        ? q.value(0).toLongLong()
        : std::min(q.value(0).toLongLong(), q.value(1).toLongLong());
    const qint64 last = q.value(3).isNull()
        ? q.value(2).toLongLong()
        : std::max(q.value(2).toLongLong(), q.value(3).toLongLong());
    return DateRange { QDateTime::fromMSecsSinceEpoch(first).date(),
        QDateTime::fromMSecsSinceEpoch(last).date() };
}
