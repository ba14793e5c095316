#pragma once

#include "ui/chart/chartcardcache.h"

#include <QFont>
#include <QRect>

class QPainter;

// A chart asset's card in a transcript bubble: the rendered chart with "Data as of …" under it;
// "Loading chart…" while its data is fetched; the error in words with a Retry button; for other
// item types, the type and an honest "not rendered". Pure geometry plus painting.
class ChartCard
{
public:
    static constexpr int padding = 8;
    static constexpr int minWidth = 300;
    static constexpr int maxWidth = 760;

    static QSize sizeFor(int availableWidth, const QFont &font, ChartCardCache::State state);
    // Where the chart image goes inside `card`.
    static QRect chartRect(const QRect &card, const QFont &font);
    // The Retry button of a failed card.
    static QRect retryRect(const QRect &card, const QFont &font);
    static QString captionFor(const ChartCardCache::Card &card);
    static void paint(QPainter *painter, const QRect &rect, const ChartCardCache::Card &card,
        const QImage &image, const QFont &font);
};
