#pragma once

#include <QJsonObject>
#include <QWidget>

class AnswerStream;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// The workflow a workflow-builder answer is building, as a tree: one row per node (id and
// type) with its properties beneath. Follows a live stream node by node, or shows the final
// definition stored as a "workflow" asset; exports that definition as JSON.
class WorkflowPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WorkflowPanel(QWidget *parent = nullptr);

    // Follows the nodes of `stream` when it is a workflow stream; other streams are ignored.
    // Returns whether it follows it.
    bool follow(AnswerStream *stream);
    // Shows a stored definition ({nodes: {id: {type, ...}}} or {nodes: [...]}).
    void showDefinition(const QJsonObject &definition);
    void clear();

    int nodeCount() const;
    QJsonObject definition() const { return m_definition; }
    // What the panel shows as a definition: the stored one, or {nodes: {id: node}} of the nodes
    // streamed so far.
    QJsonObject shownDefinition() const;
    // Writes the definition as indented JSON; an error in words, or empty.
    QString exportJson(const QString &path) const;

Q_SIGNALS:
    // There is something to show (the owner may reveal the panel).
    void workflowShown();
    // The nodes shown changed (a node streamed in, a definition shown, cleared).
    void nodesChanged();

private:
    void addNode(const QJsonObject &node);
    void exportWithDialog();

    QTreeWidget *m_tree;
    QLabel *m_status;
    QJsonObject m_definition;
    QJsonObject m_liveNodes; // id → node, as streamed
    bool m_loading = false; // showDefinition() adds its nodes without a signal each
};
