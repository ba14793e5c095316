#include "ui/workflow/workflowgraphview.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

WorkflowGraphView::WorkflowGraphView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("workflowGraphView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setFocusPolicy(Qt::StrongFocus);
}

qreal WorkflowGraphView::zoom() const
{
    return transform().m11();
}

void WorkflowGraphView::setZoom(qreal zoom)
{
    m_autoFit = false;
    applyZoom(zoom);
}

void WorkflowGraphView::applyZoom(qreal zoom)
{
    const qreal z = std::clamp(zoom, minZoom, maxZoom);
    if (qFuzzyCompare(z, this->zoom()))
        return;
    setTransform(QTransform::fromScale(z, z));
    Q_EMIT zoomChanged(z);
}

void WorkflowGraphView::zoomIn()
{
    setZoom(zoom() * step);
}

void WorkflowGraphView::zoomOut()
{
    setZoom(zoom() / step);
}

void WorkflowGraphView::fitAll()
{
    m_autoFit = true;
    const QRectF scene = sceneRect();
    const QSizeF room = viewport()->size() - QSizeF(4, 4);
    if (scene.isEmpty() || room.isEmpty())
        return applyZoom(1.0);
    applyZoom(std::min({ 1.0, room.width() / scene.width(), room.height() / scene.height() }));
    centerOn(scene.center());
}

void WorkflowGraphView::refit()
{
    if (m_autoFit)
        fitAll();
}

void WorkflowGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

void WorkflowGraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return QGraphicsView::wheelEvent(event);
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return event->accept();
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setZoom(zoom() * std::pow(step, delta / 120.0));
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    event->accept();
}

void WorkflowGraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return event->accept();
        case Qt::Key_Minus:
            zoomOut();
            return event->accept();
        case Qt::Key_0:
            fitAll();
            return event->accept();
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}
