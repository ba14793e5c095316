#pragma once

#include <QRect>
#include <QSize>

// The geometry of one transcript row: a header line ("You · 14:05"), then a bubble holding the
// message text and a status block (streaming, interrupted, error). Pure arithmetic, no painting,
// so it is tested on its own. Rects are relative to the row's top-left corner.
class BubbleLayout
{
public:
    enum class Side { Left, Right };

    struct Metrics
    {
        int outerMargin = 18; // between the view's edge and a bubble
        int rowSpacing = 7; // above and below each row
        int paddingX = 14; // inside the bubble
        int paddingY = 10;
        int headerGap = 4; // between header line and bubble
        int sectionGap = 8; // between text and status block
        int minBubbleWidth = 48;
        double maxWidthRatio = 0.75; // of the usable view width
    };

    // The widest the text inside a bubble may be in a view `viewWidth` pixels wide.
    static int maxTextWidth(int viewWidth, const Metrics &metrics);
    static int maxTextWidth(int viewWidth) { return maxTextWidth(viewWidth, Metrics {}); }

    BubbleLayout(
        int viewWidth, Side side, QSize header, QSize text, QSize status, const Metrics &metrics);
    BubbleLayout(int viewWidth, Side side, QSize header, QSize text, QSize status)
        : BubbleLayout(viewWidth, side, header, text, status, Metrics {})
    {
    }

    QRect headerRect() const { return m_header; }
    QRect bubbleRect() const { return m_bubble; }
    QRect textRect() const { return m_text; }
    QRect statusRect() const { return m_status; }
    QSize sizeHint() const { return m_size; }

private:
    QRect m_header;
    QRect m_bubble;
    QRect m_text;
    QRect m_status;
    QSize m_size;
};
