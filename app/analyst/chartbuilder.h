#pragma once

#include "app/analyst/intent.h"
#include "app/datasets/datasetschema.h"

#include <QJsonObject>
#include <QString>

// Builds a Luzmo line-chart item from an Intent. Pure.
//
// The shape follows the JSON Schemas shipped in the npm package
// @luzmo/dashboard-contents-types (1.0.31): assets/json-schemas/line-chart.schema.json.js
// (the item: type, options, slots), line-chart-slots.schema.json.js (slots "x-axis" and
// "legend" with at most one content entry, "measure"; content fields datasetId, columnId, type,
// label {locale: text}, level, lowestLevel, aggregationFunc, format (D3), subtype, currency) and
// line-chart-options.schema.json.js (title, display, legend, interpolation, markers, locale, …).
// The JSON Schemas do not cover `filters`; they follow the package's TypeScript type
// ItemFilterGroup (src/lib/shared/types/item-filter-group.d.ts): [{condition, filters:
// [{expression: "? in ?" | "? >= ?" | "? < ?" …, parameters: [{datasetId, columnId, level?},
// value]}]}].
//
// A derived measure (margin, profit, price per unit) is charted as its own series: one numeric
// content with an ad-hoc aggregation `formula` (the schema's field; the syntax is that of
// Luzmo's formula resource: SUM({dataset:column}) combined with + - * /), e.g. margin is
// (SUM(revenue) - SUM(cost)) / SUM(revenue), formatted as a percentage.
class ChartBuilder
{
public:
    explicit ChartBuilder(DatasetSchema schema);

    // A line chart over time at intent.level (month when 0).
    QJsonObject build(const Intent &intent) const;
    // The same chart with a derived measure's operands as plain measures (for the answer's
    // text, which needs the operands' totals), or build() when the intent derives nothing.
    QJsonObject buildOperands(const Intent &intent) const;
    // "Monthly revenue by region in 2024"
    QString title(const Intent &intent) const;

    static constexpr int DefaultLevel = 3;

private:
    QJsonObject columnRef(const QString &columnId) const;
    QJsonObject measureContent(const MeasureSpec &measure) const;
    QJsonObject formulaContent(const Intent &intent) const;
    QJsonObject build(const Intent &intent, bool formulas) const;
    QJsonArray filters(const Intent &intent) const;

    DatasetSchema m_schema;
};
