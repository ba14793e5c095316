#pragma once

#include <QByteArray>
#include <QFont>
#include <QRect>
#include <QSize>
#include <QStringList>

class QPainter;

// How the built-in analyst read the question (an "interpretation" asset {tokens: [...], text,
// intent}), drawn as a row of chips, ThoughtSpot-style: "Sales", "Revenue", "sum", "by month",
// "Region = EMEA", "2024". Chips wrap to more rows when the bubble is narrow. Pure geometry.
class InterpretationCard
{
public:
    static inline const QString AssetType = QStringLiteral("interpretation");

    // The tokens of a stored "interpretation" value; empty when it has none.
    static QStringList tokensOf(const QByteArray &valueJson);
    static QSize sizeFor(const QStringList &tokens, const QFont &font, int maxWidth);
    // The chip rectangles, relative to `rect`'s top left.
    static QList<QRect> chipRects(const QStringList &tokens, const QFont &font, int maxWidth);
    static void paint(
        QPainter *painter, const QRect &rect, const QStringList &tokens, const QFont &font);
};
