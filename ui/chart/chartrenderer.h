#pragma once

#include "app/charts/chartdata.h"
#include "ui/theme/theme.h"

#include <QFont>
#include <QImage>
#include <QSize>

class QChart;
class QPainter;

// ChartData → QChart. One QLineSeries per run of values between gaps (the runs of one data
// series share its colour and one legend entry), downsampled with LTTB (extremes kept) when a
// series has more points than the plot has pixels to show. Both axes are QCategoryAxis with
// labels computed here: datetime ticks sit exactly on period starts ("Jan 2024", "Feb", …,
// "Q1 2024", "2024", "4 Mar"), spaced so they never overlap (a QDateTimeAxis spaces ticks evenly
// in time, which puts "Jan" twice in a 31-day month span), and value ticks are nice numbers in
// the measure's format ("$1.2M", "350K", "25%"). Every series carries its index into
// ChartData::series in the property seriesProperty. Colours are `theme`'s chart tokens: the
// screen's by default; exports pass Theme::light().
class ChartRenderer
{
public:
    struct Options
    {
        QSize size { 800, 450 };
        bool downsample = true;
        QFont font; // the base font; default: the application's
    };

    static constexpr char seriesProperty[] = "chartroomSeries";

    // A new chart for `data`, laid out for options.size; the caller owns it.
    static QChart *build(const ChartData &data, const Options &options,
        const Theme::Tokens &theme = Theme::current());
    // The labels of both axes again, for their current ranges and the plot's size (after a zoom
    // or a resize).
    static void relabel(QChart *chart, const ChartData &data);
    // The colours of a built chart again, from `theme` (the theme changed while it is shown).
    static void restyle(QChart *chart, const Theme::Tokens &theme);
    // Draws `data` as a chart of `size` logical pixels into `target` (vector on SVG and PDF
    // painters), with an optional caption ("Data as of …") at the bottom right.
    static void paint(QPainter *painter, const QRectF &target, const ChartData &data, QSize size,
        const QString &caption = {}, const Theme::Tokens &theme = Theme::current());
    // An image of exactly size × devicePixelRatio pixels.
    static QImage image(const ChartData &data, QSize size, qreal devicePixelRatio = 1.0,
        const QString &caption = {}, const Theme::Tokens &theme = Theme::current());
    // Points kept per series for a plot `plotWidth` pixels wide.
    static int pointBudget(int plotWidth);
};
