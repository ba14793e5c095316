#include "app/charts/vegalitereader.h"

#include "app/charts/axisticks.h"
#include "app/charts/vegalitefield.h"
#include "app/charts/vegalitespec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
constexpr double gap = std::numeric_limits<double>::quiet_NaN();

ChartError malformed(const QString &message)
{
    return { ChartError::Code::Malformed, message };
}

double aggregate(const QString &how, const QList<QJsonValue> &values)
{
    if (how == u"count")
        return double(values.size());
    QList<double> numbers;
    QStringList distinct;
    for (const QJsonValue &v : values) {
        if (const auto n = VegaLiteField::number(v))
            numbers << *n;
        if (!v.isNull() && !v.isUndefined() && !distinct.contains(v.toVariant().toString()))
            distinct << v.toVariant().toString();
    }
    if (how == u"valid")
        return double(numbers.size());
    if (how == u"distinct")
        return double(distinct.size());
    if (numbers.isEmpty())
        return how == u"sum" ? 0 : gap;
    std::sort(numbers.begin(), numbers.end());
    double sum = 0;
    for (const double n : numbers)
        sum += n;
    if (how == u"sum")
        return sum;
    if (how == u"min")
        return numbers.first();
    if (how == u"max")
        return numbers.last();
    const qsizetype n = numbers.size();
    if (how == u"median")
        return n % 2 ? numbers.at(n / 2) : (numbers.at(n / 2 - 1) + numbers.at(n / 2)) / 2;
    return sum / double(n); // mean, average
}

QString label(const QJsonValue &v)
{
    const QString s
        = v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toVariant().toString();
    return s.isEmpty() ? u"(empty)"_s : s;
}
} // namespace

namespace {
// Labels in Vega-Lite's order for a discrete scale: `sort` ascending by default (numbers as
// numbers), "descending", null (the data's order) or an array (those first, then the rest).
QStringList ordered(
    const QStringList &seen, const QHash<QString, double> &keys, const QJsonValue &sort)
{
    if (sort.isNull())
        return seen;
    QStringList out;
    if (sort.isArray()) {
        for (const QJsonValue &v : sort.toArray()) {
            if (seen.contains(label(v)) && !out.contains(label(v)))
                out << label(v);
        }
        for (const QString &s : seen) {
            if (!out.contains(s))
                out << s;
        }
        return out;
    }
    out = seen;
    const bool numeric
        = std::all_of(out.cbegin(), out.cend(), [&](const QString &s) { return keys.contains(s); });
    std::stable_sort(out.begin(), out.end(), [&](const QString &a, const QString &b) {
        return numeric ? keys.value(a) < keys.value(b) : a < b;
    });
    if (sort.toString() == u"descending")
        std::reverse(out.begin(), out.end());
    return out;
}

struct Datum
{
    QString series;
    QString category;
    double x = 0;
    QList<QJsonValue> ys;
};

ValueFormat formatOf(const VegaLiteSpec &p)
{
    QString format
        = p.y.def.value(u"format"_s)
              .toString(p.y.def.value(u"axis"_s).toObject().value(u"format"_s).toString());
    QJsonObject measure;
    if (format.startsWith(u'$')) {
        measure.insert(u"currency"_s, u"$"_s);
        format.remove(0, 1);
    }
    measure.insert(u"format"_s, format);
    if (p.aggregate == u"count" || p.aggregate == u"distinct" || p.aggregate == u"valid")
        measure.insert(u"aggregationFunc"_s, u"count"_s);
    return ValueFormat::fromMeasure(measure);
}
} // namespace

Expected<ChartData, ChartError> VegaLiteReader::read(
    const QJsonObject &spec, const QJsonArray &rows)
{
    auto planned = VegaLiteSpec::read(spec);
    if (!planned)
        return planned.error();
    const VegaLiteSpec &p = *planned;
    using K = ChartData::XKind;

    QList<Datum> data;
    QHash<QString, qsizetype> groupOf; // series + x → datum, when the y values are aggregated
    QStringList categories, series;
    QHash<QString, double> categoryKeys, seriesKeys;
    bool seenX = false, seenY = p.y.field.isEmpty(), seenColor = !p.hasColor;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (!rows.at(r).isObject())
            return ChartError { ChartError::Code::BadSnapshot,
                QCoreApplication::translate("VegaLiteReader",
                    "Row %1 of the chart's data is not an object of named values.")
                    .arg(r + 1) };
        const QJsonObject row = rows.at(r).toObject();
        const QJsonValue xv = VegaLiteField::lookup(row, p.x.field);
        const QJsonValue yv
            = p.y.field.isEmpty() ? QJsonValue() : VegaLiteField::lookup(row, p.y.field);
        const QJsonValue cv = p.hasColor ? VegaLiteField::lookup(row, p.color.field) : QJsonValue();
        seenX = seenX || !xv.isUndefined();
        seenY = seenY || !yv.isUndefined();
        seenColor = seenColor || !cv.isUndefined();
        Datum d;
        if (p.xKind == K::Numeric) {
            const auto n = VegaLiteField::number(xv);
            if (!n)
                continue; // a row without an x cannot be placed
            d.x = *n;
        } else if (p.xKind == K::Datetime || p.timeUnit) {
            auto t = VegaLiteField::time(xv);
            if (!t)
                continue;
            if (p.timeUnit)
                t = VegaLiteField::truncate(*t, *p.timeUnit);
            d.x = double(*t);
            if (p.xKind == K::Category) {
                d.category = AxisTicks::periodLabel(
                    QDateTime::fromMSecsSinceEpoch(*t, Qt::UTC), p.timeUnit->level);
                categoryKeys.insert(d.category, d.x);
            }
        } else {
            d.category = label(xv);
            if (const auto n = VegaLiteField::number(xv))
                categoryKeys.insert(d.category, *n);
        }
        if (p.xKind == K::Category && !categories.contains(d.category))
            categories << d.category;
        d.series = p.hasColor ? label(cv) : p.y.title;
        if (!series.contains(d.series))
            series << d.series;
        if (const auto n = VegaLiteField::number(cv))
            seriesKeys.insert(d.series, *n);
        d.ys << (p.aggregate == u"count" && p.y.field.isEmpty() ? QJsonValue(1) : yv);
        if (p.aggregate.isEmpty()) {
            data << d;
            continue;
        }
        const QString key = d.series + QChar(0x1f)
            + (p.xKind == K::Category ? d.category : QString::number(d.x, 'g', 17));
        if (const auto it = groupOf.constFind(key); it != groupOf.constEnd()) {
            data[*it].ys << d.ys.first();
        } else {
            groupOf.insert(key, data.size());
            data << d;
        }
    }
    for (const auto &[seen, field] : { std::pair { seenX, p.x.field },
             std::pair { seenY, p.y.field }, std::pair { seenColor, p.color.field } }) {
        if (!seen && !rows.isEmpty())
            return ChartError { ChartError::Code::BadSnapshot,
                QCoreApplication::translate("VegaLiteReader", "The chart's data has no field “%1”.")
                    .arg(VegaLiteField::displayName(field)) };
    }

    ChartData out;
    out.item = spec;
    out.title = VegaLiteSpec::title(spec);
    out.xTitle = p.x.title;
    out.yTitle = p.y.title;
    out.xKind = p.xKind;
    out.format = formatOf(p);
    out.pointsOnly = p.mark == u"point";
    out.categories = ordered(categories, categoryKeys, p.x.def.value(u"sort"_s));
    series = p.hasColor ? ordered(series, seriesKeys, p.color.def.value(u"sort"_s)) : series;
    out.headers << p.x.title;
    if (p.hasColor)
        out.headers << p.color.title;
    out.headers << p.y.title;
    out.dimensionCount = p.hasColor ? 2 : 1;
    for (const QString &name : std::as_const(series))
        out.series << ChartSeries { name, {} };

    struct Cell
    {
        double x;
        qsizetype series;
        double y;
        QJsonValue xValue;
    };
    QList<Cell> cells;
    for (const Datum &d : std::as_const(data)) {
        const qsizetype s = series.indexOf(d.series);
        const double y = p.aggregate.isEmpty() ? VegaLiteField::number(d.ys.first()).value_or(gap)
                                               : aggregate(p.aggregate, d.ys);
        Cell c { d.x, s, y, {} };
        if (p.xKind == K::Category) {
            c.x = double(out.categories.indexOf(d.category));
            c.xValue = d.category;
        } else if (p.xKind == K::Datetime) {
            c.xValue
                = QDateTime::fromMSecsSinceEpoch(qint64(d.x), Qt::UTC).toString(Qt::ISODateWithMs);
        } else {
            c.xValue = d.x;
        }
        cells << c;
    }
    std::stable_sort(cells.begin(), cells.end(), [](const Cell &a, const Cell &b) {
        return a.x < b.x || (a.x == b.x && a.series < b.series);
    });
    for (const Cell &c : std::as_const(cells)) {
        out.series[c.series].points << QPointF(c.x, c.y);
        QJsonArray row { c.xValue };
        if (p.hasColor)
            row << out.series.at(c.series).name;
        row << (std::isfinite(c.y) ? QJsonValue(c.y) : QJsonValue());
        out.rows << row;
    }
    if (p.xKind == K::Datetime)
        out.level = p.timeUnit ? p.timeUnit->level : 0;
    if (p.xKind == K::Datetime && out.level == 0) {
        // No time unit: the coarsest period every date starts (one date alone: a month).
        bool years = cells.size() > 1, months = true;
        for (const Cell &c : std::as_const(cells)) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(c.x), Qt::UTC);
            const bool midnight = at.time() == QTime(0, 0);
            months = months && midnight && at.date().day() == 1;
            years = years && months && at.date().month() == 1;
        }
        out.level = years ? 1 : months ? 3 : 5;
    }
    return out;
}

Expected<QJsonObject, ChartError> VegaLiteReader::spec(const QJsonObject &part)
{
    const QJsonValue config = part.value(u"result"_s).toObject().value(u"vegaConfig"_s);
    if (config.isObject())
        return config.toObject();
    const QJsonDocument document = QJsonDocument::fromJson(config.toString().toUtf8());
    if (!document.isObject())
        return malformed(QCoreApplication::translate("VegaLiteReader",
            config.isUndefined() ? "The Looker chart has no Vega-Lite spec (result.vegaConfig)."
                                 : "The Looker chart's Vega-Lite spec is not a JSON object."));
    return document.object();
}

std::optional<ChartError> VegaLiteReader::check(const QJsonObject &part)
{
    auto s = spec(part);
    if (!s)
        return s.error();
    auto p = VegaLiteSpec::read(*s);
    if (!p)
        return p.error();
    return std::nullopt;
}

Expected<ChartData, ChartError> VegaLiteReader::fromChartPart(const QJsonObject &part)
{
    auto s = spec(part);
    if (!s)
        return s.error();
    const QJsonObject vl = *s;
    if (const auto error = check(part))
        return *error;
    // The Looker DataResult kept with the chart, else the spec's own inline data.
    const QJsonValue kept = part.value(u"data"_s).toObject().value(u"data"_s);
    const QJsonObject inline_ = vl.value(u"data"_s).toObject();
    QJsonValue values = kept.isArray() ? kept : inline_.value(u"values"_s);
    if (!values.isArray() && inline_.contains(u"name"_s))
        values = vl.value(u"datasets"_s).toObject().value(inline_.value(u"name"_s).toString());
    if (!values.isArray())
        return ChartError { ChartError::Code::NoSnapshot,
            QCoreApplication::translate("VegaLiteReader",
                "The chart's data was not kept with this answer, so it cannot be drawn here.") };
    auto data = read(vl, values.toArray());
    if (data)
        data->item = part;
    return data;
}

QString VegaLiteReader::title(const QJsonObject &spec)
{
    return VegaLiteSpec::title(spec);
}

QString VegaLiteReader::markType(const QJsonObject &spec)
{
    return VegaLiteSpec::markType(spec);
}

QString VegaLiteReader::chartType(const QJsonObject &spec)
{
    return VegaLiteSpec::chartType(spec);
}
