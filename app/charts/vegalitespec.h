#pragma once

#include "app/charts/chartdata.h"
#include "app/charts/charterror.h"
#include "app/charts/vegalitefield.h"
#include "models/expected.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// What Chartroom draws of a Vega-Lite spec, read and checked without its data: a single view
// with mark "line" or "point", x of type temporal, ordinal, nominal or quantitative (with an
// optional non-periodic timeUnit), y quantitative (with an optional aggregate), an optional colour
// field; the axis and legend titles. Anything else is ChartError::Code::Unsupported, saying what
// it is; an unreadable spec is Malformed. Sources: vega/vega-lite src/channeldef.ts (field, type,
// timeUnit, aggregate, bin, sort, title), site/docs/encoding/type.md, src/title.ts. Pure.
class VegaLiteSpec
{
public:
    struct Channel
    {
        QJsonObject def; // encoding.<channel>
        QString field;
        QString type;
        QString title; // .title, else the axis/legend title, else the field's name
    };

    static Expected<VegaLiteSpec, ChartError> read(const QJsonObject &spec);

    // The spec's `title` (a string, lines, or {text}); empty when none.
    static QString title(const QJsonObject &spec);
    // The mark's type ("line", "bar", …), or the composition ("layer", "hconcat", …).
    static QString markType(const QJsonObject &spec);
    // The chart in the Luzmo item type words the cards use: "line-chart", "bar-chart", …
    static QString chartType(const QJsonObject &spec);

    QString mark; // "line" or "point"
    Channel x, y, color;
    bool hasColor = false;
    std::optional<VegaLiteField::TimeUnit> timeUnit; // of x
    QString aggregate; // of y; empty for none
    ChartData::XKind xKind = ChartData::XKind::Category;
};
