#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPalette>
#include <QString>

#include <array>

// The tokens of Chartroom's look, shared by every painted widget (cards, bubbles, chips), style
// sheet and chart: one place for a colour's meaning, so a card's border or a link is the same
// everywhere. Light and dark; every token is worked out from a QPalette (the system's, or the
// full palette of a forced mode), so the window follows the system and stays readable: text
// colours are nudged until they reach 4.5:1 (WCAG) on the backgrounds they sit on.
namespace Theme {
enum class Mode { Light, Dark };

struct Tokens
{
    Mode mode = Mode::Light;
    QColor window; // the window's own background: sidebar, status bar
    QColor surface; // transcript, cards, composer, panels
    QColor raised; // a control on a surface: example prompts, filter boxes, table headers
    QColor text; // body text and titles
    QColor mutedText; // notes, headings, captions, timestamps
    QColor disabledText; // disabled controls and decorative icons (no contrast promised)
    QColor link; // clickable text (follow-ups, "Retry", "Open")
    QColor accent; // the brand blue: the Send button, icons, the streaming pulse
    QColor accentHover; // the Send button under the mouse
    QColor onAccent; // text on the accent
    QColor accentFill; // a soft accent background: icon tiles, hover, selection
    QColor border; // the border of cards and inputs
    QColor controlBorder; // the border of painted buttons
    QColor focusBorder; // an input with the focus, a hovered control
    QColor divider; // rules between parts of a panel
    QColor userBubble; // the person's messages
    QColor assistantBubble; // the assistant's messages
    QColor codeBackground; // code and table headers in markdown
    QColor tableBorder; // the grid of markdown tables
    QColor chip; // the chips of how a question was read
    QColor chipDataset; // the first chip: the dataset
    QColor chipText;
    QColor warningFill;
    QColor warningBorder;
    QColor warningText;
    QColor interruptedText; // an answer stopped before its end
    QColor errorFill;
    QColor errorBorder;
    QColor errorText;
    QColor success;
    QColor chartBackground;
    QColor chartText;
    QColor chartMutedText; // axis labels and titles, the "Data as of" caption
    QColor chartGrid;
    QColor chartAxis;
    std::array<QColor, 8> chartSeries; // at least 3:1 on chartBackground

    QColor seriesColour(qsizetype index) const { return chartSeries.at(index % 8); }
    bool operator==(const Tokens &) const = default;
};

// Dark when the palette's window colour is dark (lightness below the middle). Qt 6.4 has no
// QStyleHints::colorScheme; the palette is what the platform theme gives.
Mode modeOf(const QPalette &palette);
// The tokens of `mode`, from `palette` when it is of that mode (the system's palette), else from
// palette(mode) (a light system forced dark, or the reverse).
Tokens tokens(const QPalette &palette, Mode mode);
// A full palette of Chartroom's own for `mode` (every role and group), for a forced mode.
QPalette palette(Mode mode);
// The tokens of the application's palette now (GUI thread only; cached per palette).
const Tokens &current();
// The light tokens of Chartroom's own light palette, whatever the screen shows: for exports
// (HTML, PDF, chart images), which go into reports and onto paper. Any thread.
const Tokens &light();
// `templ` with every @name (a Tokens member: @surface, @mutedText) replaced by that colour, for
// style sheets; an unknown name is left as it is.
QString styleSheet(const QString &templ, const Tokens &tokens);
// a + (b - a) * t, channel by channel (alpha included).
QColor mix(const QColor &a, const QColor &b, qreal t);

// The current theme's tokens, for painting code (the same as current().<name>).
QColor text();
QColor accent();
QColor userBubble();
QColor assistantBubble();

// The smaller text of notes, chips and card captions.
QFont smallFont(const QFont &base);
} // namespace Theme
