#include "ui/conversationdelegate.h"

#include "app/core/timeformat.h"
#include "models/conversationlistmodel.h"
#include "ui/itempanel.h"

#include <QPainter>

namespace {
constexpr int paddingX = 10;
constexpr int paddingY = 9;
constexpr int timeGap = 8;
} // namespace

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return { 200, QFontMetrics(option.font).height() + 2 * paddingY };
}

void ConversationDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto [text, muted] = drawItemPanel(painter, opt);

    const QRect content = option.rect.adjusted(paddingX, 0, -paddingX, 0);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    const QString time
        = TimeFormat::listTime(index.data(ConversationListModel::UpdatedAtRole).toDateTime(), now);
    QFont timeFont = option.font;
    timeFont.setPointSizeF(option.font.pointSizeF() * 0.88);
    const int timeWidth = QFontMetrics(timeFont).horizontalAdvance(time);

    painter->save();
    painter->setFont(timeFont);
    painter->setPen(muted);
    painter->drawText(content, Qt::AlignRight | Qt::AlignVCenter, time);
    painter->setFont(option.font);
    painter->setPen(text);
    const QRect titleRect = content.adjusted(0, 0, -(timeWidth + timeGap), 0);
    const QString title = index.data(Qt::DisplayRole).toString();
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(option.font).elidedText(title, Qt::ElideRight, titleRect.width()));
    painter->restore();
}
