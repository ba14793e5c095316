#pragma once

#include "app/core/assetsummary.h"

#include <QFont>
#include <QSize>

class QPainter;
class QRect;

// The placeholder card of one asset in a transcript bubble: a small chart glyph, the headline
// ("Line chart · Monthly revenue") and a muted note, on a neutral card. A later version draws
// the real chart in the same place.
class AssetCard
{
public:
    static constexpr int preferredWidth = 400;
    static constexpr int padding = 10;
    static constexpr int iconSize = 34;

    static QSize sizeFor(const AssetSummary &summary, const QFont &font, int maxWidth);
    static void paint(
        QPainter *painter, const QRect &rect, const AssetSummary &summary, const QFont &font);

private:
    static void paintGlyph(QPainter *painter, const QRect &rect, AssetSummary::Kind kind);
};
