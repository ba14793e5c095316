#include "ui/workflow/workflowgraphlayout.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace {
using Node = WorkflowGraphLayout::Node;

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkflowGraphLayout", text);
}

QString quoted(const QString &id)
{
    return u'“' + id + u'”';
}

// The left and right ends of a subtree's boxes at each depth below its top (index 0).
struct Extent
{
    qreal left = 0;
    qreal right = 0;
};
using Contour = QList<Extent>;

void shiftContour(Contour &contour, qreal by)
{
    for (Extent &e : contour) {
        e.left += by;
        e.right += by;
    }
}

// Places subtrees left to right, each as far left as `gap` allows at every depth they share
// with the ones before; returns where each one's origin goes and the merged contour.
QList<qreal> pack(const QList<Contour> &contours, qreal gap, Contour &merged)
{
    QList<qreal> offsets;
    for (const Contour &c : contours) {
        qreal shift = 0;
        if (!merged.isEmpty()) {
            shift = std::numeric_limits<qreal>::lowest();
            const qsizetype shared = std::min(merged.size(), c.size());
            for (qsizetype d = 0; d < shared; ++d)
                shift = std::max(shift, merged[d].right + gap - c[d].left);
        }
        offsets << shift;
        for (qsizetype d = 0; d < c.size(); ++d) {
            const Extent e { c[d].left + shift, c[d].right + shift };
            if (d < merged.size()) {
                merged[d].left = std::min(merged[d].left, e.left);
                merged[d].right = std::max(merged[d].right, e.right);
            } else {
                merged << e;
            }
        }
    }
    return offsets;
}

class Placer
{
public:
    Placer(const QList<Node> &nodes, const QList<QList<int>> &tree, qreal gap)
        : m_nodes(nodes)
        , m_tree(tree)
        , m_gap(gap)
        , m_boxLeft(nodes.size(), 0)
        , m_offset(nodes.size(), 0)
    {
    }

    // Lays out the trees of `roots` side by side; the x of every box placed.
    QList<qreal> run(const QList<int> &roots)
    {
        QList<Contour> contours;
        for (int r : roots)
            contours << place(r);
        Contour merged;
        const QList<qreal> offsets = pack(contours, m_gap, merged);
        qreal minLeft = 0;
        for (const Extent &e : merged)
            minLeft = std::min(minLeft, e.left);
        QList<qreal> x(m_nodes.size(), 0);
        for (qsizetype i = 0; i < roots.size(); ++i)
            assign(roots[i], offsets[i] - minLeft, x);
        return x;
    }

private:
    Contour place(int u)
    {
        const qreal width = m_nodes[u].size.width();
        const QList<int> &kids = m_tree[u];
        if (kids.isEmpty())
            return { Extent { 0, width } };
        QList<Contour> contours;
        for (int k : kids)
            contours << place(k);
        Contour merged;
        const QList<qreal> offsets = pack(contours, m_gap, merged);
        const auto centre = [&](qsizetype i) {
            return offsets[i] + m_boxLeft[kids[i]] + m_nodes[kids[i]].size.width() / 2;
        };
        const qreal left = (centre(0) + centre(kids.size() - 1)) / 2 - width / 2;
        Contour contour { Extent { left, left + width } };
        contour += merged;
        qreal minLeft = std::numeric_limits<qreal>::max();
        for (const Extent &e : contour)
            minLeft = std::min(minLeft, e.left);
        shiftContour(contour, -minLeft);
        m_boxLeft[u] = left - minLeft;
        for (qsizetype i = 0; i < kids.size(); ++i)
            m_offset[kids[i]] = offsets[i] - minLeft;
        return contour;
    }

    void assign(int u, qreal origin, QList<qreal> &x) const
    {
        x[u] = origin + m_boxLeft[u];
        for (int k : m_tree[u])
            assign(k, origin + m_offset[k], x);
    }

    const QList<Node> &m_nodes;
    const QList<QList<int>> &m_tree;
    qreal m_gap;
    QList<qreal> m_boxLeft; // a box's left in its subtree's own coordinates
    QList<qreal> m_offset; // a subtree's origin in its parent's subtree coordinates
};

// The edges that close a loop (depth-first, from the starts in order), each reported once.
QSet<QPair<int, int>> findLoops(const QList<QList<int>> &targets, const QList<int> &starts,
    const QList<Node> &nodes, QStringList &problems)
{
    enum Colour { White, Grey, Black };
    QList<Colour> colour(targets.size(), White);
    QSet<QPair<int, int>> back;
    for (int start : starts) {
        if (colour[start] != White)
            continue;
        QList<QPair<int, qsizetype>> stack { { start, 0 } }; // node, next target to look at
        colour[start] = Grey;
        while (!stack.isEmpty()) {
            auto &[u, next] = stack.last();
            if (next == targets[u].size()) {
                colour[u] = Black;
                stack.removeLast();
                continue;
            }
            const int v = targets[u][next++];
            if (colour[v] == White) {
                colour[v] = Grey;
                stack.append({ v, 0 });
            } else if (colour[v] == Grey && !back.contains({ u, v })) {
                back.insert({ u, v });
                QStringList path;
                bool on = false;
                for (const auto &frame : std::as_const(stack)) {
                    on = on || frame.first == v;
                    if (on)
                        path << nodes[frame.first].id;
                }
                path << nodes[v].id;
                problems << tr("%1 points back to %2, which makes a loop (%3); a workflow runs "
                               "from its trigger down and must not loop.")
                                .arg(quoted(nodes[u].id), quoted(nodes[v].id),
                                    path.join(QStringLiteral(" → ")));
            }
        }
    }
    return back;
}
} // namespace

WorkflowGraphLayout::Result WorkflowGraphLayout::layout(
    const QList<Node> &nodes, const QString &rootId)
{
    return layout(nodes, rootId, Spacing {});
}

WorkflowGraphLayout::Result WorkflowGraphLayout::layout(
    const QList<Node> &nodes, const QString &rootId, Spacing spacing)
{
    Result result;
    const qsizetype n = nodes.size();
    result.boxes.resize(n);
    result.depths.fill(-1, n);
    result.size = QSizeF(0, 0);
    if (n == 0)
        return result;

    QHash<QString, int> index;
    for (int i = 0; i < n; ++i) {
        if (index.contains(nodes[i].id))
            result.problems << tr("Two nodes are called %1; only the first one is linked.")
                                   .arg(quoted(nodes[i].id));
        else
            index.insert(nodes[i].id, i);
    }
    QList<QList<int>> targets(n);
    QList<int> incoming(n, 0);
    for (int i = 0; i < n; ++i) {
        for (const QString &t : nodes[i].targets) {
            const auto it = index.constFind(t);
            if (it == index.cend()) {
                result.problems << tr("%1 lists %2 as a child, but the workflow has no node %2; "
                                      "that edge is left out.")
                                       .arg(quoted(nodes[i].id), quoted(t));
                continue;
            }
            targets[i] << *it;
            ++incoming[*it];
        }
    }

    QList<int> starts;
    if (index.contains(rootId)) {
        starts << index.value(rootId);
    } else {
        result.problems << tr("The workflow has no node %1; it is drawn from the nodes that "
                              "nothing points to.")
                               .arg(quoted(rootId));
        for (int i = 0; i < n; ++i) {
            if (incoming[i] == 0 && index.value(nodes[i].id) == i)
                starts << i;
        }
    }

    // Breadth first from each start: the depths and the tree each node is placed in.
    QList<QList<int>> tree(n);
    QList<int> parent(n, -1);
    QList<int> treeStarts;
    const auto walk = [&](int start) {
        result.depths[start] = 0;
        treeStarts << start;
        QList<int> queue { start };
        for (qsizetype head = 0; head < queue.size(); ++head) {
            const int u = queue[head];
            for (int v : targets[u]) {
                if (result.depths[v] >= 0)
                    continue;
                result.depths[v] = result.depths[u] + 1;
                parent[v] = u;
                tree[u] << v;
                queue << v;
            }
        }
    };
    for (int s : std::as_const(starts))
        walk(s);
    QStringList unreachable;
    for (int i = 0; i < n; ++i) {
        if (result.depths[i] < 0 && index.contains(rootId))
            unreachable << quoted(nodes[i].id);
    }
    for (int i = 0; i < n; ++i) {
        if (result.depths[i] < 0)
            walk(i);
    }
    if (!unreachable.isEmpty()) {
        result.problems << tr("Not reachable from %1: %2; drawn to the right as separate starts.")
                               .arg(quoted(rootId), unreachable.join(QStringLiteral(", ")));
    }

    const QSet<QPair<int, int>> back = findLoops(targets, treeStarts, nodes, result.problems);
    for (int u = 0; u < n; ++u) {
        QSet<int> seen;
        for (int v : targets[u]) {
            EdgeKind kind = EdgeKind::Cross;
            if (parent[v] == u && !seen.contains(v))
                kind = EdgeKind::Tree;
            else if (back.contains({ u, v }))
                kind = EdgeKind::Back;
            seen.insert(v);
            result.edges << Edge { u, v, kind };
        }
    }

    // Rows: each depth's top is under the tallest box of the depth above.
    int deepest = 0;
    for (int d : std::as_const(result.depths))
        deepest = std::max(deepest, d);
    QList<qreal> rowHeight(deepest + 1, 0);
    for (int i = 0; i < n; ++i)
        rowHeight[result.depths[i]] = std::max(rowHeight[result.depths[i]], nodes[i].size.height());
    QList<qreal> rowTop(deepest + 1, 0);
    for (int d = 1; d <= deepest; ++d)
        rowTop[d] = rowTop[d - 1] + rowHeight[d - 1] + spacing.vertical;

    const QList<qreal> x = Placer(nodes, tree, spacing.horizontal).run(treeStarts);
    QRectF bounds;
    for (int i = 0; i < n; ++i) {
        result.boxes[i] = QRectF(QPointF(x[i], rowTop[result.depths[i]]), nodes[i].size);
        bounds = bounds.united(result.boxes[i]);
    }
    result.size = bounds.size();
    return result;
}
