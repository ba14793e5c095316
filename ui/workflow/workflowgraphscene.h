#pragma once

#include "ui/workflow/workflowgraph.h"
#include "ui/workflow/workflowgraphitems.h"

#include <QGraphicsScene>

// A workflow definition drawn: one WorkflowNodeItem per node, one WorkflowEdgeItem per edge of
// `children` and `loopBody` (an id no node has draws no edge), placed by WorkflowGraphLayout
// with a margin around them. What the layout found wrong is in problems(), in words.
class WorkflowGraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit WorkflowGraphScene(QObject *parent = nullptr);

    void showDefinition(const QJsonObject &definition, const WorkflowGraphStyle &style);
    void clearGraph();

    const WorkflowGraph &graph() const { return m_graph; }
    QStringList problems() const { return m_problems; }
    int nodeCount() const;
    int edgeCount() const;

    static constexpr qreal margin = 16;

private:
    WorkflowGraph m_graph;
    WorkflowGraphStyle m_style; // the items paint with it
    QStringList m_problems;
};
