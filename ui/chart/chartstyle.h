#pragma once

#include <QFont>

// The fonts of every chart, on screen and in exports; the colours are the theme's chart tokens
// (Theme::Tokens::chartText, chartSeries…).
namespace ChartStyle {
QFont titleFont(const QFont &base);
QFont labelFont(const QFont &base);
QFont axisTitleFont(const QFont &base);
} // namespace ChartStyle
