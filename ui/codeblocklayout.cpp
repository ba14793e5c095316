#include "ui/codeblocklayout.h"

QSize CodeBlockLayout::buttonSize(QSize label, const Metrics &metrics)
{
    return label + QSize(2 * metrics.buttonPaddingX, 2 * metrics.buttonPaddingY);
}

int CodeBlockLayout::firstLineRightMargin(QSize label, const Metrics &metrics)
{
    return metrics.paddingX + buttonSize(label, metrics).width() + metrics.inset;
}

CodeBlockLayout::CodeBlockLayout(const QList<QRect> &boxes, QSize label, const Metrics &metrics)
    : m_boxes(boxes)
{
    const QSize button = buttonSize(label, metrics);
    for (const QRect &box : boxes) {
        // Top-right, `inset` inside the box's right and top edges.
        const QPoint topLeft(
            box.x() + box.width() - metrics.inset - button.width(), box.y() + metrics.inset);
        m_buttons << QRect(topLeft, button);
    }
}

int CodeBlockLayout::buttonAt(QPoint point) const
{
    for (int i = 0; i < m_buttons.size(); ++i) {
        if (m_buttons.at(i).contains(point))
            return i;
    }
    return -1;
}
