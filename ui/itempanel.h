#pragma once

#include <QColor>

class QPainter;
class QStyleOptionViewItem;

// The colours of a list row's text, for its state (selected, active window).
struct ItemColors
{
    QColor text;
    QColor muted; // secondary text (times, snippets); the text colour when selected
};

// Draws a list row's panel (selection, hover) the style's way for an option already set up by
// the delegate's initStyleOption(), and returns the colours to write on it.
ItemColors drawItemPanel(QPainter *painter, QStyleOptionViewItem option);
