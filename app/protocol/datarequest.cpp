#include "app/protocol/datarequest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
struct OpName
{
    const char16_t *expression;
    QueryFilter::Op op;
};
constexpr OpName operators[] = {
    { u"? = ?", QueryFilter::Op::Equals },
    { u"? != ?", QueryFilter::Op::NotEquals },
    { u"? in ?", QueryFilter::Op::In },
    { u"? > ?", QueryFilter::Op::Greater },
    { u"? >= ?", QueryFilter::Op::GreaterOrEqual },
    { u"? < ?", QueryFilter::Op::Less },
    { u"? <= ?", QueryFilter::Op::LessOrEqual },
};

QString columnOf(const QJsonObject &o, QString *datasetId)
{
    const QString dataset = o.value(u"dataset_id").toString(o.value(u"datasetId").toString());
    if (!dataset.isEmpty() && datasetId->isEmpty())
        *datasetId = dataset;
    return o.value(u"column_id").toString(o.value(u"columnId").toString());
}
} // namespace

Expected<DataQuery, QString> DataRequest::fromJson(const QJsonObject &find)
{
    const QJsonArray queries = find.value(u"queries").toArray();
    if (queries.isEmpty())
        return u"find.queries must hold one query."_s;
    const QJsonObject q = queries.first().toObject();
    DataQuery query;
    for (const QJsonValue &d : q.value(u"dimensions").toArray()) {
        QueryDimension dim;
        dim.columnId = columnOf(d.toObject(), &query.datasetId);
        dim.level = d.toObject().value(u"level").toInt(0);
        if (dim.columnId.isEmpty())
            return u"A dimension has no column_id."_s;
        query.dimensions << dim;
    }
    for (const QJsonValue &m : q.value(u"measures").toArray()) {
        const QJsonObject o = m.toObject();
        QueryMeasure measure;
        measure.columnId = columnOf(o, &query.datasetId);
        if (o.value(u"formula").isString()) { // an ad-hoc aggregation formula
            measure.formula = o.value(u"formula").toString();
            query.measures << measure;
            continue;
        }
        const QJsonValue aggregation = o.value(u"aggregation");
        const QString name = aggregation.isObject()
            ? aggregation.toObject().value(u"type").toString()
            : aggregation.toString(u"sum"_s);
        if (!parseAggregation(name.isEmpty() ? u"sum"_s : name, &measure.aggregation))
            return QString(u"Unknown aggregation \"" + name + u"\".");
        query.measures << measure;
    }
    if (query.dimensions.isEmpty() && query.measures.isEmpty())
        return u"A query needs at least one dimension or measure."_s;
    for (const QJsonValue &w : q.value(u"where").toArray()) {
        const QJsonObject o = w.toObject();
        const QString expression = o.value(u"expression").toString();
        const QJsonArray parameters = o.value(u"parameters").toArray();
        QueryFilter filter;
        bool known = false;
        for (const OpName &op : operators) {
            if (expression == QStringView(op.expression)) {
                filter.op = op.op;
                known = true;
            }
        }
        if (!known || parameters.size() != 2)
            return QString(u"Unsupported filter expression \"" + expression + u"\".");
        filter.columnId = columnOf(parameters.at(0).toObject(), &query.datasetId);
        const QJsonValue value = parameters.at(1);
        filter.values = value.isArray() ? value.toArray().toVariantList()
                                        : QVariantList { value.toVariant() };
        query.filters << filter;
    }
    const int width = int(query.dimensions.size() + query.measures.size());
    for (const QJsonValue &s : q.value(u"order").toArray()) {
        const QJsonObject o = s.toObject();
        QString ignored;
        const QString column = columnOf(o, &ignored);
        QuerySort sort;
        sort.descending = o.value(u"order").toString().toLower() == u"desc";
        sort.column = -1;
        for (int i = 0; i < query.dimensions.size(); ++i)
            if (query.dimensions[i].columnId == column)
                sort.column = i;
        for (int i = 0; i < query.measures.size() && sort.column < 0; ++i)
            if (query.measures[i].columnId == column)
                sort.column = int(query.dimensions.size()) + i;
        if (sort.column < 0 || sort.column >= width)
            return u"order names a column that is not in the query."_s;
        query.order << sort;
    }
    const QJsonValue limit = q.value(u"limit");
    if (limit.isObject() && limit.toObject().value(u"by").isDouble())
        query.limit = qMax(1, limit.toObject().value(u"by").toInt());
    if (limit.isObject() && limit.toObject().value(u"offset").isDouble())
        query.offset = qMax(0, limit.toObject().value(u"offset").toInt());
    if (query.datasetId.isEmpty())
        return u"The query does not name a dataset_id."_s;
    return query;
}

QJsonObject DataRequest::toJson(const DataQuery &query)
{
    const auto column = [&](const QString &id) {
        return QJsonObject { { u"column_id"_s, id }, { u"dataset_id"_s, query.datasetId } };
    };
    QJsonArray dimensions, measures, where, order;
    for (const QueryDimension &d : query.dimensions) {
        QJsonObject o = column(d.columnId);
        if (d.level > 0)
            o.insert(u"level"_s, d.level);
        dimensions << o;
    }
    for (const QueryMeasure &m : query.measures) {
        if (!m.formula.isEmpty()) {
            measures << QJsonObject { { u"formula"_s, m.formula },
                { u"dataset_id"_s, query.datasetId } };
            continue;
        }
        QJsonObject o = column(m.columnId);
        o.insert(u"aggregation"_s, QJsonObject { { u"type"_s, aggregationName(m.aggregation) } });
        measures << o;
    }
    for (const QueryFilter &f : query.filters) {
        QString expression;
        for (const OpName &op : operators)
            if (op.op == f.op)
                expression = QString::fromUtf16(op.expression);
        const QJsonValue value = f.op == QueryFilter::Op::In
            ? QJsonValue(QJsonArray::fromVariantList(f.values))
            : QJsonValue::fromVariant(f.values.value(0));
        where << QJsonObject { { u"expression"_s, expression },
            { u"parameters"_s, QJsonArray { column(f.columnId), value } } };
    }
    for (const QuerySort &s : query.order) {
        const QString id = s.column < query.dimensions.size()
            ? query.dimensions.value(s.column).columnId
            : query.measures.value(s.column - query.dimensions.size()).columnId;
        QJsonObject o = column(id);
        o.insert(u"order"_s, s.descending ? u"desc"_s : u"asc"_s);
        order << o;
    }
    QJsonObject q { { u"dimensions"_s, dimensions }, { u"measures"_s, measures } };
    if (!where.isEmpty())
        q.insert(u"where"_s, where);
    if (!order.isEmpty())
        q.insert(u"order"_s, order);
    QJsonObject limit { { u"by"_s, query.limit } };
    if (query.offset > 0)
        limit.insert(u"offset"_s, query.offset);
    q.insert(u"limit"_s, limit);
    return QJsonObject { { u"queries"_s, QJsonArray { q } } };
}
