#pragma once

#include <QColor>
#include <QFont>

class QPalette;

// The colours and fonts a workflow graph is drawn with, from the look's tokens: boxes on the
// canvas as cards, the trigger (the root) in the accent, edges in the muted text colour, what
// is wrong (a loop, a missing child) in the error colours.
struct WorkflowGraphStyle
{
    QColor canvas;
    QColor box;
    QColor boxBorder;
    QColor rootFill;
    QColor rootBorder;
    QColor problemBorder;
    QColor text;
    QColor mutedText;
    QColor edge;
    QColor backEdge;
    QColor problemText; // the problems above the graph
    QFont font;
    QFont smallFont;

    // For the screen: the tokens of `palette`'s mode (light or dark).
    static WorkflowGraphStyle forPalette(const QPalette &palette, const QFont &font);
    // For files: the light look, whatever the screen shows.
    static WorkflowGraphStyle forExport(const QFont &font);
};
