#pragma once

#include "app/charts/chartdata.h"
#include "models/types.h"

#include <QImage>
#include <QSize>

#include <optional>

// One chart to a file: PNG at a chosen size, SVG with real text (QSvgGenerator), a one-page
// vector PDF (QPdfWriter), CSV of the data (RFC 4180, header row from the slot labels) and JSON
// of the item definition. Files are written atomically (QSaveFile); a file that cannot be
// written gives ChartError::Code::Write with the reason. Every drawing is in the light theme
// (Theme::light()) whatever the screen shows: an exported chart goes into a report or onto paper.
// Drawing needs a QApplication (QtCharts is built on QGraphicsWidget); CSV and JSON do not.
class ChartExport
{
public:
    enum class Format { Png, Svg, Pdf, Csv, Json };
    static std::optional<Format> parseFormat(const QString &name); // "png", "SVG", …
    static QString suffix(Format format); // "png"

    static constexpr QSize defaultSize { 1200, 675 };

    static std::optional<ChartError> write(const ChartData &data, Format format,
        const QString &path, QSize size = defaultSize, const QString &caption = {});
    static QByteArray svg(const ChartData &data, QSize size, const QString &caption = {});
    static QByteArray csv(const ChartData &data);
    static QByteArray json(const ChartData &data);

    // For the conversation exporter (a ChartImageRenderer): the asset drawn from its stored
    // snapshot at `size`, with "Data as of …"; a null image when it cannot be drawn (no
    // snapshot, not a line chart, malformed), so the caller shows its placeholder.
    static QImage image(const Asset &asset, const QSize &size);
    // "Data as of 3 Mar 2025, 14:05" (local time).
    static QString caption(const QDateTime &takenAt);
};
