#include "ui/workflowpanel.h"

#include "app/workflow/workflowanswerstream.h"
#include "ui/workflow/workflowgraph.h"
#include "ui/workflow/workflowgraphexport.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WorkflowPanel::WorkflowPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Node"), tr("Type / value") });
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setObjectName(u"workflowTree"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("No workflow in this conversation."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu;
        QAction *save = menu.addAction(tr("Export definition as JSON…"));
        save->setEnabled(!m_definition.isEmpty());
        connect(save, &QAction::triggered, this, &WorkflowPanel::exportWithDialog);
        menu.exec(m_tree->viewport()->mapToGlobal(at));
    });
}

void WorkflowPanel::clear()
{
    m_tree->clear();
    m_definition = {};
    m_liveNodes = {};
    m_status->setText(tr("No workflow in this conversation."));
    if (!m_loading)
        Q_EMIT nodesChanged();
}

QJsonObject WorkflowPanel::shownDefinition() const
{
    if (!m_definition.isEmpty())
        return m_definition;
    if (m_liveNodes.isEmpty())
        return {};
    return { { u"nodes"_s, m_liveNodes } };
}

int WorkflowPanel::nodeCount() const
{
    return m_tree->topLevelItemCount();
}

void WorkflowPanel::addNode(const QJsonObject &node)
{
    const QString id = node.value(u"id").toString();
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount() && !item; ++i) {
        if (m_tree->topLevelItem(i)->text(0) == id)
            item = m_tree->topLevelItem(i); // a node sent again replaces the earlier one
    }
    if (!item)
        item = new QTreeWidgetItem(m_tree);
    qDeleteAll(item->takeChildren());
    item->setText(0, id);
    item->setText(1, node.value(u"type").toString());
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == u"id" || it.key() == u"type")
            continue;
        auto *property = new QTreeWidgetItem(item);
        property->setText(0, it.key());
        property->setText(1, WorkflowGraph::valueText(it.value()));
        property->setToolTip(1, property->text(1));
    }
    item->setExpanded(true);
    const int count = m_tree->topLevelItemCount();
    m_status->setText(count == 1 ? tr("1 node") : tr("%1 nodes").arg(count));
    if (m_loading)
        return;
    QJsonObject live = node;
    live.remove(u"id"_s);
    m_liveNodes.insert(id, live);
    Q_EMIT nodesChanged();
}

bool WorkflowPanel::follow(AnswerStream *stream)
{
    auto *workflow = qobject_cast<WorkflowAnswerStream *>(stream);
    if (!workflow)
        return false;
    clear();
    m_status->setText(tr("Building the workflow…"));
    for (const QJsonObject &node : workflow->nodes())
        addNode(node);
    connect(workflow, &WorkflowAnswerStream::nodeReceived, this, &WorkflowPanel::addNode);
    Q_EMIT workflowShown();
    return true;
}

void WorkflowPanel::showDefinition(const QJsonObject &definition)
{
    m_loading = true;
    clear();
    m_definition = definition;
    const QJsonValue nodes = definition.value(u"nodes");
    if (nodes.isObject()) {
        const QJsonObject byId = nodes.toObject();
        for (auto it = byId.begin(); it != byId.end(); ++it) {
            QJsonObject node = it.value().toObject();
            node.insert(u"id"_s, it.key());
            addNode(node);
        }
    } else {
        for (const QJsonValue &n : nodes.toArray())
            addNode(n.toObject());
    }
    m_loading = false;
    Q_EMIT nodesChanged();
    Q_EMIT workflowShown();
}

QString WorkflowPanel::exportJson(const QString &path) const
{
    const ExportStatus error
        = WorkflowGraphExport::write(m_definition, WorkflowGraphExport::Format::Json, path, font());
    return error ? error->message : QString();
}

void WorkflowPanel::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export workflow"),
        u"workflow.json"_s, tr("JSON (*.json)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    if (const QString error = exportJson(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export workflow"), error);
}
