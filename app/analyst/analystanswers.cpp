// AnalystAgent's ranked, growth and per-period answers (the rest is in analystagent.cpp).
#include "app/analyst/analystagent.h"
#include "app/analyst/interpretation.h"
#include "app/analyst/numberformat.h"
#include "app/analyst/rankingtable.h"
#include "app/protocol/luzmonames.h"

using namespace Qt::StringLiterals;

namespace {

QList<RankingTable::Row> tableRows(const QList<QJsonArray> &rows, int dims, int level)
{
    QList<RankingTable::Row> out;
    for (const QJsonArray &r : rows) {
        RankingTable::Row row;
        if (dims > 0) {
            const QString key = r.at(0).toVariant().toString();
            row.name = level > 0
                ? NumberFormat::period(QDate::fromString(key.left(10), Qt::ISODate), level)
                : key;
        }
        for (qsizetype m = dims; m < r.size(); ++m)
            row.measures.append(r.at(m).toDouble());
        out.append(row);
    }
    return out;
}

} // namespace

std::optional<QList<QJsonArray>> AnalystAgent::grouped(const DatasetSchema &schema,
    const Intent &intent, const DatePeriod &period, int level, AgentReply &reply)
{
    ChartQuery cq;
    cq.query.datasetId = schema.id;
    if (!intent.splitColumnId.isEmpty())
        cq.query.dimensions.append({ intent.splitColumnId, 0 });
    else if (level > 0)
        cq.query.dimensions.append({ intent.dateColumnId, level });
    for (const MeasureSpec &m : intent.measures) {
        cq.query.measures.append({ m.columnId, m.aggregation });
        cq.measureLabels.append(m.label);
    }
    QHash<QString, QVariantList> values;
    QStringList order;
    for (const CategoryFilter &f : intent.filters) {
        if (!values.contains(f.columnId))
            order.append(f.columnId);
        values[f.columnId].append(f.value);
    }
    for (const QString &column : std::as_const(order))
        cq.query.filters.append({ column, QueryFilter::Op::In, values.value(column) });
    if (period.isValid()) {
        cq.query.filters.append({ intent.dateColumnId, QueryFilter::Op::GreaterOrEqual,
            { period.from.toString(Qt::ISODate) } });
        cq.query.filters.append(
            { intent.dateColumnId, QueryFilter::Op::Less, { period.to.toString(Qt::ISODate) } });
    }
    cq.level = intent.splitColumnId.isEmpty() ? level : 0;
    cq.hasLegend = !intent.splitColumnId.isEmpty();
    if (const ColumnSchema *split = schema.column(intent.splitColumnId))
        cq.legendLabel = split->name;
    return run(cq, reply);
}

AgentReply AnalystAgent::rankingAnswer(
    const DatasetSchema &schema, const Intent &intent, AgentReply reply)
{
    QList<RankingTable::Column> columns;
    for (const MeasureSpec &m : intent.measures) {
        const ColumnSchema *c = schema.column(m.columnId);
        const bool counting
            = m.aggregation == Aggregation::Count || m.aggregation == Aggregation::DistinctCount;
        columns.append({ m.label, c && c->currency && !counting });
    }
    const int level = intent.splitColumnId.isEmpty() ? intent.level : 0;
    QString key
        = LuzmoNames::levelAdjective(level).isEmpty() ? QString() : LuzmoNames::levelNoun(level);
    if (const ColumnSchema *split = schema.column(intent.splitColumnId))
        key = split->name;
    key = key.isEmpty() ? key : key.at(0).toUpper() + key.mid(1);
    RankingTable table(key, columns, intent.derived, Interpretation::measureName(intent));
    QStringList values;
    for (const CategoryFilter &f : intent.filters)
        values.append(f.value);
    table.setFilterValues(values);
    const int dims = intent.splitColumnId.isEmpty() && level == 0 ? 0 : 1;
    if (intent.comparePeriod.isValid()) {
        const auto before = grouped(schema, intent, intent.comparePeriod, level, reply);
        if (!before)
            return reply;
        const auto after = grouped(schema, intent, intent.period, level, reply);
        if (!after)
            return reply;
        reply.text = table.growth(tableRows(*before, dims, level), tableRows(*after, dims, level),
            intent.top, intent.ascending, intent.comparePeriod.label, intent.period.label);
        return reply;
    }
    const auto rows = grouped(schema, intent, intent.period, level, reply);
    if (!rows)
        return reply;
    const QList<RankingTable::Row> list = tableRows(*rows, dims, level);
    if (intent.derived == DerivedMeasure::Share) {
        double total = 0;
        for (const RankingTable::Row &r : list)
            total += r.measures.value(0);
        table.setShareTotal(total);
    }
    reply.text = table.ranking(list, intent.top, intent.ascending, intent.period.label);
    return reply;
}

AgentReply AnalystAgent::perPeriodAnswer(
    const DatasetSchema &schema, const Intent &intent, AgentReply reply)
{
    Intent totals = intent;
    totals.splitColumnId.clear();
    const auto rows = grouped(schema, totals, intent.period, intent.perLevel, reply);
    if (!rows)
        return reply;
    const ColumnSchema *c = schema.column(intent.measures.value(0).columnId);
    const RankingTable table(QString(), { { intent.measures.value(0).label, c && c->currency } },
        intent.derived, Interpretation::measureName(intent));
    double sum = 0;
    const QList<RankingTable::Row> list = tableRows(*rows, 1, intent.perLevel);
    for (const RankingTable::Row &r : list)
        sum += table.value(r);
    if (list.isEmpty()) {
        reply.text = u"There is no data for this selection."_s;
        return reply;
    }
    const QString noun = LuzmoNames::levelNoun(intent.perLevel);
    reply.text = u"**Average "_s + LuzmoNames::levelAdjective(intent.perLevel).toLower() + u' '
        + Interpretation::measureName(intent).toLower() + u"**: "_s
        + table.format(sum / double(list.size())) + u" (the average of "_s
        + QString::number(list.size()) + u' ' + noun + u" totals, from "_s + list.first().name
        + u" to "_s + list.last().name + u")."_s;
    return reply;
}
