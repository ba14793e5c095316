#pragma once

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

// The layered, top-down layout of a workflow graph, pure math (no widgets, no fonts): the
// caller gives each node's id, the ids it points to and its box size; the layout gives each box
// its place and sorts the edges.
//
// - Depth is the distance from the start node (breadth-first): every node of one depth has its
//   box top on one line, each line below the tallest box of the line above plus `vertical`.
// - The start is the node called `rootId`; without one, every node nothing points to; a node
//   still not reached (only reachable through a loop, or not at all) starts a tree of its own,
//   to the right, in the order given.
// - Each node is placed under the parent that reached it first (its tree edge); its siblings
//   spread left to right in the order of `children`, packed as closely as `horizontal` allows
//   at every depth of their subtrees, and a parent is centred over its first and last child.
//   So no two boxes overlap.
// - An edge to a node placed under another parent (a shared child) is a Cross edge; an edge
//   that closes a loop is a Back edge; an edge to an id that no node has is left out. Those and
//   unreachable nodes are reported in words in `problems`; the layout always ends.
class WorkflowGraphLayout
{
public:
    struct Node
    {
        QString id;
        QStringList targets; // children, in order
        QSizeF size;
    };
    enum class EdgeKind { Tree, Cross, Back };
    struct Edge
    {
        int from = -1; // indexes into the nodes given
        int to = -1;
        EdgeKind kind = EdgeKind::Tree;
    };
    struct Spacing
    {
        qreal horizontal = 24;
        qreal vertical = 48;
    };
    struct Result
    {
        QList<QRectF> boxes; // one per node given, in the same order; top-left of all is (0, 0)
        QList<int> depths; // one per node given
        QList<Edge> edges; // in the order of the nodes and their targets
        QStringList problems;
        QSizeF size; // the bounding size of all boxes
    };

    static Result layout(const QList<Node> &nodes, const QString &rootId, Spacing spacing);
    static Result layout(const QList<Node> &nodes, const QString &rootId = QStringLiteral("root"));
};
