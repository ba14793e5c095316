#pragma once

#include <QList>
#include <QRect>
#include <QSize>

// The geometry of one transcript row: a header line ("You · 14:05"), then a bubble holding the
// message text (below the answer's chips, if any) and, under text cut short, a "Show all" link,
// one card per asset (chart), a status block
// (thinking, interrupted, error) and an action link (Retry), then a muted footer line under the
// bubble (the answer's progress). Pure arithmetic, no painting, so it is tested on its own,
// hit-testing included. Rects are relative to the row's top-left corner.
class BubbleLayout
{
public:
    enum class Side { Left, Right };
    enum class Part { None, Header, Bubble, Text, ShowAll, Card, Status, Action, Footer };

    struct Metrics
    {
        int outerMargin = 18; // between the view's edge and a bubble
        int rowSpacing = 7; // above and below each row
        int paddingX = 14; // inside the bubble
        int paddingY = 10;
        int headerGap = 4; // between header line and bubble
        int sectionGap = 8; // between text, cards, status and action
        int cardGap = 6; // between two cards
        int footerGap = 5; // between the bubble and the footer line
        int actionSlop = 4; // the action's hit area reaches this far past its rect
        int minBubbleWidth = 48;
        double maxWidthRatio = 0.75; // of the usable view width
    };

    // What goes into a row; empty sizes take no room.
    struct Content
    {
        QSize header;
        QSize text;
        QList<QSize> cards;
        QSize status;
        QSize action;
        QSize footer;
        int cardsAboveText = 0; // the first cards go above the text (an answer's chips)
        QSize showAll; // the "Show all" link under text that was cut short
    };

    // The widest the text inside a bubble may be in a view `viewWidth` pixels wide.
    static int maxTextWidth(int viewWidth, const Metrics &metrics);
    static int maxTextWidth(int viewWidth) { return maxTextWidth(viewWidth, Metrics {}); }

    BubbleLayout(int viewWidth, Side side, const Content &content, const Metrics &metrics);
    BubbleLayout(int viewWidth, Side side, const Content &content)
        : BubbleLayout(viewWidth, side, content, Metrics {})
    {
    }
    BubbleLayout(int viewWidth, Side side, QSize header, QSize text, QSize status)
        : BubbleLayout(viewWidth, side, Content { header, text, {}, status, {}, {}, 0, {} })
    {
    }

    QRect headerRect() const { return m_header; }
    QRect bubbleRect() const { return m_bubble; }
    QRect textRect() const { return m_text; }
    QRect showAllRect() const { return m_showAll; }
    int cardCount() const { return int(m_cards.size()); }
    QRect cardRect(int i) const { return m_cards.value(i); }
    QRect statusRect() const { return m_status; }
    QRect actionRect() const { return m_action; }
    QRect footerRect() const { return m_footer; }
    QSize sizeHint() const { return m_size; }

    // The part under `point` (row coordinates); `card` receives the card's index for Part::Card.
    Part partAt(QPoint point, int *card = nullptr) const;

private:
    Metrics m_metrics;
    QRect m_header;
    QRect m_bubble;
    QRect m_text;
    QRect m_showAll;
    QList<QRect> m_cards;
    QRect m_status;
    QRect m_action;
    QRect m_footer;
    QSize m_size;
};
