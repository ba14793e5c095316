#include "ui/workflow/workflowgraphitems.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal padX = 10;
constexpr qreal padY = 8;
constexpr qreal lineGap = 2;
constexpr qreal minWidth = 140;
constexpr qreal maxWidth = 280;
constexpr qreal radius = 6;
constexpr qreal headSize = 8;
constexpr qreal sideBulge = 44;

QFont boldFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    return f;
}

// The lines of a card: [type, id · title, properties…, +N more].
QStringList cardLines(const WorkflowNodeItem::Content &c)
{
    QStringList lines { c.type.isEmpty() ? QObject::tr("(no type)") : c.type };
    lines << (c.title.isEmpty() ? c.id : c.id + u" · "_s + c.title);
    const qsizetype shown
        = std::min<qsizetype>(c.properties.size(), WorkflowNodeItem::maxProperties);
    for (qsizetype i = 0; i < shown; ++i)
        lines << c.properties[i];
    if (c.properties.size() > shown)
        lines << QObject::tr("+%1 more").arg(c.properties.size() - shown);
    return lines;
}
} // namespace

WorkflowNodeItem::WorkflowNodeItem(Content content, const WorkflowGraphStyle &style)
    : m_content(std::move(content))
    , m_style(style)
    , m_size(sizeFor(m_content, style))
{
    QStringList tip { m_content.type, m_content.id };
    if (!m_content.title.isEmpty())
        tip << m_content.title;
    tip += m_content.properties;
    setToolTip(tip.join(u'\n'));
}

QSizeF WorkflowNodeItem::sizeFor(const Content &content, const WorkflowGraphStyle &style)
{
    const QFontMetricsF bold(boldFont(style.font));
    const QFontMetricsF small(style.smallFont);
    const QStringList lines = cardLines(content);
    qreal width = bold.horizontalAdvance(lines.first());
    qreal height = bold.height();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        width = std::max(width, small.horizontalAdvance(lines[i]));
        height += lineGap + small.height();
    }
    return { std::clamp(std::ceil(width) + 2 * padX, minWidth, maxWidth),
        std::ceil(height) + 2 * padY };
}

QRectF WorkflowNodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-1, -1, 1, 1);
}

void WorkflowNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(QPointF(0, 0), m_size).adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor border = m_content.problem ? m_style.problemBorder
        : m_content.root                    ? m_style.rootBorder
                                            : m_style.boxBorder;
    painter->setPen(QPen(border, m_content.root || m_content.problem ? 1.5 : 1));
    painter->setBrush(m_content.root ? m_style.rootFill : m_style.box);
    painter->drawRoundedRect(box, radius, radius);

    const qreal textWidth = m_size.width() - 2 * padX;
    const QStringList all = cardLines(m_content);
    const QFont bold = boldFont(m_style.font);
    qreal y = padY;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QFont &font = i == 0 ? bold : m_style.smallFont;
        const QFontMetricsF metrics(font);
        const bool muted = i == 1 || (i == all.size() - 1 && all[i].startsWith(u'+'));
        painter->setFont(font);
        painter->setPen(muted ? m_style.mutedText : m_style.text);
        const QString text = metrics.elidedText(all[i], Qt::ElideRight, textWidth);
        painter->drawText(QPointF(padX, y + metrics.ascent()), text);
        y += metrics.height() + lineGap;
    }
}

WorkflowEdgeItem::WorkflowEdgeItem(const QRectF &from, const QRectF &to, Kind kind,
    const QString &label, const WorkflowGraphStyle &style)
    : m_kind(kind)
    , m_label(label)
    , m_style(style)
{
    QPainterPath path;
    QPointF end;
    QPointF lastControl;
    if (from == to) { // a node that is its own child: a loop on its right side
        const QPointF start(from.right(), from.top() + from.height() / 3);
        end = QPointF(from.right(), from.top() + from.height() * 2 / 3);
        lastControl = end + QPointF(sideBulge, 0);
        path.moveTo(start);
        path.cubicTo(start + QPointF(sideBulge, 0), lastControl, end);
    } else if (kind != Kind::Back && to.top() >= from.bottom()) {
        const QPointF start(from.center().x(), from.bottom());
        end = QPointF(to.center().x(), to.top());
        const qreal dy = (end.y() - start.y()) / 2;
        lastControl = end - QPointF(0, dy);
        path.moveTo(start);
        path.cubicTo(start + QPointF(0, dy), lastControl, end);
    } else { // upwards or along a row: round the right sides
        const QPointF start(from.right(), from.center().y());
        end = QPointF(to.right(), to.center().y());
        const qreal bulge = std::max(start.x(), end.x()) + sideBulge;
        lastControl = QPointF(bulge, end.y());
        path.moveTo(start);
        path.cubicTo(QPointF(bulge, start.y()), lastControl, end);
    }
    setPath(path);
    const qreal angle = std::atan2(end.y() - lastControl.y(), end.x() - lastControl.x());
    const auto corner = [&](qreal turn) {
        return end - QPointF(std::cos(angle + turn), std::sin(angle + turn)) * headSize;
    };
    m_head = QPolygonF({ end, corner(0.45), corner(-0.45) });
    // Beside the arrow head, on the side the curve does not come from.
    const bool fromRight = path.elementAt(0).x > end.x() + 1;
    const qreal labelWidth = QFontMetricsF(style.smallFont).horizontalAdvance(label);
    m_labelAt = end + QPointF(fromRight ? -6 - labelWidth : 6, -6);

    QPen pen(kind == Kind::Back ? style.backEdge : style.edge, kind == Kind::Back ? 1.5 : 1.2);
    if (kind == Kind::Back || kind == Kind::Loop)
        pen.setStyle(Qt::DashLine);
    setPen(pen);
    setZValue(-1); // under the boxes
}

QRectF WorkflowEdgeItem::boundingRect() const
{
    QRectF r = QGraphicsPathItem::boundingRect().united(m_head.boundingRect());
    if (!m_label.isEmpty()) {
        const QFontMetricsF metrics(m_style.smallFont);
        r = r.united(QRectF(m_labelAt - QPointF(0, metrics.ascent()),
            QSizeF(metrics.horizontalAdvance(m_label), metrics.height())));
    }
    return r.adjusted(-2, -2, 2, 2);
}

void WorkflowEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen().color());
    painter->drawPolygon(m_head);
    if (!m_label.isEmpty()) {
        painter->setFont(m_style.smallFont);
        painter->setPen(m_style.mutedText);
        painter->drawText(m_labelAt, m_label);
    }
}
