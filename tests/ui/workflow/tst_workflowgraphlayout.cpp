// The workflow graph's layered layout, pure math: boxes of 100×40 (unless a row says otherwise),
// 20 between siblings, 30 between rows. Every expected place is worked out by hand in the
// comment of its row.
#include "ui/workflow/workflowgraphlayout.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Layout = WorkflowGraphLayout;

namespace {
// "root>a,b; a>; b>" → nodes root (children a, b), a, b in that order.
QList<Layout::Node> parseNodes(const QString &spec, const QString &sizes)
{
    QHash<QString, QSizeF> size;
    for (const QString &s : sizes.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList idSize = s.split(u'=');
        const QStringList wh = idSize.at(1).split(u'x');
        size.insert(idSize.at(0), QSizeF(wh.at(0).toDouble(), wh.at(1).toDouble()));
    }
    QList<Layout::Node> nodes;
    for (const QString &part : spec.split(u';', Qt::SkipEmptyParts)) {
        const QStringList idTargets = part.trimmed().split(u'>');
        Layout::Node node;
        node.id = idTargets.at(0);
        node.targets = idTargets.value(1).split(u',', Qt::SkipEmptyParts);
        node.size = size.value(node.id, QSizeF(100, 40));
        nodes << node;
    }
    return nodes;
}

QString kindName(Layout::EdgeKind kind)
{
    switch (kind) {
    case Layout::EdgeKind::Tree:
        return u"T"_s;
    case Layout::EdgeKind::Cross:
        return u"C"_s;
    case Layout::EdgeKind::Back:
        return u"B"_s;
    }
    return u"?"_s;
}
} // namespace

class TestWorkflowGraphLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layout_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("sizes");
        QTest::addColumn<QString>("boxes"); // "id:x,y", top-left corners
        QTest::addColumn<QString>("edges"); // "from>to:kind"
        QTest::addColumn<QSizeF>("size");
        QTest::addColumn<QStringList>("problems"); // words of each problem reported, in order

        // Children at 0, 120, 240 (one row at y = 40 + 30); the root's centre halfway between
        // the first and last child's centres, (50 + 290) / 2 = 170, so its left is 120.
        QTest::newRow("one root, three children")
            << u"root>a,b,c; a>; b>; c>"_s << QString() << u"root:120,0 a:0,70 b:120,70 c:240,70"_s
            << u"root>a:T root>b:T root>c:T"_s << QSizeF(340, 110) << QStringList();
        QTest::newRow("chain") << u"root>a; a>b; b>"_s << QString() << u"root:0,0 a:0,70 b:0,140"_s
                               << u"root>a:T a>b:T"_s << QSizeF(100, 180) << QStringList();
        // d sits under a, the parent that reaches it first; b's edge to d crosses over. The
        // root is centred over a and b: (50 + 170) / 2 - 50 = 60.
        QTest::newRow("diamond (shared child)")
            << u"root>a,b; a>d; b>d; d>"_s << QString() << u"root:60,0 a:0,70 b:120,70 d:0,140"_s
            << u"root>a:T root>b:T a>d:T b>d:C"_s << QSizeF(220, 180) << QStringList();
        QTest::newRow("empty workflow")
            << QString() << QString() << QString() << QString() << QSizeF(0, 0) << QStringList();
        QTest::newRow("single node") << u"root>"_s << QString() << u"root:0,0"_s << QString()
                                     << QSizeF(100, 40) << QStringList();
        // A wider parent: children centred at 50 and 170 put its left at 110 - 150 = -40; the
        // whole tree moves right by 40.
        QTest::newRow("parent wider than its children")
            << u"root>a,b; a>; b>"_s << u"root=300x40"_s << u"root:0,0 a:40,70 b:160,70"_s
            << u"root>a:T root>b:T"_s << QSizeF(300, 110) << QStringList();
        // a's children at 0, 120, 240 and a over them at 120; b only needs to clear a in its
        // row: 220 + 20 = 240. The root over a (centre 170) and b (centre 290): 230 - 50 = 180.
        QTest::newRow("leaf packed beside a wide subtree")
            << u"root>a,b; a>a1,a2,a3; b>; a1>; a2>; a3>"_s << QString()
            << u"root:180,0 a:120,70 b:240,70 a1:0,140 a2:120,140 a3:240,140"_s
            << u"root>a:T root>b:T a>a1:T a>a2:T a>a3:T"_s << QSizeF(340, 180) << QStringList();
        // b's subtree (b1 at 0, b2 at 120, b over them at 60) must clear a1 one row down:
        // 100 + 20 - 0 = 120 wins over 100 + 20 - 60 = 60. So b1 at 120, b2 at 240, b at 180;
        // the root at (50 + 230) / 2 - 50 = 90.
        QTest::newRow("subtrees kept apart at every depth")
            << u"root>a,b; a>a1; b>b1,b2; a1>; b1>; b2>"_s << QString()
            << u"root:90,0 a:0,70 b:180,70 a1:0,140 b1:120,140 b2:240,140"_s
            << u"root>a:T root>b:T a>a1:T b>b1:T b>b2:T"_s << QSizeF(340, 180) << QStringList();
        // Row 2 starts under the tallest box of row 1: 40 + 30 + 80 + 30 = 180.
        QTest::newRow("a tall box pushes the next row down")
            << u"root>a,b; a>c; b>; c>"_s << u"a=100x80"_s << u"root:60,0 a:0,70 b:120,70 c:0,180"_s
            << u"root>a:T root>b:T a>c:T"_s << QSizeF(220, 220) << QStringList();
        QTest::newRow("cycle") << u"root>a; a>b; b>a"_s << QString() << u"root:0,0 a:0,70 b:0,140"_s
                               << u"root>a:T a>b:T b>a:B"_s << QSizeF(100, 180)
                               << QStringList {
                                      u"“b” points back to “a”, which makes a loop (a → b → a)"_s
                                  };
        QTest::newRow("node that is its own child")
            << u"root>root"_s << QString() << u"root:0,0"_s << u"root>root:B"_s << QSizeF(100, 40)
            << QStringList { u"root → root"_s };
        QTest::newRow("missing child")
            << u"root>a,ghost; a>"_s << QString() << u"root:0,0 a:0,70"_s << u"root>a:T"_s
            << QSizeF(100, 110) << QStringList { u"no node “ghost”"_s };
        QTest::newRow("no root node")
            << u"start>a; a>"_s << QString() << u"start:0,0 a:0,70"_s << u"start>a:T"_s
            << QSizeF(100, 110) << QStringList { u"no node “root”"_s };
        // x is its own tree, to the right of root's: 100 + 20.
        QTest::newRow("unreachable node")
            << u"root>a; a>; x>"_s << QString() << u"root:0,0 a:0,70 x:120,0"_s << u"root>a:T"_s
            << QSizeF(220, 110) << QStringList { u"Not reachable from “root”: “x”"_s };
        // p and q only reach each other: p starts a tree of its own (first in the order given).
        QTest::newRow("unreachable loop")
            << u"root>; p>q; q>p"_s << QString() << u"root:0,0 p:120,0 q:120,70"_s
            << u"p>q:T q>p:B"_s << QSizeF(220, 110)
            << QStringList { u"Not reachable from “root”: “p”, “q”"_s, u"p → q → p"_s };
    }

    void layout()
    {
        QFETCH(QString, spec);
        QFETCH(QString, sizes);
        QFETCH(QString, boxes);
        QFETCH(QString, edges);
        QFETCH(QSizeF, size);
        QFETCH(QStringList, problems);

        const QList<Layout::Node> nodes = parseNodes(spec, sizes);
        const Layout::Result result = Layout::layout(nodes, u"root"_s, { 20, 30 });

        QCOMPARE(result.boxes.size(), nodes.size());
        QStringList placed;
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            placed
                << u"%1:%2,%3"_s.arg(nodes[i].id).arg(result.boxes[i].x()).arg(result.boxes[i].y());
            QCOMPARE(result.boxes[i].size(), nodes[i].size);
        }
        QCOMPARE(placed.join(u' '), boxes);

        QStringList drawn;
        for (const Layout::Edge &e : result.edges)
            drawn << u"%1>%2:%3"_s.arg(nodes[e.from].id, nodes[e.to].id, kindName(e.kind));
        QCOMPARE(drawn.join(u' '), edges);
        QCOMPARE(result.size, size);

        QCOMPARE(result.problems.size(), problems.size());
        for (qsizetype i = 0; i < problems.size(); ++i)
            QVERIFY2(result.problems[i].contains(problems[i]), qPrintable(result.problems[i]));

        // Whatever the shape: no two boxes overlap, and each row shares one top.
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            for (qsizetype j = i + 1; j < nodes.size(); ++j) {
                QVERIFY2(!result.boxes[i].intersects(result.boxes[j]),
                    qPrintable(nodes[i].id + u" overlaps "_s + nodes[j].id));
                if (result.depths[i] == result.depths[j])
                    QCOMPARE(result.boxes[i].top(), result.boxes[j].top());
            }
        }
    }

    // A long chain and a wide fan end, with no overlap (10,000 nodes).
    void largeWorkflowsEnd()
    {
        QList<Layout::Node> chain;
        for (int i = 0; i < 2000; ++i)
            chain << Layout::Node { i ? u"n%1"_s.arg(i) : u"root"_s, { u"n%1"_s.arg(i + 1) },
                QSizeF(100, 40) };
        chain.last().targets.clear();
        const Layout::Result deep = Layout::layout(chain);
        QCOMPARE(deep.boxes.last().topLeft(), QPointF(0, 1999 * (40 + 48)));
        QVERIFY(deep.problems.isEmpty());

        QList<Layout::Node> fan { Layout::Node { u"root"_s, {}, QSizeF(100, 40) } };
        for (int i = 1; i < 10000; ++i) {
            fan[0].targets << u"n%1"_s.arg(i);
            fan << Layout::Node { u"n%1"_s.arg(i), {}, QSizeF(100, 40) };
        }
        const Layout::Result wide = Layout::layout(fan);
        QCOMPARE(wide.boxes.last().x(), 9998 * (100 + 24));
        QCOMPARE(wide.size.width(), 9999 * 100 + 9998 * 24);
    }
};

QTEST_APPLESS_MAIN(TestWorkflowGraphLayout)
#include "tst_workflowgraphlayout.moc"
