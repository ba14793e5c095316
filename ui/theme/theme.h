#pragma once

#include <QColor>
#include <QFont>

// The tokens of Chartroom's look, shared by every painted widget (cards, bubbles, chips) and
// chart: one place for a colour's meaning, so a card's border or a link is the same everywhere.
namespace Theme {
QColor text(); // body text and titles
QColor mutedText(); // notes, headings, captions, timestamps
QColor link(); // clickable text (follow-ups, "Retry", "Open")
QColor accent(); // the brand blue: icons, the streaming pulse, focus rings
QColor accentFill(); // a light accent background (icon tiles)
QColor surface(); // the background of cards
QColor border(); // the border of cards
QColor controlBorder(); // the border of painted buttons
QColor userBubble(); // the person's messages
QColor assistantBubble(); // the assistant's messages
QColor warningFill();
QColor warningText();
QColor interruptedText(); // an answer stopped before its end
QColor errorFill();
QColor errorBorder();
QColor errorText();

// The smaller text of notes, chips and card captions.
QFont smallFont(const QFont &base);
} // namespace Theme
