#include "ui/workflow/workflowgraphscene.h"

#include "ui/workflow/workflowgraphlayout.h"

#include <QSet>

using namespace Qt::StringLiterals;

WorkflowGraphScene::WorkflowGraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
}

int WorkflowGraphScene::nodeCount() const
{
    const QList<QGraphicsItem *> all = items();
    return int(std::count_if(all.begin(), all.end(),
        [](const QGraphicsItem *i) { return i->type() == WorkflowNodeItem::Type; }));
}

int WorkflowGraphScene::edgeCount() const
{
    const QList<QGraphicsItem *> all = items();
    return int(std::count_if(all.begin(), all.end(),
        [](const QGraphicsItem *i) { return i->type() == WorkflowEdgeItem::Type; }));
}

void WorkflowGraphScene::clearGraph()
{
    clear();
    m_graph = {};
    m_problems.clear();
    setSceneRect(QRectF());
}

void WorkflowGraphScene::showDefinition(
    const QJsonObject &definition, const WorkflowGraphStyle &style)
{
    clearGraph();
    m_style = style;
    setBackgroundBrush(m_style.canvas);
    m_graph = WorkflowGraph::fromDefinition(definition);
    const QList<WorkflowGraphNode> &nodes = m_graph.nodes;

    QSet<QString> ids;
    for (const WorkflowGraphNode &n : nodes)
        ids.insert(n.id);
    QList<WorkflowNodeItem::Content> contents;
    QList<WorkflowGraphLayout::Node> layoutNodes;
    for (const WorkflowGraphNode &n : nodes) {
        WorkflowNodeItem::Content c { n.id, n.type, n.title, {}, n.id == u"root", false };
        for (const auto &[key, value] : n.properties)
            c.properties << key + u": "_s + value;
        const QStringList targets = n.children + n.loopBody;
        c.problem = std::any_of(
            targets.begin(), targets.end(), [&ids](const QString &t) { return !ids.contains(t); });
        layoutNodes << WorkflowGraphLayout::Node { n.id, targets,
            WorkflowNodeItem::sizeFor(c, m_style) };
        contents << c;
    }
    const WorkflowGraphLayout::Result placed = WorkflowGraphLayout::layout(layoutNodes);
    m_problems = placed.problems;

    for (const WorkflowGraphLayout::Edge &e : placed.edges) {
        const WorkflowGraphNode &from = nodes[e.from];
        const WorkflowGraphNode &to = nodes[e.to];
        WorkflowEdgeItem::Kind kind = WorkflowEdgeItem::Kind::Tree;
        QString label = to.branch;
        if (e.kind == WorkflowGraphLayout::EdgeKind::Back) {
            kind = WorkflowEdgeItem::Kind::Back;
            contents[e.from].problem = true;
            label.clear();
        } else if (!from.children.contains(to.id) && from.loopBody.contains(to.id)) {
            kind = WorkflowEdgeItem::Kind::Loop;
            label = tr("each");
        } else if (e.kind == WorkflowGraphLayout::EdgeKind::Cross) {
            kind = WorkflowEdgeItem::Kind::Cross;
        }
        addItem(
            new WorkflowEdgeItem(placed.boxes[e.from], placed.boxes[e.to], kind, label, m_style));
    }
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        auto *item = new WorkflowNodeItem(contents[i], m_style);
        item->setPos(placed.boxes[i].topLeft());
        addItem(item);
    }
    // The margin, and room for edges that go round the right side.
    setSceneRect(itemsBoundingRect()
                     .united(QRectF(QPointF(0, 0), placed.size))
                     .adjusted(-margin, -margin, margin, margin));
}
