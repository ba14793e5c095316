// Repository: full-text search over titles and messages.
#include "models/database.h"
#include "models/repository.h"
#include "models/repositoryrows.h"
#include "models/searchquery.h"
#include "models/sqlrun.h"
#include "models/sqltransaction.h"

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
} // namespace

StoreResult<QList<SearchHit>> Repository::search(
    const QString &text, int limit, const SearchFilter &filter) const
{
    QList<SearchHit> hits;
    const QString match = SearchQuery::toFts5(text);
    if (match.isEmpty())
        return hits;
    const QString what = u"Searching the history"_s;
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

    // Messages, in two steps so that a common word over a million messages stays fast:
    // 1. the newest `rankingWindow` matches with their bm25 rank (FTS5 walks its index newest
    //    first and stops there), best `limit` kept;
    // 2. snippets for those only.
    // Matches older than the window are not ranked; every match within it is, exactly.
    if (StoreStatus e = run(q,
            u"SELECT messages_fts.rowid, messages_fts.rank FROM messages_fts "
            u"JOIN messages m ON m.id = messages_fts.rowid "
            u"JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE messages_fts MATCH ? AND c.deleted = 0"_s
                + messageSql.where + u" ORDER BY messages_fts.rowid DESC LIMIT ?"_s,
            QVariantList { match } + messageSql.values + QVariantList { rankingWindow }, what))
        return *e;
    QList<QPair<double, qint64>> ranked;
    while (q.next())
        ranked << qMakePair(q.value(1).toDouble(), q.value(0).toLongLong());
    q.finish();
    std::stable_sort(ranked.begin(), ranked.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; }); // bm25: lower is better
    ranked = ranked.mid(0, limit);
    if (ranked.isEmpty())
        return hits;

    QString placeholders;
    QVariantList values { open, close, match };
    for (const auto &r : std::as_const(ranked)) {
        placeholders += placeholders.isEmpty() ? u"?"_s : u", ?"_s;
        values << r.second;
    }
    if (StoreStatus e = run(q,
            u"SELECT m.id, m.conversation_id, c.title, "
            u"snippet(messages_fts, 0, ?, ?, '…', 16), m.role, m.created_at "
            u"FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
            u"JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE messages_fts MATCH ? AND messages_fts.rowid IN ("
                + placeholders + u")",
            values, what))
        return *e;
    QHash<qint64, SearchHit> byId;
    while (q.next()) {
        SearchHit hit;
        hit.messageId = q.value(0).toLongLong();
        hit.conversationId = q.value(1).toLongLong();
        hit.conversationTitle = q.value(2).toString();
        hit.snippet = q.value(3).toString();
        parseRole(q.value(4).toString(), &hit.role);
        hit.at = fromMs(q.value(5));
        byId.insert(hit.messageId, hit);
    }
    for (const auto &[rank, id] : std::as_const(ranked)) {
        if (!byId.contains(id))
            continue;
        SearchHit hit = byId.value(id);
        hit.rank = rank;
        hits << hit;
    }
    return hits;
}

StoreResult<QStringList> Repository::searchableBackends() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (StoreStatus e
        = run(q, u"SELECT DISTINCT backend FROM conversations WHERE deleted = 0 ORDER BY backend"_s,
            {}, u"Listing the backends of the history"_s))
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
            {}, u"Reading the dates of the history"_s))
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
