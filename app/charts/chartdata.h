#pragma once

#include "app/charts/charterror.h"
#include "app/charts/valueformat.h"
#include "models/expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QStringList>

// One line of a chart: points sorted by x; a NaN y is a gap (a missing value).
struct ChartSeries
{
    QString name;
    QList<QPointF> points;
};

// A line-chart item and its data rows turned into series ready to draw. Pure, no Widgets.
// x is milliseconds since the epoch (UTC) for a datetime axis, the index into `categories` for a
// category axis, or the value itself for a numeric axis. One series per measure, or, when the
// legend slot is used (rows [x, legend, measure…]), one per legend value (and measure).
// A malformed item or rows that do not fit it give a ChartError, never a crash; a valid item of
// another type (bar, donut, …) gives ChartError::Code::Unsupported.
class ChartData
{
public:
    enum class XKind { Datetime, Category, Numeric };

    static Expected<ChartData, ChartError> fromItem(
        const QJsonObject &item, const QJsonArray &rows);
    // From a stored asset: the item's JSON and its snapshot (ChartSnapshot format).
    static Expected<ChartData, ChartError> fromAsset(
        const QByteArray &valueJson, const QByteArray &dataJson);
    // From a stored asset of any type: a Looker chart ("looker-chart", its Vega-Lite spec and
    // the rows kept in its value; see VegaLiteReader) or a Luzmo item (as above).
    static Expected<ChartData, ChartError> fromAsset(
        const QString &assetType, const QByteArray &valueJson, const QByteArray &dataJson);
    // Whether `item` is a line chart this class can read (nullopt) or why not.
    static std::optional<ChartError> check(const QJsonObject &item);
    // The same for a stored asset's value of any type (a Looker chart's spec is checked).
    static std::optional<ChartError> check(const QString &assetType, const QJsonObject &value);

    QString title;
    QString xTitle;
    QString yTitle;
    XKind xKind = XKind::Category;
    int level = 0; // datetime level (1 year … 5 day); 0 when x is not a datetime
    QStringList categories;
    QList<ChartSeries> series;
    ValueFormat format; // of the (first) measure
    bool pointsOnly = false; // markers without lines (a Vega-Lite point mark)
    QStringList headers; // the row columns' labels: x, (legend), measures…
    int dimensionCount = 0; // leading columns of a row that are not measures
    QJsonArray rows; // the data as received, for tables and CSV
    QJsonObject item; // the definition

    int pointCount() const;
    bool isEmpty() const { return pointCount() == 0; }
    // The x of a point as people read it: "Mar 2024", "Q1 2024", a category or a number.
    QString xText(double x) const;
};
