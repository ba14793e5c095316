#pragma once

#include "app/charts/chartdata.h"

class QChart;

// Fitting a built chart to its size and state (issue 13.5): the legend goes under the plot on
// one row when every name fits there, otherwise one entry per row (never an elided name); the
// value axis spans the visible series only; an empty result says so in words.
namespace ChartFit {
// Lays the legend out for the chart's current size, reserving its height under the plot.
void fitLegend(QChart *chart);
// The value axis's range for the series now visible (all of them when none is), nice numbers.
void rescaleValues(QChart *chart, const ChartData &data);
// "No data for “Monthly revenue”": what an empty result shows instead of a plot.
QString noDataText(const ChartData &data);
} // namespace ChartFit
