#pragma once

#include <QGraphicsView>

// The workflow graph on screen: drag to pan (or the scroll bars), Ctrl+wheel to zoom about the
// mouse, Ctrl+= / Ctrl++ and Ctrl+- to zoom about the centre, Ctrl+0 to fit the whole graph.
// The zoom stays between 10% and 400%. A new view fits the graph (see fitAll()).
class WorkflowGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit WorkflowGraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    // The whole graph in the view, at most at 100% (a small graph is not blown up). From then
    // on the view fits again when it is resized or the graph changes (refit()), until the zoom
    // is changed by hand.
    void fitAll();
    void refit();
    bool fitsAutomatically() const { return m_autoFit; }

    static constexpr qreal minZoom = 0.1;
    static constexpr qreal maxZoom = 4.0;
    static constexpr qreal step = 1.25;

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyZoom(qreal zoom);

    bool m_autoFit = true;
};
