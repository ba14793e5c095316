#include "ui/bubblelayout.h"

#include <algorithm>

int BubbleLayout::maxTextWidth(int viewWidth, const Metrics &metrics)
{
    const int usable = viewWidth - 2 * metrics.outerMargin;
    const int bubble = int(usable * metrics.maxWidthRatio);
    return std::max(1, bubble - 2 * metrics.paddingX);
}

BubbleLayout::BubbleLayout(int viewWidth, Side side, const Content &content, const Metrics &metrics)
    : m_metrics(metrics)
{
    const int maxText = maxTextWidth(viewWidth, metrics);
    int widest = std::max({ content.text.width(), content.showAll.width(), content.status.width(),
        content.action.width() });
    for (const QSize &card : content.cards)
        widest = std::max(widest, card.width());
    const int contentWidth = std::clamp(widest, 0, maxText);
    const int bubbleWidth = std::max(metrics.minBubbleWidth, contentWidth + 2 * metrics.paddingX);

    const int left = side == Side::Right
        ? std::max(metrics.outerMargin, viewWidth - metrics.outerMargin - bubbleWidth)
        : metrics.outerMargin;
    int y = metrics.rowSpacing;

    const int usable = std::max(0, viewWidth - 2 * metrics.outerMargin);
    const int headerWidth = std::min(content.header.width(), usable);
    const int headerLeft = side == Side::Right
        ? std::max(metrics.outerMargin, left + bubbleWidth - headerWidth)
        : left + 2;
    m_header = QRect(headerLeft, y, headerWidth, content.header.height());
    y += content.header.height() + (content.header.height() > 0 ? metrics.headerGap : 0);

    // The sections inside the bubble, top to bottom, a section gap between non-empty ones.
    const int bubbleTop = y;
    const int contentLeft = left + metrics.paddingX;
    int cursor = bubbleTop + metrics.paddingY;
    bool any = false;
    const auto place = [&](int width, int height) {
        if (height <= 0)
            return QRect(contentLeft, cursor, std::clamp(width, 0, contentWidth), 0);
        if (any)
            cursor += metrics.sectionGap;
        any = true;
        const QRect r(contentLeft, cursor, std::clamp(width, 0, contentWidth), height);
        cursor += height;
        return r;
    };
    // Cards follow one another a card gap apart; the first `cardsAboveText` come before the text.
    bool lastWasCard = false;
    const auto placeCard = [&](QSize card) {
        if (lastWasCard && card.height() > 0) {
            cursor += metrics.cardGap;
            m_cards << QRect(
                contentLeft, cursor, std::clamp(card.width(), 0, contentWidth), card.height());
            cursor += card.height();
        } else {
            m_cards << place(card.width(), std::max(0, card.height()));
        }
        lastWasCard = lastWasCard || card.height() > 0;
    };
    const int above = std::clamp(content.cardsAboveText, 0, int(content.cards.size()));
    for (int i = 0; i < above; ++i)
        placeCard(content.cards.at(i));
    m_text = place(contentWidth, std::max(0, content.text.height()));
    m_showAll = place(content.showAll.width(), std::max(0, content.showAll.height()));
    if (m_text.height() > 0 || m_showAll.height() > 0)
        lastWasCard = false;
    for (int i = above; i < content.cards.size(); ++i)
        placeCard(content.cards.at(i));
    m_status = place(contentWidth, std::max(0, content.status.height()));
    m_action = place(content.action.width(), std::max(0, content.action.height()));
    const int bubbleHeight = cursor + metrics.paddingY - bubbleTop;
    m_bubble = QRect(left, bubbleTop, bubbleWidth, bubbleHeight);
    y = m_bubble.bottom() + 1;

    if (content.footer.height() > 0) {
        y += metrics.footerGap;
        const int footerWidth = std::min(content.footer.width(), usable);
        const int footerLeft = side == Side::Right
            ? std::max(metrics.outerMargin, left + bubbleWidth - footerWidth)
            : left + 2;
        m_footer = QRect(footerLeft, y, footerWidth, content.footer.height());
        y += content.footer.height();
    } else {
        m_footer = QRect(left + 2, y, 0, 0);
    }

    m_size = QSize(std::max(0, viewWidth), y + metrics.rowSpacing);
}

BubbleLayout::Part BubbleLayout::partAt(QPoint point, int *card) const
{
    const int slop = m_metrics.actionSlop;
    if (!m_action.isEmpty() && m_action.adjusted(-slop, -slop, slop, slop).contains(point))
        return Part::Action;
    if (!m_showAll.isEmpty() && m_showAll.adjusted(-slop, -slop, slop, slop).contains(point))
        return Part::ShowAll;
    if (m_header.contains(point))
        return Part::Header;
    if (m_footer.contains(point))
        return Part::Footer;
    if (!m_bubble.contains(point))
        return Part::None;
    for (int i = 0; i < m_cards.size(); ++i) {
        if (m_cards.at(i).contains(point)) {
            if (card)
                *card = i;
            return Part::Card;
        }
    }
    if (m_text.contains(point))
        return Part::Text;
    if (m_status.contains(point))
        return Part::Status;
    return Part::Bubble;
}
