#include "app/datasets/queryengine.h"

#include "app/datasets/aggregationformula.h"
#include "app/datasets/datasetstore.h"
#include "app/datasets/querybuilder.h"
#include "models/sqlitedeadline.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
QJsonValue toJson(const QVariant &v, QueryBuilder::ValueKind kind)
{
    if (v.isNull())
        return QJsonValue::Null;
    switch (kind) {
    case QueryBuilder::ValueKind::Text:
        return v.toString();
    case QueryBuilder::ValueKind::Integer:
        return v.toLongLong();
    case QueryBuilder::ValueKind::Real:
        return v.toDouble();
    case QueryBuilder::ValueKind::Instant:
        return QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC)
            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
    }
    return QJsonValue::Null;
}
} // namespace

QueryEngine::QueryEngine(const DatasetStore &store, int timeLimitMs)
    : m_store(store)
    , m_timeLimitMs(timeLimitMs)
    , m_deadline(timeLimitMs > 0 ? QDeadlineTimer(timeLimitMs) : QDeadlineTimer::Forever)
{
}

StoreError QueryEngine::queryFailed(const QSqlError &error, bool timedOut) const
{
    StoreError e = storeErrorFromSql(error, u"Querying the dataset"_s);
    if (timedOut && e.code == StoreError::Code::Interrupted) {
        e.code = StoreError::Code::TimedOut;
        e.message = u"The question needs more than the %1 s the server allows for one answer, "
                    u"so nothing was computed. Ask about a shorter period, fewer groups or "
                    u"with a filter."_s.arg(m_timeLimitMs / 1000.0, 0, 'g', 3);
    }
    return e;
}

StoreResult<QList<QJsonArray>> QueryEngine::run(const DataQuery &query) const
{
    if (FormulaExpansion::needed(query)) {
        QList<std::optional<AggregationFormula>> formulas;
        const auto expanded = FormulaExpansion::expand(query, &formulas);
        if (!expanded)
            return StoreError { StoreError::Code::Invalid, expanded.error(), {} };
        auto rows = run(*expanded);
        if (!rows)
            return rows.error();
        return FormulaExpansion::collapse(query, formulas, std::move(rows.value()));
    }
    const StoreResult<DatasetSchema> schema = m_store.dataset(query.datasetId);
    if (!schema)
        return schema.error();
    const StoreResult<QString> table = m_store.tableName(query.datasetId);
    if (!table)
        return table.error();
    const auto statement = QueryBuilder::build(query, *schema, *table);
    if (!statement)
        return statement.error();

    const SqliteDeadline limit(m_store.connection(), m_deadline);
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    if (!q.prepare(statement->sql))
        return queryFailed(q.lastError(), limit.expired());
    for (const QVariant &v : statement->values)
        q.addBindValue(v);
    if (!q.exec())
        return queryFailed(q.lastError(), limit.expired());
    QList<QJsonArray> rows;
    const qsizetype width = statement->kinds.size();
    while (q.next()) {
        QJsonArray row;
        for (qsizetype i = 0; i < width; ++i)
            row.append(toJson(q.value(int(i)), statement->kinds.at(i)));
        rows.append(row);
    }
    if (q.lastError().isValid()) // a step that failed part way (interrupted, I/O)
        return queryFailed(q.lastError(), limit.expired());
    return rows;
}
