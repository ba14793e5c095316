#pragma once

#include <QJsonObject>
#include <QString>

// How a measure's numbers are written, from the item's measure content: `format` (D3 style,
// e.g. ",.2f", ".1%", ".0f", ",d", ".2s"), `currency` ("$", "€"; or subtype "currency" alone
// meaning "$") and the aggregation (counts are never money). Pure.
class ValueFormat
{
public:
    static ValueFormat fromMeasure(const QJsonObject &content);

    QString currency; // prefix, empty for none
    int decimals = -1; // -1: automatic (two below 100, none above)
    bool thousands = true;
    bool percent = false; // values are ratios: 0.25 → "25%"

    // Full precision for tooltips, tables and CSV-like text: "$1,234.50".
    QString format(double value) const;
    // Short, for axis ticks spaced `step` apart: "$1.2M", "$350K", "$1,200", "25%".
    QString tick(double value, double step) const;
};
