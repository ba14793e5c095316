#include "app/charts/vegalitespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
ChartError unsupported(const QString &message)
{
    return { ChartError::Code::Unsupported, message };
}

ChartError malformed(const QString &message)
{
    return { ChartError::Code::Malformed, message };
}

// Vega-Lite `Text`: a string, or lines (an array of strings).
QString text(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList lines;
        for (const QJsonValue &line : value.toArray())
            lines << line.toString();
        return lines.join(u' ').simplified();
    }
    return value.toString().simplified();
}

// encoding.<channel>.title, else .axis/.legend title, else the field's name; null means none.
QString titleOf(const QJsonObject &def, const QString &guide, const QString &fallback)
{
    if (def.contains(u"title"_s))
        return text(def.value(u"title"_s));
    const QJsonObject g = def.value(guide).toObject();
    if (g.contains(u"title"_s))
        return text(g.value(u"title"_s));
    return fallback;
}

const QStringList aggregates { u"sum"_s, u"mean"_s, u"average"_s, u"median"_s, u"min"_s, u"max"_s,
    u"count"_s, u"valid"_s, u"distinct"_s };

} // namespace

Expected<VegaLiteSpec, ChartError> VegaLiteSpec::read(const QJsonObject &spec)
{
    VegaLiteSpec p;
    p.mark = markType(spec);
    for (const QString &key :
        { u"layer"_s, u"hconcat"_s, u"vconcat"_s, u"concat"_s, u"facet"_s, u"repeat"_s }) {
        if (p.mark == key)
            return unsupported(QCoreApplication::translate("VegaLiteSpec",
                "This chart combines several views (Vega-Lite “%1”); only a single line "
                "chart is drawn here.")
                                   .arg(key));
    }
    if (p.mark.isEmpty())
        return malformed(QCoreApplication::translate(
            "VegaLiteReader", "The chart's Vega-Lite spec has no mark."));
    if (p.mark != u"line" && p.mark != u"point")
        return unsupported(QCoreApplication::translate("VegaLiteSpec",
            "Vega-Lite “%1” charts are not drawn here yet; only line and point charts are.")
                               .arg(p.mark));
    if (!spec.value(u"transform"_s).toArray().isEmpty())
        return unsupported(QCoreApplication::translate("VegaLiteSpec",
            "This chart transforms its data in Vega-Lite, which is not done here."));
    const QJsonObject encoding = spec.value(u"encoding"_s).toObject();
    for (const QString &facet : { u"row"_s, u"column"_s, u"facet"_s }) {
        if (encoding.contains(facet))
            return unsupported(QCoreApplication::translate("VegaLiteSpec",
                "This chart is split into panels (Vega-Lite “%1”), which is not drawn here.")
                                   .arg(facet));
    }
    for (const auto &[name, channel] : { std::pair { u"x"_s, &p.x }, std::pair { u"y"_s, &p.y } }) {
        channel->def = encoding.value(name).toObject();
        channel->field = channel->def.value(u"field"_s).toString();
        if (channel->def.contains(u"bin"_s) && !channel->def.value(u"bin"_s).isNull()
            && channel->def.value(u"bin"_s) != QJsonValue(false))
            return unsupported(QCoreApplication::translate(
                "VegaLiteReader", "This chart bins its %1 values, which is not done here.")
                                   .arg(name));
    }
    p.aggregate = p.y.def.value(u"aggregate"_s).toString();
    if (p.x.field.isEmpty())
        return malformed(QCoreApplication::translate(
            "VegaLiteReader", "The chart's Vega-Lite spec has no x field."));
    if (p.y.field.isEmpty() && p.aggregate != u"count")
        return malformed(QCoreApplication::translate(
            "VegaLiteReader", "The chart's Vega-Lite spec has no y field."));
    if (p.x.def.contains(u"aggregate"_s))
        return unsupported(QCoreApplication::translate(
            "VegaLiteReader", "This chart aggregates its x values, which is not done here."));
    if (p.y.def.contains(u"aggregate"_s) && !aggregates.contains(p.aggregate))
        return unsupported(QCoreApplication::translate("VegaLiteSpec",
            "This chart's y values are aggregated with “%1”, which is not computed here.")
                               .arg(p.y.def.value(u"aggregate"_s).toVariant().toString()));

    // Vega-Lite's default type: temporal with a timeUnit, quantitative with an aggregate.
    const QJsonValue unit = p.x.def.value(u"timeUnit"_s);
    p.x.type = p.x.def.value(u"type"_s).toString(
        unit.isUndefined() || unit.isNull() ? u"nominal"_s : u"temporal"_s);
    p.y.type = p.y.def.value(u"type"_s).toString(u"quantitative"_s);
    if (p.x.type == u"temporal")
        p.xKind = ChartData::XKind::Datetime;
    else if (p.x.type == u"quantitative")
        p.xKind = ChartData::XKind::Numeric;
    else if (p.x.type != u"ordinal" && p.x.type != u"nominal")
        return unsupported(QCoreApplication::translate("VegaLiteSpec",
            "This chart's x is of type “%1”; only temporal, ordinal, nominal and quantitative "
            "are drawn here.")
                               .arg(p.x.type));
    if (p.y.type != u"quantitative")
        return unsupported(QCoreApplication::translate("VegaLiteSpec",
            "This chart's y is of type “%1”; only quantitative y values are drawn here.")
                               .arg(p.y.type));
    if (!unit.isUndefined() && !unit.isNull() && p.xKind != ChartData::XKind::Numeric) {
        bool periodic = false;
        p.timeUnit = VegaLiteField::timeUnit(unit, &periodic);
        if (!p.timeUnit)
            return malformed(QCoreApplication::translate(
                "VegaLiteReader", "The chart's time unit “%1” is not one of Vega-Lite's.")
                                 .arg(unit.toVariant().toString()));
        if (periodic)
            return unsupported(
                QCoreApplication::translate("VegaLiteSpec",
                    "This chart folds its dates into a repeating “%1”, which is not drawn here.")
                    .arg(unit.isObject() ? unit.toObject().value(u"unit"_s).toString()
                                         : unit.toString()));
    }

    const QJsonObject color = encoding.value(u"color"_s).toObject();
    p.color.field = color.value(u"field"_s).toString();
    p.hasColor = !p.color.field.isEmpty();
    p.color.def = color;

    p.x.title = titleOf(p.x.def, u"axis"_s, VegaLiteField::displayName(p.x.field));
    p.y.title = titleOf(p.y.def, u"axis"_s,
        p.y.field.isEmpty() ? u"Count of Records"_s : VegaLiteField::displayName(p.y.field));
    p.color.title = titleOf(color, u"legend"_s, VegaLiteField::displayName(p.color.field));
    return p;
}

QString VegaLiteSpec::title(const QJsonObject &spec)
{
    const QJsonValue t = spec.value(u"title"_s);
    return text(t.isObject() ? t.toObject().value(u"text"_s) : t);
}

QString VegaLiteSpec::markType(const QJsonObject &spec)
{
    for (const QString &key :
        { u"layer"_s, u"hconcat"_s, u"vconcat"_s, u"concat"_s, u"facet"_s, u"repeat"_s }) {
        if (spec.contains(key))
            return key;
    }
    const QJsonValue mark = spec.value(u"mark"_s);
    return mark.isObject() ? mark.toObject().value(u"type"_s).toString() : mark.toString();
}

QString VegaLiteSpec::chartType(const QJsonObject &spec)
{
    static const QHash<QString, QString> types { { u"line"_s, u"line-chart"_s },
        { u"trail"_s, u"line-chart"_s }, { u"point"_s, u"scatter-plot"_s },
        { u"circle"_s, u"scatter-plot"_s }, { u"square"_s, u"scatter-plot"_s },
        { u"area"_s, u"area-chart"_s }, { u"bar"_s, u"bar-chart"_s }, { u"arc"_s, u"pie-chart"_s },
        { u"layer"_s, u"combination-chart"_s }, { u"geoshape"_s, u"choropleth-map"_s },
        { u"text"_s, u"table"_s } };
    const QString mark = markType(spec);
    if (mark.isEmpty())
        return QString();
    return types.value(mark, mark + u"-chart");
}
