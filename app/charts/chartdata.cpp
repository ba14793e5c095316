#include "app/charts/chartdata.h"

#include "app/charts/axisticks.h"
#include "app/charts/chartsnapshot.h"
#include "app/charts/isotime.h"
#include "app/charts/slotschema.h"
#include "app/charts/vegalitereader.h"
#include "app/protocol/itemreader.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
constexpr double gap = std::numeric_limits<double>::quiet_NaN();

QJsonObject slotContent(const QJsonObject &item, const QString &name, int index = 0)
{
    for (const QJsonValue &slot : item.value(u"slots"_s).toArray()) {
        if (slot.toObject().value(u"name"_s).toString() == name)
            return slot.toObject().value(u"content"_s).toArray().at(index).toObject();
    }
    return {};
}

double numberOf(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        return ok ? d : gap;
    }
    return gap;
}

ChartError malformed(const QString &message)
{
    return { ChartError::Code::Malformed, message };
}

// Fills every series with a point at each x any series has; absent ones become gaps.
void align(QList<ChartSeries> &series)
{
    std::vector<double> xs;
    for (const ChartSeries &s : std::as_const(series))
        for (const QPointF &p : s.points)
            xs.push_back(p.x());
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    for (ChartSeries &s : series) {
        QList<QPointF> filled;
        filled.reserve(qsizetype(xs.size()));
        qsizetype i = 0;
        for (const double x : xs) {
            while (i < s.points.size() && s.points.at(i).x() < x)
                ++i;
            filled << QPointF(
                x, i < s.points.size() && s.points.at(i).x() == x ? s.points.at(i).y() : gap);
        }
        s.points = std::move(filled);
    }
}
} // namespace

std::optional<ChartError> ChartData::check(const QJsonObject &item)
{
    const QString type = item.value(u"type"_s).toString();
    if (type.isEmpty())
        return malformed(u"The chart definition has no type."_s);
    if (type != u"line-chart") {
        return ChartError { ChartError::Code::Unsupported,
            u"%1 items are not rendered here yet; only line charts are."_s.arg(type) };
    }
    if (!item.value(u"slots"_s).isArray())
        return malformed(u"The line chart has no slots."_s);
    return std::nullopt;
}

Expected<ChartData, ChartError> ChartData::fromAsset(
    const QByteArray &valueJson, const QByteArray &dataJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(valueJson);
    if (!document.isObject())
        return malformed(u"The chart definition is not a JSON object."_s);
    if (const auto error = check(document.object()))
        return *error;
    auto snapshot = ChartSnapshot::fromJson(dataJson);
    if (!snapshot)
        return snapshot.error();
    return fromItem(document.object(), snapshot->rows);
}

Expected<ChartData, ChartError> ChartData::fromAsset(
    const QString &assetType, const QByteArray &valueJson, const QByteArray &dataJson)
{
    if (!VegaLiteReader::isVegaLiteAsset(assetType))
        return fromAsset(valueJson, dataJson);
    const QJsonDocument document = QJsonDocument::fromJson(valueJson);
    if (!document.isObject())
        return malformed(u"The Looker chart is not a JSON object."_s);
    return VegaLiteReader::fromChartPart(document.object());
}

std::optional<ChartError> ChartData::check(const QString &assetType, const QJsonObject &value)
{
    return VegaLiteReader::isVegaLiteAsset(assetType) ? VegaLiteReader::check(value) : check(value);
}

Expected<ChartData, ChartError> ChartData::fromItem(const QJsonObject &item, const QJsonArray &rows)
{
    if (const auto error = check(item))
        return *error;
    const ChartQuery cq = ItemReader::read(item, { SlotSchema::fromItem(item) });
    if (!cq.error.isEmpty())
        return malformed(cq.error);

    ChartData d;
    d.item = item;
    d.rows = rows;
    d.title = cq.title;
    const QJsonObject x = slotContent(item, u"x-axis"_s);
    const bool hasX = !cq.query.dimensions.isEmpty() && !x.isEmpty();
    const QString xType = x.value(u"type"_s).toString();
    if (hasX && xType == u"datetime") {
        d.xKind = XKind::Datetime;
        d.level = std::clamp(cq.level > 0 ? cq.level : 3, 1, 5);
    } else if (hasX && xType == u"numeric") {
        d.xKind = XKind::Numeric;
    }
    d.xTitle = hasX ? cq.xLabel : QString();
    d.format = ValueFormat::fromMeasure(slotContent(item, u"measure"_s));
    const qsizetype measures = cq.measureLabels.size();
    d.yTitle = measures == 1 ? cq.measureLabels.first() : QString();
    if (hasX)
        d.headers << cq.xLabel;
    if (cq.hasLegend)
        d.headers << cq.legendLabel;
    d.headers << cq.measureLabels;

    const qsizetype first = (hasX ? 1 : 0) + (cq.hasLegend ? 1 : 0);
    d.dimensionCount = int(first);
    QHash<QString, qsizetype> seriesOf; // legend value (or "") → index of its first series
    QHash<QString, qsizetype> categoryOf;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows.at(r).toArray();
        if (row.size() != first + measures) {
            return ChartError { ChartError::Code::BadSnapshot,
                u"Row %1 of the chart's data has %2 values; the chart needs %3."_s.arg(r + 1)
                    .arg(row.size())
                    .arg(first + measures) };
        }
        double xValue = 0;
        if (hasX && d.xKind == XKind::Datetime) {
            const std::optional<qint64> at = IsoTime::utcMsecs(row.at(0).toString());
            if (!at)
                continue; // a row without a period cannot be placed
            xValue = double(*at);
        } else if (hasX && d.xKind == XKind::Numeric) {
            xValue = numberOf(row.at(0));
            if (std::isnan(xValue))
                continue;
        } else {
            const QString name = hasX ? row.at(0).toVariant().toString() : d.title;
            auto found = categoryOf.constFind(name);
            if (found == categoryOf.constEnd()) {
                found = categoryOf.insert(name, d.categories.size());
                d.categories << (name.isEmpty() && hasX ? u"(empty)"_s : name);
            }
            xValue = double(*found);
        }
        const QString legend = cq.hasLegend ? row.at(first - 1).toVariant().toString() : QString();
        auto index = seriesOf.constFind(legend);
        if (index == seriesOf.constEnd()) {
            index = seriesOf.insert(legend, d.series.size());
            for (qsizetype m = 0; m < measures; ++m) {
                QString name = cq.measureLabels.at(m);
                if (cq.hasLegend) {
                    const QString shown = legend.isEmpty() ? u"(empty)"_s : legend;
                    name = measures == 1 ? shown : shown + u" · " + name;
                }
                d.series << ChartSeries { name, {} };
            }
        }
        for (qsizetype m = 0; m < measures; ++m)
            d.series[*index + m].points << QPointF(xValue, numberOf(row.at(first + m)));
    }
    for (ChartSeries &s : d.series) {
        std::stable_sort(s.points.begin(), s.points.end(),
            [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    }
    if (cq.hasLegend)
        align(d.series);
    return d;
}

int ChartData::pointCount() const
{
    int n = 0;
    for (const ChartSeries &s : series)
        n += int(std::count_if(s.points.cbegin(), s.points.cend(),
            [](const QPointF &p) { return std::isfinite(p.y()); }));
    return n;
}

QString ChartData::xText(double x) const
{
    switch (xKind) {
    case XKind::Datetime:
        return AxisTicks::periodLabel(QDateTime::fromMSecsSinceEpoch(qint64(x), Qt::UTC), level);
    case XKind::Category:
        return categories.value(qsizetype(std::llround(x)));
    case XKind::Numeric:
        return QLocale(QLocale::English, QLocale::UnitedStates).toString(x, 'g', 10);
    }
    return QString();
}
