#pragma once

#include "ui/workflow/workflowgraphstyle.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QStringList>

// One node as a card: its type in bold, its id (and title), then up to three key properties.
class WorkflowNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    struct Content
    {
        QString id;
        QString type;
        QString title;
        QStringList properties; // "key: value"
        bool root = false;
        bool problem = false;
    };

    WorkflowNodeItem(Content content, const WorkflowGraphStyle &style);

    // The box size `content` needs in `style`, before the item is made (for the layout).
    static QSizeF sizeFor(const Content &content, const WorkflowGraphStyle &style);
    static constexpr int maxProperties = 3;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
        QWidget *widget = nullptr) override;
    const Content &content() const { return m_content; }

private:
    QStringList lines() const;

    Content m_content;
    const WorkflowGraphStyle &m_style;
    QSizeF m_size;
};

// One edge: from the bottom of the parent's box to the top of the child's, with an arrow head;
// a Back edge (a loop) goes round the right side, dashed, in the error colour; a loop body edge
// is dashed. `label` (the child's branch: then, else) is written beside the arrow head.
class WorkflowEdgeItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 2 };
    enum class Kind { Tree, Cross, Back, Loop };

    WorkflowEdgeItem(const QRectF &from, const QRectF &to, Kind kind, const QString &label,
        const WorkflowGraphStyle &style);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
        QWidget *widget = nullptr) override;
    Kind kind() const { return m_kind; }
    QString label() const { return m_label; }

private:
    Kind m_kind;
    QString m_label;
    QPolygonF m_head;
    QPointF m_labelAt;
    const WorkflowGraphStyle &m_style;
};
