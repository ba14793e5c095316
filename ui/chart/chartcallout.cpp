#include "ui/chart/chartcallout.h"

#include "ui/chart/chartstyle.h"
#include "ui/theme/theme.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

ChartCallout::ChartCallout(QChart *chart)
    : QGraphicsItem(chart)
    , m_chart(chart)
{
    setZValue(20);
    hide();
}

void ChartCallout::show(const QPointF &value, const QColor &colour, const QString &text)
{
    prepareGeometryChange();
    m_text = text;
    m_colour = colour;
    const QPointF at = m_chart->mapToPosition(value);
    setPos(0, 0);
    m_anchor = at;
    const QFontMetricsF fm(ChartStyle::labelFont(m_chart->font()));
    const QRectF textRect = fm.boundingRect(QRectF(0, 0, 400, 200), Qt::AlignLeft, text);
    QRectF box(at + QPointF(12, -textRect.height() - 18), textRect.size() + QSizeF(16, 10));
    const QRectF plot = m_chart->plotArea();
    if (box.right() > plot.right())
        box.moveRight(at.x() - 12);
    if (box.top() < plot.top())
        box.moveTop(at.y() + 12);
    m_box = box;
    QGraphicsItem::show();
    update();
}

QRectF ChartCallout::boundingRect() const
{
    return m_box.united(QRectF(m_anchor - QPointF(6, 6), QSizeF(12, 12))).adjusted(-2, -2, 2, 2);
}

void ChartCallout::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const Theme::Tokens &theme = Theme::current();
    painter->setPen(QPen(theme.chartBackground, 2));
    painter->setBrush(m_colour);
    painter->drawEllipse(m_anchor, 5, 5);
    painter->setPen(QPen(theme.chartAxis, 1));
    QColor box = theme.chartBackground;
    box.setAlpha(240);
    painter->setBrush(box);
    painter->drawRoundedRect(m_box, 5, 5);
    painter->setFont(ChartStyle::labelFont(m_chart->font()));
    painter->setPen(theme.chartText);
    painter->drawText(m_box.adjusted(8, 5, -8, -5), Qt::AlignLeft | Qt::AlignVCenter, m_text);
}
