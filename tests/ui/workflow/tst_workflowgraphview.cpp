// The workflow graph as drawn in the real dock: the items counted by hand, boxes that never
// overlap, zoom and pan, and the PNG, SVG and JSON exports read back; unwritable paths give an
// error in words.
#include "app/core/chatsession.h"
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "tests/ui/windowfixture.h"
#include "ui/theme/theme.h"
#include "ui/workflow/workflowgraphexport.h"
#include "ui/workflow/workflowgraphitems.h"
#include "ui/workflow/workflowgraphscene.h"
#include "ui/workflow/workflowgraphview.h"
#include "ui/workflow/workflowgraphwidget.h"
#include "ui/workflowdock.h"
#include "ui/workflowpanel.h"

#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
// A price alert in the B3OS shape: a schedule, a price, an `if` with a then and an else branch
// that both end in one webhook. 6 nodes; 6 edges (root→fetch, fetch→check, check→alert,
// check→quiet, alert→notify, quiet→notify); 4 rows.
QJsonObject priceAlert()
{
    const auto node = [](const QString &type, const QJsonObject &payload,
                          const QStringList &children, const QString &branch = {}) {
        QJsonObject n { { u"type"_s, type }, { u"payload"_s, payload },
            { u"children"_s, QJsonArray::fromStringList(children) } };
        if (!branch.isEmpty())
            n.insert(u"branch"_s, branch);
        return n;
    };
    QJsonObject alert = node(u"slack-send-message"_s,
        { { u"conversation"_s, u"{{ask.slack_channel}}"_s }, { u"text"_s, u"ETH is down"_s } },
        { u"notify"_s }, u"then"_s);
    alert.insert(u"connector"_s, QJsonObject { { u"type"_s, u"slack"_s } });
    return { { u"nodes"_s,
        QJsonObject {
            { u"root"_s,
                node(u"cronjob"_s, { { u"rrule"_s, u"RRULE:FREQ=MINUTELY;INTERVAL=5"_s } },
                    { u"fetch"_s }) },
            { u"fetch"_s,
                node(u"coingecko-get-token-price"_s, { { u"coinId"_s, u"ethereum"_s } },
                    { u"check"_s }) },
            { u"check"_s,
                node(u"if"_s,
                    { { u"condition"_s,
                        QJsonObject { { u"$and"_s,
                            QJsonArray { QJsonObject { { u"{{fetch.result.price}}"_s,
                                QJsonObject { { u"$lte"_s, 2000 } } } } } } } } },
                    { u"alert"_s, u"quiet"_s }) },
            { u"alert"_s, alert },
            { u"quiet"_s,
                node(u"log"_s, { { u"message"_s, u"Price OK"_s } }, { u"notify"_s }, u"else"_s) },
            { u"notify"_s,
                node(u"send-webhook"_s, { { u"url"_s, u"https://example.com/hook"_s } }, {}) },
        } } };
}

QMap<QString, QRectF> nodeBoxes(const WorkflowGraphScene &scene)
{
    QMap<QString, QRectF> boxes;
    for (QGraphicsItem *item : scene.items()) {
        if (item->type() == WorkflowNodeItem::Type) {
            auto *node = static_cast<WorkflowNodeItem *>(item);
            boxes.insert(node->content().id, node->sceneBoundingRect().adjusted(1, 1, -1, -1));
        }
    }
    return boxes;
}

QString errorText(const ExportStatus &status)
{
    return status ? status->message : QString();
}
} // namespace

class TestWorkflowGraphView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawsTheNodesAndEdges()
    {
        WorkflowGraphWidget widget;
        widget.resize(700, 600);
        widget.showDefinition(priceAlert());
        const WorkflowGraphScene &scene = *widget.scene();
        QCOMPARE(scene.nodeCount(), 6);
        QCOMPARE(scene.edgeCount(), 6);
        QVERIFY2(widget.problems().isEmpty(), qPrintable(widget.problems().join(u'\n')));

        const QMap<QString, QRectF> boxes = nodeBoxes(scene);
        QCOMPARE(boxes.size(), 6);
        for (auto a = boxes.begin(); a != boxes.end(); ++a) {
            for (auto b = std::next(a); b != boxes.end(); ++b)
                QVERIFY2(!a->intersects(*b), qPrintable(a.key() + u" overlaps "_s + b.key()));
        }
        // Rows from the root down; the branches side by side in the order of `children`.
        QVERIFY(boxes[u"root"_s].bottom() < boxes[u"fetch"_s].top());
        QVERIFY(boxes[u"fetch"_s].bottom() < boxes[u"check"_s].top());
        QVERIFY(boxes[u"check"_s].bottom() < boxes[u"alert"_s].top());
        QCOMPARE(boxes[u"alert"_s].top(), boxes[u"quiet"_s].top());
        QVERIFY(boxes[u"alert"_s].right() < boxes[u"quiet"_s].left());
        QVERIFY(boxes[u"alert"_s].bottom() < boxes[u"notify"_s].top());
        // The if is centred over its two branches.
        QCOMPARE(boxes[u"check"_s].center().x(),
            (boxes[u"alert"_s].center().x() + boxes[u"quiet"_s].center().x()) / 2);

        // The branch names are on the edges into the branches.
        QStringList labels;
        for (QGraphicsItem *item : scene.items()) {
            if (item->type() == WorkflowEdgeItem::Type)
                labels << static_cast<WorkflowEdgeItem *>(item)->label();
        }
        labels.removeAll(QString());
        labels.sort();
        QCOMPARE(labels, (QStringList { u"else"_s, u"then"_s })); // check→quiet, check→alert
    }

    void problemsInWords()
    {
        WorkflowGraphWidget widget;
        const QJsonObject loop { { u"nodes"_s,
            QJsonObject { { u"root"_s,
                              QJsonObject { { u"type"_s, u"manual"_s },
                                  { u"children"_s, QJsonArray { u"a"_s, u"ghost"_s } } } },
                { u"a"_s,
                    QJsonObject { { u"type"_s, u"log"_s },
                        { u"children"_s, QJsonArray { u"root"_s } } } } } } };
        widget.showDefinition(loop);
        QCOMPARE(widget.scene()->nodeCount(), 2);
        QCOMPARE(widget.scene()->edgeCount(), 2); // root→a, and a back to root; no edge to ghost
        auto *label = widget.findChild<QLabel *>(u"workflowProblems"_s);
        QVERIFY(label);
        QVERIFY(!label->isHidden());
        QVERIFY2(label->text().contains(u"no node “ghost”"_s), qPrintable(label->text()));
        QVERIFY2(label->text().contains(u"root → a → root"_s), qPrintable(label->text()));
    }

    // A for-each's loopBody is drawn as a dashed "each" edge to the node run per item.
    void loopBodyEdges()
    {
        WorkflowGraphWidget widget;
        widget.showDefinition({ { u"nodes"_s,
            QJsonObject { { u"root"_s,
                              QJsonObject { { u"type"_s, u"manual"_s },
                                  { u"children"_s, QJsonArray { u"every"_s } } } },
                { u"every"_s,
                    QJsonObject { { u"type"_s, u"for-each"_s },
                        { u"loopBody"_s, QJsonArray { u"send"_s } } } },
                { u"send"_s, QJsonObject { { u"type"_s, u"send-native-token"_s } } } } } });
        QCOMPARE(widget.scene()->nodeCount(), 3);
        QCOMPARE(widget.scene()->edgeCount(), 2);
        QVERIFY(widget.problems().isEmpty());
        int loops = 0;
        for (QGraphicsItem *item : widget.scene()->items()) {
            if (item->type() != WorkflowEdgeItem::Type)
                continue;
            auto *edge = static_cast<WorkflowEdgeItem *>(item);
            if (edge->kind() == WorkflowEdgeItem::Kind::Loop) {
                ++loops;
                QCOMPARE(edge->label(), u"each"_s);
                QCOMPARE(edge->pen().style(), Qt::DashLine);
            }
        }
        QCOMPARE(loops, 1);
    }

    void zoomAndPan()
    {
        WorkflowGraphWidget widget;
        widget.resize(360, 320);
        widget.showDefinition(priceAlert());
        QVERIFY(showAndActivate(&widget));
        WorkflowGraphView *view = widget.view();
        // Fitted: the whole graph in the view, smaller than 100% in this small window.
        QTRY_VERIFY(view->zoom() < 1.0);
        const QRectF seen = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY2(seen.adjusted(-1, -1, 1, 1).contains(widget.scene()->sceneRect()),
            qPrintable(u"%1 %2"_s.arg(seen.width()).arg(widget.scene()->sceneRect().width())));

        const qreal fitted = view->zoom();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(qFuzzyCompare(view->zoom(), fitted * 1.25));
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(qFuzzyCompare(view->zoom(), fitted / 1.25));
        QWheelEvent wheel(QPointF(100, 100), view->viewport()->mapToGlobal(QPointF(100, 100)),
            QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(qFuzzyCompare(view->zoom(), fitted * 1.25)); // two notches: 1.25²
        for (int i = 0; i < 40; ++i)
            view->zoomIn();
        QCOMPARE(view->zoom(), WorkflowGraphView::maxZoom);

        // At 400% the graph is larger than the view: a drag pans it, as the scroll bars do.
        QScrollBar *h = view->horizontalScrollBar();
        QScrollBar *v = view->verticalScrollBar();
        QVERIFY(h->maximum() > 0 && v->maximum() > 0);
        h->setValue(h->maximum() / 2);
        v->setValue(v->maximum() / 2);
        const int x0 = h->value();
        const int y0 = v->value();
        QWidget *port = view->viewport();
        QTest::mousePress(port, Qt::LeftButton, {}, QPoint(200, 200));
        QMouseEvent move(QEvent::MouseMove, QPointF(150, 170), port->mapToGlobal(QPointF(150, 170)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(port, &move);
        QTest::mouseRelease(port, Qt::LeftButton, {}, QPoint(150, 170));
        QCOMPARE(h->value(), x0 + 50);
        QCOMPARE(v->value(), y0 + 30);

        // Fit (Ctrl+0) shows the whole graph again.
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoom(), fitted);
    }

    void exportsReadBack()
    {
        WorkflowGraphWidget widget;
        widget.showDefinition(priceAlert());
        const QSizeF scene = widget.scene()->sceneRect().size();
        QTemporaryDir dir;

        const QString png = dir.filePath(u"graph.png"_s);
        QVERIFY2(!widget.exportTo(WorkflowGraphExport::Format::Png, png),
            qPrintable(errorText(widget.exportTo(WorkflowGraphExport::Format::Png, png))));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.save(screenshotPath(u"workflow-graph-export.png"_s)));
        // Twice the scene, for sharp text: the same aspect.
        QCOMPARE(image.width(), int(std::ceil(scene.width() * 2)));
        QCOMPARE(image.height(), int(std::ceil(scene.height() * 2)));
        QVERIFY(std::abs(image.width() / double(image.height()) - scene.width() / scene.height())
            < 0.01);

        const QString svg = dir.filePath(u"graph.svg"_s);
        QVERIFY(!widget.exportTo(WorkflowGraphExport::Format::Svg, svg));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF().size(), QSizeF(scene.toSize()));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("coingecko-get-token-price")); // real text

        const QString json = dir.filePath(u"graph.json"_s);
        QVERIFY(!widget.exportTo(WorkflowGraphExport::Format::Json, json));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).object(), priceAlert());
    }

    void exportErrorsInWords()
    {
        WorkflowGraphWidget widget;
        widget.showDefinition(priceAlert());
        using Format = WorkflowGraphExport::Format;
        const ExportStatus missing = widget.exportTo(Format::Png, u"/no/such/folder/x.png"_s);
        QVERIFY(missing);
        QCOMPARE(missing->code, ExportError::Code::FolderMissing);
        QCOMPARE(missing->message,
            u"Cannot write /no/such/folder/x.png: the folder /no/such/folder does not exist."_s);
        for (const Format format : { Format::Png, Format::Svg, Format::Json }) {
            const ExportStatus proc
                = widget.exportTo(format, u"/proc/x."_s + WorkflowGraphExport::suffix(format));
            QVERIFY(proc);
            QVERIFY2(
                proc->message.startsWith(u"Cannot write /proc/x."_s), qPrintable(proc->message));
            QVERIFY(proc->message.size() > u"Cannot write /proc/x.png: "_s.size());
        }
        WorkflowGraphWidget empty;
        const ExportStatus nothing = empty.exportTo(Format::Png, QDir::temp().filePath(u"x.png"_s));
        QVERIFY(nothing);
        QCOMPARE(nothing->code, ExportError::Code::RenderFailed);
    }

    // Export ▸ JSON definition… asks for the file in a dialog and writes it there.
    void exportThroughTheDialog()
    {
        WorkflowGraphWidget widget;
        widget.showDefinition(priceAlert());
        QVERIFY(showAndActivate(&widget));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chosen.json"_s);
        answerDialog<QFileDialog>([path](QFileDialog *dialog) {
            auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
            QVERIFY(edit);
            edit->setText(path); // as a person types it
            static_cast<QDialog *>(dialog)->accept(); // public in QDialog
        });
        auto *button = widget.findChild<QToolButton *>(u"workflowExport"_s);
        QVERIFY(button && button->isEnabled());
        button->menu()->actions().at(2)->trigger(); // JSON definition…
        QVERIFY(QFile::exists(path));
    }

    // The real dock: Graph and Details tabs over a stored workflow; a screenshot to look at.
    void dockShowsGraphAndDetails()
    {
        TempStore store;
        const qint64 conversation = store.addConversation(u"Price alert"_s, 0);
        Message m;
        m.conversationId = conversation;
        m.role = MessageRole::Assistant;
        m.text = u"Here is the workflow."_s;
        Asset a;
        a.type = u"workflow"_s;
        a.valueJson = QJsonDocument(priceAlert()).toJson(QJsonDocument::Compact);
        m.assets << a;
        QVERIFY(store.repository->addMessage(m));
        ChatSession session(*store.repository);
        TranscriptModel transcript(*store.repository);
        QMainWindow window;
        auto *dock = new WorkflowDock(session, transcript, &window);
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        window.setCentralWidget(new QWidget(&window));
        window.resize(1100, 720);
        QVERIFY(showAndActivate(&window));
        transcript.setConversation(conversation);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->tabs()->count(), 2);
        QCOMPARE(dock->tabs()->tabText(0), u"Graph"_s);
        QCOMPARE(dock->tabs()->tabText(1), u"Details"_s);
        QCOMPARE(dock->graph()->scene()->nodeCount(), 6);
        QCOMPARE(dock->graph()->scene()->edgeCount(), 6);
        QCOMPARE(dock->panel()->nodeCount(), 6);
        window.resizeDocks({ dock }, { 620 }, Qt::Horizontal);
        QCoreApplication::processEvents();
        QVERIFY(dock->grab().save(u"/tmp/workflow-graph.png"_s));
        QVERIFY(window.grab().save(screenshotPath(u"workflow-graph-window.png"_s)));

        // Dark: the graph is drawn again in the dark tokens when the palette changes.
        const QColor lightCanvas = dock->graph()->scene()->backgroundBrush().color();
        window.setPalette(Theme::palette(Theme::Mode::Dark));
        QCoreApplication::processEvents();
        QCOMPARE(dock->graph()->scene()->nodeCount(), 6);
        QVERIFY(dock->graph()->scene()->backgroundBrush().color().lightness()
            < lightCanvas.lightness());
        QVERIFY(dock->grab().save(u"/tmp/workflow-graph-dark.png"_s));
    }
};

QTEST_MAIN(TestWorkflowGraphView)
#include "tst_workflowgraphview.moc"
