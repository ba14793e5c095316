#pragma once

#include <QGraphicsItem>

class QChart;

// The hover label of the interactive chart: a dot on the point and a small box with the x, the
// series and the value ("Mar 2024 · EMEA: $12,345"), kept inside the plot area.
class ChartCallout : public QGraphicsItem
{
public:
    explicit ChartCallout(QChart *chart);

    void show(const QPointF &value, const QColor &colour, const QString &text);
    QString text() const { return m_text; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QString m_text;
    QColor m_colour;
    QPointF m_anchor; // in item coordinates
    QRectF m_box;
};
