#pragma once

#include "chartdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

// A Looker chart part drawn natively: its Vega-Lite spec (`result.vegaConfig`, a JSON string)
// read into the same ChartData as a Luzmo line chart, from the rows kept with it, so it draws
// offline and exports like every chart. Pure, no Widgets.
//
// The stored asset (type "looker-chart") is the chart part {query, result{vegaConfig, image}}
// plus "data": the Looker DataResult {name, schema{fields}, data[rows keyed by field name]}.
// Without "data" the spec's inline `data.values` (or `datasets[data.name]`) are used; without
// either the chart cannot be drawn (ChartError::Code::NoSnapshot, in words).
//
// Drawn: a single view with mark "line" or "point" (a string or {type}), x temporal, ordinal,
// nominal or quantitative (with an optional non-periodic `timeUnit`), y quantitative (with an
// optional `aggregate`), an optional `color` field splitting the series; `title`, axis titles.
// Anything else (bar, area, arc, …, layer/concat/facet/repeat, transforms) is
// ChartError::Code::Unsupported, saying what it is. See docs/protocols/vega-lite.md.
class VegaLiteReader
{
public:
    // LookerMessageMapper::ChartAssetType (app/charts does not depend on app/looker).
    static inline const QString AssetType = QStringLiteral("looker-chart");
    static bool isVegaLiteAsset(const QString &assetType) { return assetType == AssetType; }

    // The spec of a chart part: result.vegaConfig parsed (a string of JSON, or an object).
    static std::variant<QJsonObject, ChartError> spec(const QJsonObject &part);
    // Whether the part is a chart this class can draw (nullopt), or why not; data not looked at.
    static std::optional<ChartError> check(const QJsonObject &part);
    // The part drawn from its kept rows (or the spec's inline values).
    static std::variant<ChartData, ChartError> fromChartPart(const QJsonObject &part);
    // A spec and its rows (JSON objects keyed by field name) → series.
    static std::variant<ChartData, ChartError> read(
        const QJsonObject &spec, const QJsonArray &rows);

    // The spec's `title` (a string, lines, or {text}); empty when none.
    static QString title(const QJsonObject &spec);
    // The mark's type ("line", "bar", …), or the composition ("layer", "hconcat", …).
    static QString markType(const QJsonObject &spec);
    // The chart in the Luzmo item type words the cards use: "line-chart", "bar-chart", …
    static QString chartType(const QJsonObject &spec);
};
