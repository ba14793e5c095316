#pragma once

#include "models/types.h"

#include <QImage>
#include <QSize>

#include <functional>

// Draws a chart asset into an image of the given size, e.g. from its stored data snapshot.
// Returns a null QImage when the asset cannot be drawn (no snapshot, unknown chart type...); the
// exports then show a placeholder with the chart's type and title. Injected by the entry points,
// so the export code does not depend on the chart rendering code.
using ChartImageRenderer = std::function<QImage(const Asset &asset, const QSize &size)>;
