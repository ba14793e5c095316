#include "chartbuilder.h"

#include "luzmonames.h"

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
    case DerivedMeasure::Profit:
    case DerivedMeasure::PricePerUnit: {
        QStringList names;
        for (const MeasureSpec &m : intent.measures)
            names.append(m.label.toLower());
        return names.join(u" and "_s);
    }
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

QJsonObject ChartBuilder::build(const Intent &intent) const
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

    QJsonArray measures;
    for (const MeasureSpec &m : intent.measures)
        measures.append(measureContent(m));
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
            QJsonObject { { u"title"_s, true },
                { u"legend"_s, split != nullptr || intent.measures.size() > 1 } } },
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
