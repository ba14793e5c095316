#include "app/datasets/querybuilder.h"

#include "app/datasets/datasetstore.h"
#include "app/datasets/valueparser.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {
StoreError invalid(const QString &message)
{
    return StoreError { StoreError::Code::Invalid, message, {} };
}

struct Column
{
    const ColumnSchema *schema = nullptr;
    QString sql;
};

StoreResult<Column> findColumn(const DatasetSchema &schema, const QString &id)
{
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        if (schema.columns.at(i).id == id)
            return Column { &schema.columns.at(i), DatasetStore::columnSqlName(int(i)) };
    }
    return StoreError { StoreError::Code::NotFound,
        u"The dataset \"" + schema.name + u"\" has no column with id \"" + id + u"\".", {} };
}

QString quoted(const ColumnSchema &c)
{
    return u'"' + c.name + u'"';
}

// A measure's SQL over the rows, or over the rollup (see QueryBuilder::rollupSql).
QString measureSql(const Column &col, Aggregation aggregation, bool fromRollup)
{
    const QString &c = col.sql;
    if (fromRollup && col.schema->type == ColumnType::Numeric) {
        switch (aggregation) { // from the partial aggregates
        case Aggregation::Count:
            return u"COALESCE(SUM(" + c + u"_count), 0)";
        case Aggregation::Sum:
            return u"SUM(" + c + u"_sum)";
        case Aggregation::Average:
            return u"SUM(" + c + u"_sum) / SUM(" + c + u"_count)";
        case Aggregation::Min:
            return u"MIN(" + c + u"_min)";
        case Aggregation::Max:
            return u"MAX(" + c + u"_max)";
        case Aggregation::DistinctCount:
            break; // not covered (rollupCovers)
        }
    }
    switch (aggregation) {
    case Aggregation::Count:
        if (fromRollup) // of a key column: the rows of its non-null groups
            return u"COALESCE(SUM(CASE WHEN " + c + u" IS NULL THEN 0 ELSE n END), 0)";
        return u"COUNT(" + c + u')';
    case Aggregation::DistinctCount: // a rollup holds every distinct key value
        return u"COUNT(DISTINCT " + c + u')';
    case Aggregation::Sum:
        return u"SUM(" + c + u')';
    case Aggregation::Average:
        return u"AVG(" + c + u')';
    case Aggregation::Min:
        return u"MIN(" + c + u')';
    case Aggregation::Max:
        return u"MAX(" + c + u')';
    }
    return {};
}
} // namespace

QString QueryBuilder::rollupSql(
    const DatasetSchema &schema, const QString &table, const QString &rollupTable)
{
    QStringList keys, select;
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        const QString c = DatasetStore::columnSqlName(int(i));
        if (schema.columns.at(i).type != ColumnType::Numeric)
            keys.append(c);
    }
    select = keys;
    select.append(u"COUNT(*) AS n"_s);
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        const QString c = DatasetStore::columnSqlName(int(i));
        if (schema.columns.at(i).type == ColumnType::Numeric) {
            select << u"SUM(" + c + u") AS " + c + u"_sum"
                   << u"COUNT(" + c + u") AS " + c + u"_count"
                   << u"MIN(" + c + u") AS " + c + u"_min" << u"MAX(" + c + u") AS " + c + u"_max";
        }
    }
    QString sql
        = u"CREATE TABLE " + rollupTable + u" AS SELECT " + select.join(u", ") + u" FROM " + table;
    if (!keys.isEmpty())
        sql += u" GROUP BY " + keys.join(u", ");
    return sql;
}

bool QueryBuilder::rollupCovers(const DataQuery &query, const DatasetSchema &schema)
{
    const auto isKey = [&schema](const QString &id) {
        const ColumnSchema *c = schema.column(id);
        return c && c->type != ColumnType::Numeric;
    };
    for (const QueryDimension &d : query.dimensions) {
        if (!isKey(d.columnId))
            return false;
    }
    for (const QueryFilter &f : query.filters) {
        if (!isKey(f.columnId))
            return false;
    }
    for (const QueryMeasure &m : query.measures) {
        if (m.columnId.isEmpty())
            continue;
        if (!schema.column(m.columnId)
            || (m.aggregation == Aggregation::DistinctCount && !isKey(m.columnId)))
            return false;
    }
    return true;
}

QString QueryBuilder::bucketExpression(const QString &c, int level)
{
    const QString epoch = c + u", 'unixepoch'";
    switch (level) {
    case 1:
        return u"strftime('%Y-01-01T00:00:00.000Z', " + epoch + u')';
    case 2:
        return u"(strftime('%Y-', " + epoch + u") || printf('%02d', ((CAST(strftime('%m', " + epoch
            + u") AS INTEGER) - 1) / 3) * 3 + 1) || '-01T00:00:00.000Z')";
    case 3:
        return u"strftime('%Y-%m-01T00:00:00.000Z', " + epoch + u')';
    case 4: // ISO weeks start on Monday: the next Sunday (or today), then six days back.
        return u"strftime('%Y-%m-%dT00:00:00.000Z', " + epoch + u", 'weekday 0', '-6 days')";
    case 5:
        return u"strftime('%Y-%m-%dT00:00:00.000Z', " + epoch + u')';
    case 6:
        return u"strftime('%Y-%m-%dT%H:00:00.000Z', " + epoch + u')';
    case 7:
        return u"strftime('%Y-%m-%dT%H:%M:00.000Z', " + epoch + u')';
    default:
        return u"strftime('%Y-%m-%dT%H:%M:%S.000Z', " + epoch + u')';
    }
}

bool QueryBuilder::period(const QVariant &value, qint64 *start, qint64 *end)
{
    if (value.typeId() == QMetaType::QDateTime) {
        *start = value.toDateTime().toSecsSinceEpoch();
        *end = *start + 1;
        return true;
    }
    const QString text = value.toString().trimmed();
    bool isInt = false;
    const int year = text.toInt(&isInt);
    if (isInt && text.size() == 4) {
        *start = ValueParser::daysFromCivil(year, 1, 1) * 86400;
        *end = ValueParser::daysFromCivil(year + 1, 1, 1) * 86400;
        return true;
    }
    if (text.size() == 7 && text.at(4) == u'-') {
        if (const auto dt = ValueParser::dateTime(QString(text + u"-01"))) {
            int y = 0, m = 0, d = 0;
            ValueParser::civilFromDays(dt->seconds / 86400, &y, &m, &d);
            *start = dt->seconds;
            *end = *start + qint64(ValueParser::daysInMonth(y, m)) * 86400;
            return true;
        }
        return false;
    }
    const auto dt = ValueParser::dateTime(text);
    if (!dt)
        return false;
    *start = dt->seconds;
    *end = text.size() == 10 ? *start + 86400 : *start + 1;
    return true;
}

StoreResult<QueryBuilder::Statement> QueryBuilder::build(
    const DataQuery &query, const DatasetSchema &schema, const QString &table)
{
    if (query.dimensions.isEmpty() && query.measures.isEmpty())
        return invalid(u"A data query needs at least one dimension or measure."_s);
    const bool fromRollup = !schema.rollupTable.isEmpty() && rollupCovers(query, schema);
    Statement st;
    QStringList select;
    for (const QueryDimension &d : query.dimensions) {
        const auto col = findColumn(schema, d.columnId);
        if (!col)
            return col.error();
        if (col->schema->type == ColumnType::Datetime) {
            const int level = d.level == 0 ? col->schema->lowestLevel : d.level;
            if (level < 1 || level > 9)
                return invalid(u"Unknown datetime level " + QString::number(d.level)
                    + u" for column " + quoted(*col->schema) + u" (1 year ... 5 day).");
            select.append(bucketExpression(col->sql, level));
            st.kinds.append(ValueKind::Text);
        } else {
            select.append(col->sql);
            st.kinds.append(
                col->schema->type == ColumnType::Numeric ? ValueKind::Real : ValueKind::Text);
        }
    }
    for (const QueryMeasure &m : query.measures) {
        if (m.columnId.isEmpty()) {
            if (m.aggregation != Aggregation::Count)
                return invalid(
                    u"The aggregation " + aggregationName(m.aggregation) + u" needs a column.");
            select.append(fromRollup ? u"COALESCE(SUM(n), 0)"_s : u"COUNT(*)"_s);
            st.kinds.append(ValueKind::Integer);
            continue;
        }
        const auto col = findColumn(schema, m.columnId);
        if (!col)
            return col.error();
        const ColumnType type = col->schema->type;
        if ((m.aggregation == Aggregation::Sum || m.aggregation == Aggregation::Average)
            && type != ColumnType::Numeric) {
            return invalid(u"The column " + quoted(*col->schema) + u" is " + columnTypeName(type)
                + u", so it cannot be aggregated with " + aggregationName(m.aggregation)
                + u"; use count or distinctcount.");
        }
        select.append(measureSql(*col, m.aggregation, fromRollup));
        switch (m.aggregation) {
        case Aggregation::Count:
        case Aggregation::DistinctCount:
            st.kinds.append(ValueKind::Integer);
            break;
        case Aggregation::Sum:
        case Aggregation::Average:
            st.kinds.append(ValueKind::Real);
            break;
        case Aggregation::Min:
        case Aggregation::Max:
            st.kinds.append(type == ColumnType::Numeric ? ValueKind::Real
                    : type == ColumnType::Datetime      ? ValueKind::Instant
                                                        : ValueKind::Text);
            break;
        }
    }

    QStringList where;
    for (const QueryFilter &f : query.filters) {
        const auto col = findColumn(schema, f.columnId);
        if (!col)
            return col.error();
        if (f.values.isEmpty() && f.op != QueryFilter::Op::In)
            return invalid(u"The filter on " + quoted(*col->schema) + u" has no value.");
        const ColumnType type = col->schema->type;
        const QString &c = col->sql;
        if (type == ColumnType::Datetime) {
            QStringList ranges;
            for (const QVariant &v : f.values) {
                qint64 start = 0, end = 0;
                if (!period(v, &start, &end)) {
                    return invalid(u"The filter value \"" + v.toString() + u"\" on "
                        + quoted(*col->schema) + u" is not a date (use 2024, 2024-03, "
                        + u"2024-03-01 or an ISO 8601 date-time).");
                }
                switch (f.op) {
                case QueryFilter::Op::Equals:
                case QueryFilter::Op::NotEquals:
                case QueryFilter::Op::In:
                    ranges.append(u"(" + c + u" >= ? AND " + c + u" < ?)");
                    st.values << start << end;
                    break;
                case QueryFilter::Op::Greater:
                    ranges.append(c + u" >= ?");
                    st.values << end;
                    break;
                case QueryFilter::Op::GreaterOrEqual:
                    ranges.append(c + u" >= ?");
                    st.values << start;
                    break;
                case QueryFilter::Op::Less:
                    ranges.append(c + u" < ?");
                    st.values << start;
                    break;
                case QueryFilter::Op::LessOrEqual:
                    ranges.append(c + u" < ?");
                    st.values << end;
                    break;
                }
                if (f.op != QueryFilter::Op::In)
                    break;
            }
            const QString any = ranges.isEmpty() ? u"0"_s : u"(" + ranges.join(u" OR ") + u')';
            where.append(f.op == QueryFilter::Op::NotEquals ? u"NOT " + any : any);
            continue;
        }
        QVariantList values;
        for (const QVariant &v : f.values) {
            if (type == ColumnType::Numeric && !v.isNull()) {
                bool ok = false;
                const double d = v.toDouble(&ok);
                if (!ok) {
                    return invalid(u"The filter value \"" + v.toString() + u"\" on "
                        + quoted(*col->schema) + u" is not a number.");
                }
                values.append(d);
            } else {
                values.append(v.isNull() ? QVariant() : QVariant(v.toString()));
            }
        }
        static const QString ops[]
            = { u"IS"_s, u"IS NOT"_s, u"IN"_s, u">"_s, u">="_s, u"<"_s, u"<="_s };
        if (f.op == QueryFilter::Op::In) {
            QStringList marks;
            for (const QVariant &v : values) {
                marks.append(u"?"_s);
                st.values.append(v);
            }
            where.append(marks.isEmpty() ? u"0"_s : c + u" IN (" + marks.join(u',') + u')');
        } else {
            where.append(c + u' ' + ops[int(f.op)] + u" ?");
            st.values.append(values.first());
        }
    }

    const qsizetype width = select.size();
    st.sql
        = u"SELECT " + select.join(u", ") + u" FROM " + (fromRollup ? schema.rollupTable : table);
    if (!where.isEmpty())
        st.sql += u" WHERE " + where.join(u" AND ");
    QStringList positions;
    for (qsizetype i = 1; i <= query.dimensions.size(); ++i)
        positions.append(QString::number(i));
    if (!positions.isEmpty())
        st.sql += u" GROUP BY " + positions.join(u", ");
    QStringList order;
    for (const QuerySort &s : query.order) {
        if (s.column < 0 || s.column >= width) {
            return invalid(u"Cannot order by result column " + QString::number(s.column)
                + u": the result has " + QString::number(width) + u" columns.");
        }
        order.append(QString::number(s.column + 1) + (s.descending ? u" DESC"_s : u""_s));
    }
    if (order.isEmpty())
        order = positions;
    if (!order.isEmpty())
        st.sql += u" ORDER BY " + order.join(u", ");
    if (query.limit > 0 || query.offset > 0) {
        st.sql += u" LIMIT ?";
        st.values.append(query.limit > 0 ? query.limit : -1); // -1: no limit in SQLite
    }
    if (query.offset > 0) {
        st.sql += u" OFFSET ?";
        st.values.append(query.offset);
    }
    return st;
}
