#pragma once

#include <QColor>
#include <QFont>
#include <QList>

// The look of every chart, on screen and in exports: a report-friendly palette, fonts and
// colours for text and grid lines.
namespace ChartStyle {
QList<QColor> palette();
QColor seriesColour(int index);
QColor text();
QColor mutedText();
QColor grid();
QColor axisLine();
QFont titleFont(const QFont &base);
QFont labelFont(const QFont &base);
QFont axisTitleFont(const QFont &base);
} // namespace ChartStyle
