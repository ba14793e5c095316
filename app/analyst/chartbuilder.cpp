#include "app/analyst/chartbuilder.h"

#include "app/datasets/aggregationformula.h"
#include "app/protocol/luzmonames.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QJsonObject label(const QString &text)
{
    return QJsonObject { { u"en"_s, text } };
}

QString measurePhrase(const Intent &intent)
{
    switch (intent.derived) {
    case DerivedMeasure::Margin:
        return u"margin"_s;
    case DerivedMeasure::Profit:
        return u"profit"_s;
    case DerivedMeasure::PricePerUnit:
        return u"price per unit"_s;
    case DerivedMeasure::Share:
    case DerivedMeasure::None:
        break;
    }
    QStringList parts;
    for (const MeasureSpec &m : intent.measures) {
        const QString name = m.label.toLower();
        switch (m.aggregation) {
        case Aggregation::Average:
            parts.append(u"average "_s + name);
            break;
        case Aggregation::Count:
        case Aggregation::DistinctCount:
            parts.append(m.columnId.isEmpty() ? u"number of rows"_s : u"count of "_s + name);
            break;
        case Aggregation::Min:
            parts.append(u"minimum "_s + name);
            break;
        case Aggregation::Max:
            parts.append(u"maximum "_s + name);
            break;
        case Aggregation::Sum:
            parts.append(name);
            break;
        }
    }
    return parts.join(u" and "_s);
}

} // namespace

ChartBuilder::ChartBuilder(DatasetSchema schema)
    : m_schema(std::move(schema))
{
}

QString ChartBuilder::title(const Intent &intent) const
{
    const int level = intent.level == 0 ? DefaultLevel : intent.level;
    QString text = LuzmoNames::levelAdjective(level) + u' ' + measurePhrase(intent);
    if (const ColumnSchema *split = m_schema.column(intent.splitColumnId))
        text += u" by "_s + split->name.toLower();
    QStringList values;
    for (const CategoryFilter &f : intent.filters)
        values.append(f.value);
    if (!values.isEmpty())
        text += u" for "_s + values.join(u", "_s);
    if (intent.period.isValid())
        text += u" in "_s + intent.period.label;
    return text;
}

QJsonObject ChartBuilder::columnRef(const QString &columnId) const
{
    return QJsonObject { { u"datasetId"_s, m_schema.id }, { u"columnId"_s, columnId } };
}

QJsonObject ChartBuilder::measureContent(const MeasureSpec &measure) const
{
    const ColumnSchema *column = m_schema.column(measure.columnId);
    QJsonObject content = columnRef(measure.columnId);
    if (measure.columnId.isEmpty())
        content.remove(u"columnId"_s);
    content.insert(u"type"_s, u"numeric"_s);
    content.insert(u"aggregationFunc"_s, aggregationName(measure.aggregation));
    content.insert(u"label"_s, label(measure.label));
    const bool counting = measure.aggregation == Aggregation::Count
        || measure.aggregation == Aggregation::DistinctCount;
    const bool money = column && column->currency && !counting;
    content.insert(
        u"format"_s, money || measure.aggregation == Aggregation::Average ? u",.2f"_s : u",.0f"_s);
    if (money) {
        content.insert(u"subtype"_s, u"currency"_s);
        content.insert(u"currency"_s, u"$"_s);
    }
    return content;
}

QJsonArray ChartBuilder::filters(const Intent &intent) const
{
    QJsonArray list;
    for (const CategoryFilter &f : intent.filters) {
        list.append(QJsonObject { { u"expression"_s, u"? in ?"_s },
            { u"parameters"_s, QJsonArray { columnRef(f.columnId), QJsonArray { f.value } } } });
    }
    if (intent.period.isValid() && !intent.dateColumnId.isEmpty()) {
        QJsonObject date = columnRef(intent.dateColumnId);
        date.insert(u"level"_s, 5);
        const QString from = intent.period.from.toString(Qt::ISODate) + u"T00:00:00.000Z"_s;
        const QString to = intent.period.to.toString(Qt::ISODate) + u"T00:00:00.000Z"_s;
        list.append(QJsonObject {
            { u"expression"_s, u"? >= ?"_s }, { u"parameters"_s, QJsonArray { date, from } } });
        list.append(QJsonObject {
            { u"expression"_s, u"? < ?"_s }, { u"parameters"_s, QJsonArray { date, to } } });
    }
    if (list.isEmpty())
        return {};
    return QJsonArray { QJsonObject {
        { u"condition"_s, u"and"_s }, { u"origin"_s, u"itemFilter"_s }, { u"filters"_s, list } } };
}

QJsonObject ChartBuilder::formulaContent(const Intent &intent) const
{
    const QString a = AggregationFormula::termExpression(
        m_schema.id, { intent.measures.value(0).columnId, Aggregation::Sum, {} });
    const QString b = AggregationFormula::termExpression(
        m_schema.id, { intent.measures.value(1).columnId, Aggregation::Sum, {} });
    const ColumnSchema *first = m_schema.column(intent.measures.value(0).columnId);
    QJsonObject content { { u"datasetId"_s, m_schema.id }, { u"type"_s, u"numeric"_s } };
    bool money = first && first->currency;
    switch (intent.derived) {
    case DerivedMeasure::Margin:
        content.insert(u"formula"_s, QString(u"("_s + a + u" - "_s + b + u") / "_s + a));
        content.insert(u"label"_s, label(u"Margin"_s));
        content.insert(u"format"_s, u".1%"_s);
        money = false;
        break;
    case DerivedMeasure::Profit:
        content.insert(u"formula"_s, QString(a + u" - "_s + b));
        content.insert(u"label"_s, label(u"Profit"_s));
        content.insert(u"format"_s, u",.2f"_s);
        break;
    default: // price per unit
        content.insert(u"formula"_s, QString(a + u" / "_s + b));
        content.insert(u"label"_s, label(u"Price per unit"_s));
        content.insert(u"format"_s, u",.2f"_s);
        break;
    }
    if (money) {
        content.insert(u"subtype"_s, u"currency"_s);
        content.insert(u"currency"_s, u"$"_s);
    }
    return content;
}

QJsonObject ChartBuilder::build(const Intent &intent) const
{
    return build(intent, true);
}

QJsonObject ChartBuilder::buildOperands(const Intent &intent) const
{
    return build(intent, false);
}

QJsonObject ChartBuilder::build(const Intent &intent, bool formulas) const
{
    const int level = intent.level == 0 ? DefaultLevel : intent.level;
    QJsonArray slots;

    if (const ColumnSchema *date = m_schema.column(intent.dateColumnId)) {
        QJsonObject x = columnRef(date->id);
        x.insert(u"type"_s, u"datetime"_s);
        x.insert(u"level"_s, level);
        x.insert(u"lowestLevel"_s, date->lowestLevel);
        x.insert(u"label"_s, label(date->name));
        slots.append(
            QJsonObject { { u"name"_s, u"x-axis"_s }, { u"content"_s, QJsonArray { x } } });
    }

    const bool formula = formulas && intent.measures.size() == 2
        && (intent.derived == DerivedMeasure::Margin || intent.derived == DerivedMeasure::Profit
            || intent.derived == DerivedMeasure::PricePerUnit);
    QJsonArray measures;
    if (formula) {
        measures.append(formulaContent(intent));
    } else {
        for (const MeasureSpec &m : intent.measures)
            measures.append(measureContent(m));
    }
    slots.append(QJsonObject { { u"name"_s, u"measure"_s }, { u"content"_s, measures } });

    const ColumnSchema *split = m_schema.column(intent.splitColumnId);
    if (split) {
        QJsonObject legend = columnRef(split->id);
        legend.insert(u"type"_s, u"hierarchy"_s);
        legend.insert(u"label"_s, label(split->name));
        slots.append(
            QJsonObject { { u"name"_s, u"legend"_s }, { u"content"_s, QJsonArray { legend } } });
    }

    const QJsonObject options {
        { u"title"_s, label(title(intent)) },
        { u"display"_s,
            QJsonObject {
                { u"title"_s, true }, { u"legend"_s, split != nullptr || measures.size() > 1 } } },
        { u"legend"_s, QJsonObject { { u"position"_s, u"bottom"_s } } },
        { u"interpolation"_s, u"linear"_s },
        { u"markers"_s, QJsonObject { { u"enabled"_s, level <= 3 } } },
        { u"locale"_s, u"en"_s },
    };
    QJsonObject item { { u"type"_s, u"line-chart"_s }, { u"options"_s, options },
        { u"slots"_s, slots } };
    const QJsonArray filterGroups = filters(intent);
    item.insert(u"filters"_s, filterGroups);
    return item;
}
