#pragma once

#include <QList>
#include <QRect>
#include <QSize>

// The geometry of a message's fenced code blocks: each block's shaded box and the small "Copy"
// button in its top-right corner, beside the code's first line (which leaves room for it, see
// firstLineRightMargin). Pure arithmetic, no painting, so the hit-testing is tested on its own.
// Rects are in whatever coordinates the boxes are given in (the row's, for the delegate).
class CodeBlockLayout
{
public:
    struct Metrics
    {
        int paddingX = 8; // between the box's sides and the code
        int paddingY = 5; // between the box's top and bottom and the code
        int inset = 4; // between the box's corner and the button
        int buttonPaddingX = 6; // around the button's text
        int buttonPaddingY = 1;
    };

    // The button's size for a label (its text) `label` big.
    static QSize buttonSize(QSize label, const Metrics &metrics);
    // How much room the first line of code leaves at its right: the padding, the button and
    // its inset, so that the code never runs under the button.
    static int firstLineRightMargin(QSize label, const Metrics &metrics);

    CodeBlockLayout(const QList<QRect> &boxes, QSize label, const Metrics &metrics);
    CodeBlockLayout(const QList<QRect> &boxes, QSize label)
        : CodeBlockLayout(boxes, label, Metrics {})
    {
    }

    int count() const { return int(m_boxes.size()); }
    QRect boxRect(int i) const { return m_boxes.value(i); }
    QRect buttonRect(int i) const { return m_buttons.value(i); }
    // The block whose button is under `point`, or -1.
    int buttonAt(QPoint point) const;

private:
    QList<QRect> m_boxes;
    QList<QRect> m_buttons;
};
