#pragma once

#include "app/charts/chartdata.h"
#include "models/expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// A Looker chart part drawn natively: its Vega-Lite spec (`result.vegaConfig`, a JSON string)
// read into the same ChartData as a Luzmo line chart, from the rows kept with it, so it draws
// offline and exports like every chart. Pure, no Widgets.
//
// The stored asset (type "looker-chart") is the chart part {query, result{vegaConfig, image}}
// plus "data": the Looker DataResult {name, schema{fields}, data[rows keyed by field name]}.
// Without "data" the spec's inline `data.values` (or `datasets[data.name]`) are used; without
// either the chart cannot be drawn (ChartError::Code::NoSnapshot, in words).
//
// What is drawn is decided by VegaLiteSpec (a line or point mark, one view); anything else is
// ChartError::Code::Unsupported, saying what it is. See docs/protocols/vega-lite.md.
class VegaLiteReader
{
public:
    // LookerMessageMapper::ChartAssetType (app/charts does not depend on app/looker).
    static inline const QString AssetType = QStringLiteral("looker-chart");
    static bool isVegaLiteAsset(const QString &assetType) { return assetType == AssetType; }

    // The spec of a chart part: result.vegaConfig parsed (a string of JSON, or an object).
    static Expected<QJsonObject, ChartError> spec(const QJsonObject &part);
    // Whether the part is a chart this class can draw (nullopt), or why not; data not looked at.
    static std::optional<ChartError> check(const QJsonObject &part);
    // The part drawn from its kept rows (or the spec's inline values).
    static Expected<ChartData, ChartError> fromChartPart(const QJsonObject &part);
    // A spec and its rows (JSON objects keyed by field name) → series.
    static Expected<ChartData, ChartError> read(const QJsonObject &spec, const QJsonArray &rows);

    // VegaLiteSpec's title, markType and chartType, for the cards and exports.
    static QString title(const QJsonObject &spec);
    static QString markType(const QJsonObject &spec);
    static QString chartType(const QJsonObject &spec);
};
