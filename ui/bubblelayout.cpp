#include "bubblelayout.h"

#include <algorithm>

int BubbleLayout::maxTextWidth(int viewWidth, const Metrics &metrics)
{
    const int usable = viewWidth - 2 * metrics.outerMargin;
    const int bubble = int(usable * metrics.maxWidthRatio);
    return std::max(1, bubble - 2 * metrics.paddingX);
}

BubbleLayout::BubbleLayout(
    int viewWidth, Side side, QSize header, QSize text, QSize status, const Metrics &metrics)
{
    const int maxText = maxTextWidth(viewWidth, metrics);
    const int contentWidth = std::clamp(std::max(text.width(), status.width()), 0, maxText);
    const int bubbleWidth = std::max(metrics.minBubbleWidth, contentWidth + 2 * metrics.paddingX);
    const int textHeight = std::max(0, text.height());
    const int statusHeight = std::max(0, status.height());
    const int gap = textHeight > 0 && statusHeight > 0 ? metrics.sectionGap : 0;
    const int bubbleHeight = 2 * metrics.paddingY + textHeight + gap + statusHeight;

    const int left = side == Side::Right
        ? std::max(metrics.outerMargin, viewWidth - metrics.outerMargin - bubbleWidth)
        : metrics.outerMargin;
    int y = metrics.rowSpacing;

    const int headerWidth
        = std::min(header.width(), std::max(0, viewWidth - 2 * metrics.outerMargin));
    const int headerLeft = side == Side::Right
        ? std::max(metrics.outerMargin, left + bubbleWidth - headerWidth)
        : left + 2;
    m_header = QRect(headerLeft, y, headerWidth, header.height());
    y += header.height() + (header.height() > 0 ? metrics.headerGap : 0);

    m_bubble = QRect(left, y, bubbleWidth, bubbleHeight);
    const int contentLeft = left + metrics.paddingX;
    const int textTop = y + metrics.paddingY;
    m_text = QRect(contentLeft, textTop, contentWidth, textHeight);
    m_status = QRect(contentLeft, textTop + textHeight + gap, contentWidth, statusHeight);

    m_size = QSize(std::max(0, viewWidth), m_bubble.bottom() + 1 + metrics.rowSpacing);
}
