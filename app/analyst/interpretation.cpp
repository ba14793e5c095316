#include "app/analyst/interpretation.h"

#include "app/protocol/luzmonames.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QJsonObject periodJson(const DatePeriod &p)
{
    if (!p.isValid())
        return {};
    return { { u"from"_s, isoDate(p.from) }, { u"to"_s, isoDate(p.to) }, { u"label"_s, p.label } };
}

DatePeriod periodFrom(const QJsonObject &o)
{
    return DatePeriod { QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate),
        QDate::fromString(o.value(u"to"_s).toString(), Qt::ISODate),
        o.value(u"label"_s).toString() };
}

QString derivedKey(DerivedMeasure d)
{
    switch (d) {
    case DerivedMeasure::Margin:
        return u"margin"_s;
    case DerivedMeasure::Profit:
        return u"profit"_s;
    case DerivedMeasure::PricePerUnit:
        return u"per-unit"_s;
    case DerivedMeasure::Share:
        return u"share"_s;
    case DerivedMeasure::None:
        break;
    }
    return {};
}

} // namespace

QString Interpretation::measureName(const Intent &intent)
{
    const QString first = intent.measures.value(0).label;
    switch (intent.derived) {
    case DerivedMeasure::Margin:
        return u"Margin"_s;
    case DerivedMeasure::Profit:
        return u"Profit"_s;
    case DerivedMeasure::PricePerUnit:
        return first.compare(u"Revenue"_s, Qt::CaseInsensitive) == 0 ? u"Price per unit"_s
                                                                     : first + u" per unit"_s;
    case DerivedMeasure::Share:
        return u"Share of "_s + first.toLower();
    case DerivedMeasure::None:
        break;
    }
    QStringList names;
    for (const MeasureSpec &m : intent.measures)
        names.append(m.columnId.isEmpty() ? u"Rows"_s : m.label);
    return names.join(u" and "_s);
}

QStringList Interpretation::tokens(const Intent &intent, const DatasetSchema &schema)
{
    QStringList out { schema.name, measureName(intent) };
    if (intent.derived == DerivedMeasure::None && !intent.measures.isEmpty())
        out.append(aggregationName(intent.measures.first().aggregation));
    if (intent.perLevel > 0)
        out.append(u"per "_s + LuzmoNames::levelNoun(intent.perLevel));
    if (intent.level > 0)
        out.append(u"by "_s + LuzmoNames::levelNoun(intent.level));
    if (const ColumnSchema *split = schema.column(intent.splitColumnId))
        out.append(u"by "_s + split->name);
    QStringList seen;
    for (const CategoryFilter &f : intent.filters) {
        if (seen.contains(f.columnId))
            continue;
        seen.append(f.columnId);
        QStringList values;
        for (const CategoryFilter &g : intent.filters) {
            if (g.columnId == f.columnId)
                values.append(g.value);
        }
        const ColumnSchema *c = schema.column(f.columnId);
        out.append((c ? c->name : f.columnId) + u" = "_s + values.join(u", "_s));
    }
    // Two periods are one token: "2023 vs 2024", "growth from 2023 to 2024".
    if (intent.comparePeriod.isValid() && intent.period.isValid()) {
        const QString both = intent.growth
            ? QString(
                u"growth from "_s + intent.comparePeriod.label + u" to "_s + intent.period.label)
            : QString(intent.comparePeriod.label + u" vs "_s + intent.period.label);
        out.append(both);
    } else if (intent.comparePeriod.isValid()) {
        out.append(
            (intent.growth ? u"growth from "_s : u"compared with "_s) + intent.comparePeriod.label);
    } else if (intent.period.isValid()) {
        out.append(intent.period.label);
    }
    if (intent.top > 0 && intent.top < 1000)
        out.append((intent.ascending ? u"bottom "_s : u"top "_s) + QString::number(intent.top));
    else if (intent.top >= 1000)
        out.append(intent.ascending ? u"ranked, lowest first"_s : u"ranked"_s);
    return out;
}

QString Interpretation::line(const Intent &intent, const DatasetSchema &schema)
{
    return tokens(intent, schema).join(u" · "_s);
}

QJsonObject Interpretation::toJson(const Intent &intent, const DatasetSchema &schema)
{
    QJsonArray measures;
    for (const MeasureSpec &m : intent.measures) {
        measures.append(QJsonObject { { u"columnId"_s, m.columnId },
            { u"aggregation"_s, aggregationName(m.aggregation) }, { u"label"_s, m.label } });
    }
    QJsonArray filters;
    for (const CategoryFilter &f : intent.filters)
        filters.append(QJsonObject { { u"columnId"_s, f.columnId }, { u"value"_s, f.value } });
    QJsonObject data { { u"datasetId"_s, intent.datasetId }, { u"measures"_s, measures },
        { u"derived"_s, derivedKey(intent.derived) }, { u"dateColumnId"_s, intent.dateColumnId },
        { u"level"_s, intent.level }, { u"splitColumnId"_s, intent.splitColumnId },
        { u"filters"_s, filters }, { u"perLevel"_s, intent.perLevel }, { u"top"_s, intent.top },
        { u"ascending"_s, intent.ascending }, { u"growth"_s, intent.growth },
        { u"chart"_s, intent.wantsChart } };
    if (intent.period.isValid())
        data.insert(u"period"_s, periodJson(intent.period));
    if (intent.comparePeriod.isValid())
        data.insert(u"comparePeriod"_s, periodJson(intent.comparePeriod));
    return { { u"tokens"_s, QJsonArray::fromStringList(tokens(intent, schema)) },
        { u"text"_s, line(intent, schema) }, { u"intent"_s, data } };
}

Intent Interpretation::fromJson(const QJsonObject &json)
{
    const QJsonObject o = json.value(u"intent"_s).toObject();
    Intent intent;
    intent.datasetId = o.value(u"datasetId"_s).toString();
    for (const QJsonValue &v : o.value(u"measures"_s).toArray()) {
        MeasureSpec m { v[u"columnId"_s].toString(), Aggregation::Sum, v[u"label"_s].toString() };
        parseAggregation(v[u"aggregation"_s].toString(), &m.aggregation);
        intent.measures.append(m);
    }
    const QString derived = o.value(u"derived"_s).toString();
    for (DerivedMeasure d : { DerivedMeasure::Margin, DerivedMeasure::Profit,
             DerivedMeasure::PricePerUnit, DerivedMeasure::Share }) {
        if (derived == derivedKey(d))
            intent.derived = d;
    }
    intent.dateColumnId = o.value(u"dateColumnId"_s).toString();
    intent.level = o.value(u"level"_s).toInt();
    intent.splitColumnId = o.value(u"splitColumnId"_s).toString();
    for (const QJsonValue &v : o.value(u"filters"_s).toArray())
        intent.filters.append({ v[u"columnId"_s].toString(), v[u"value"_s].toString() });
    intent.perLevel = o.value(u"perLevel"_s).toInt();
    intent.top = o.value(u"top"_s).toInt();
    intent.ascending = o.value(u"ascending"_s).toBool();
    intent.growth = o.value(u"growth"_s).toBool();
    intent.wantsChart = o.value(u"chart"_s).toBool();
    intent.period = periodFrom(o.value(u"period"_s).toObject());
    intent.comparePeriod = periodFrom(o.value(u"comparePeriod"_s).toObject());
    if (intent.datasetId.isEmpty())
        intent.missing = u"an interpretation"_s;
    return intent;
}

QString Interpretation::question(const Intent &intent, const DatasetSchema &schema)
{
    QStringList words;
    if (intent.top > 0 && intent.top < 1000)
        words.append((intent.ascending ? u"bottom "_s : u"top "_s) + QString::number(intent.top));
    if (intent.level > 0)
        words.append(LuzmoNames::levelAdjective(intent.level).toLower());
    const MeasureSpec first = intent.measures.value(0);
    if (intent.derived == DerivedMeasure::None) {
        if (first.aggregation == Aggregation::Average)
            words.append(u"average"_s);
        else if (first.aggregation == Aggregation::Min)
            words.append(u"minimum"_s);
        else if (first.aggregation == Aggregation::Max)
            words.append(u"maximum"_s);
        QStringList names;
        for (const MeasureSpec &m : intent.measures)
            names.append(m.label.toLower());
        words.append(names.join(u" and "_s));
    } else {
        words.append(measureName(intent).toLower());
    }
    if (intent.perLevel > 0)
        words.append(u"per "_s + LuzmoNames::levelNoun(intent.perLevel));
    if (const ColumnSchema *split = schema.column(intent.splitColumnId))
        words.append(u"by "_s + split->name.toLower());
    QStringList values;
    for (const CategoryFilter &f : intent.filters)
        values.append(f.value);
    if (!values.isEmpty())
        words.append(u"for "_s + values.join(u" and "_s));
    if (intent.period.isValid())
        words.append(u"in "_s + intent.period.label);
    return words.join(u' ');
}
