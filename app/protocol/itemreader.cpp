#include "app/protocol/itemreader.h"

#include "app/protocol/luzmonames.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString field(const QJsonObject &o, const QString &name, const QString &older)
{
    const QString value = o.value(name).toString();
    return value.isEmpty() ? o.value(older).toString() : value;
}

QString labelOf(const QJsonObject &content, const ColumnSchema *column)
{
    const QJsonObject label = content.value(u"label"_s).toObject();
    QString text = label.value(u"en"_s).toString();
    if (text.isEmpty() && !label.isEmpty())
        text = label.begin().value().toString();
    if (text.isEmpty() && column)
        text = column->name;
    return text.isEmpty() ? u"Value"_s : text;
}

void addFilter(ChartQuery &cq, const QJsonObject &filter)
{
    const QString expression = filter.value(u"expression"_s).toString();
    const QJsonArray parameters = filter.value(u"parameters"_s).toArray();
    const QJsonObject column = parameters.at(0).toObject();
    const QString columnId = field(column, u"columnId"_s, u"column_id"_s);
    if (columnId.isEmpty() || parameters.size() < 2)
        return;
    const QVariant value = parameters.at(1).toVariant();
    const QVariantList values
        = value.typeId() == QMetaType::QVariantList ? value.toList() : QVariantList { value };
    using Op = QueryFilter::Op;
    static const QList<std::pair<QString, Op>> ops
        = { { u"? = ?"_s, Op::Equals }, { u"? != ?"_s, Op::NotEquals }, { u"? in ?"_s, Op::In },
              { u"? > ?"_s, Op::Greater }, { u"? >= ?"_s, Op::GreaterOrEqual },
              { u"? < ?"_s, Op::Less }, { u"? <= ?"_s, Op::LessOrEqual } };
    for (const auto &[name, op] : ops) {
        if (name == expression) {
            cq.query.filters.append(
                { columnId, op, op == Op::In ? values : QVariantList { values.value(0) } });
            return;
        }
    }
    if (expression == u"? not in ?") {
        for (const QVariant &v : values)
            cq.query.filters.append({ columnId, Op::NotEquals, { v } });
    } else if (expression == u"? between ?" && values.size() == 2) {
        cq.query.filters.append({ columnId, Op::GreaterOrEqual, { values.at(0) } });
        cq.query.filters.append({ columnId, Op::LessOrEqual, { values.at(1) } });
    }
}

} // namespace

ChartQuery ItemReader::read(const QJsonObject &item, const QList<DatasetSchema> &datasets)
{
    ChartQuery cq;
    cq.title = item.value(u"options"_s)
                   .toObject()
                   .value(u"title"_s)
                   .toObject()
                   .value(u"en"_s)
                   .toString();
    QJsonObject x;
    QJsonObject legend;
    QJsonArray measures;
    for (const QJsonValue &slot : item.value(u"slots"_s).toArray()) {
        const QJsonObject s = slot.toObject();
        const QJsonArray content = s.value(u"content"_s).toArray();
        const QString name = s.value(u"name"_s).toString();
        if (name == u"x-axis" && !content.isEmpty())
            x = content.first().toObject();
        else if (name == u"legend" && !content.isEmpty())
            legend = content.first().toObject();
        else if (name == u"measure")
            measures = content;
    }
    if (measures.isEmpty()) {
        cq.error = u"The chart has no measure to describe."_s;
        return cq;
    }
    QString datasetId = field(measures.first().toObject(), u"datasetId"_s, u"set"_s);
    if (datasetId.isEmpty())
        datasetId = field(x, u"datasetId"_s, u"set"_s);
    const DatasetSchema *schema = nullptr;
    for (const DatasetSchema &d : datasets) {
        if (d.id == datasetId || (datasetId.isEmpty() && datasets.size() == 1))
            schema = &d;
    }
    if (!schema) {
        cq.error = u"The chart uses a dataset that is not available here."_s;
        return cq;
    }
    cq.query.datasetId = schema->id;

    if (!x.isEmpty()) {
        const QString id = field(x, u"columnId"_s, u"column"_s);
        const ColumnSchema *column = schema->column(id);
        if (!column) {
            cq.error = u"The chart's x-axis names a column the dataset does not have."_s;
            return cq;
        }
        cq.level = column->type == ColumnType::Datetime ? x.value(u"level"_s).toInt(3) : 0;
        cq.xLabel = labelOf(x, column);
        cq.query.dimensions.append({ id, cq.level });
    }
    if (!legend.isEmpty()) {
        const QString id = field(legend, u"columnId"_s, u"column"_s);
        if (const ColumnSchema *column = schema->column(id)) {
            cq.hasLegend = true;
            cq.legendLabel = labelOf(legend, column);
            cq.query.dimensions.append({ id,
                column->type == ColumnType::Datetime ? legend.value(u"level"_s).toInt(1) : 0 });
        }
    }
    for (const QJsonValue &value : std::as_const(measures)) {
        const QJsonObject m = value.toObject();
        if (const QString formula = m.value(u"formula"_s).toString(); !formula.isEmpty()) {
            // An ad-hoc aggregation formula: one value per group, computed by the engine.
            QueryMeasure measure;
            measure.formula = formula;
            cq.query.measures.append(measure);
            cq.measureLabels.append(labelOf(m, nullptr));
            cq.measureAggregations.append(Aggregation::Sum);
            cq.measureCurrency.append(m.value(u"subtype"_s).toString() == u"currency");
            continue;
        }
        const QString id = field(m, u"columnId"_s, u"column"_s);
        const ColumnSchema *column = schema->column(id);
        if (!column && !id.isEmpty()) {
            cq.error = u"The chart measures a column the dataset does not have."_s;
            return cq;
        }
        Aggregation aggregation = Aggregation::Sum;
        parseAggregation(m.value(u"aggregationFunc"_s).toString(), &aggregation);
        if (id.isEmpty())
            aggregation = Aggregation::Count;
        cq.query.measures.append({ id, aggregation });
        cq.measureLabels.append(labelOf(m, column));
        cq.measureAggregations.append(aggregation);
        const bool counting
            = aggregation == Aggregation::Count || aggregation == Aggregation::DistinctCount;
        cq.measureCurrency.append(!counting
            && (m.value(u"subtype"_s).toString() == u"currency" || (column && column->currency)));
    }
    for (const QJsonValue &group : item.value(u"filters"_s).toArray()) {
        for (const QJsonValue &filter : group.toObject().value(u"filters"_s).toArray())
            addFilter(cq, filter.toObject());
    }
    return cq;
}
