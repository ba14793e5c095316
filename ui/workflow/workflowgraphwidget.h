#pragma once

#include "ui/workflow/workflowgraphexport.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QToolButton;
class WorkflowGraphScene;
class WorkflowGraphView;

// The workflow graph with its tool bar: zoom out, zoom in, the zoom in per cent, Fit, and
// Export (PNG image, SVG image, JSON definition, each through a file dialog), and above the
// graph what is wrong with the definition, in words. It follows the palette and the font.
class WorkflowGraphWidget : public QWidget
{
    Q_OBJECT
public:
    explicit WorkflowGraphWidget(QWidget *parent = nullptr);

    void showDefinition(const QJsonObject &definition);
    void clear();

    QJsonObject definition() const { return m_definition; }
    WorkflowGraphScene *scene() const { return m_scene; }
    WorkflowGraphView *view() const { return m_view; }
    QStringList problems() const;
    ExportStatus exportTo(WorkflowGraphExport::Format format, const QString &path) const;
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void exportWithDialog(WorkflowGraphExport::Format format);

    WorkflowGraphScene *m_scene;
    WorkflowGraphView *m_view;
    QLabel *m_problems;
    QLabel *m_zoomLabel;
    QToolButton *m_export;
    QJsonObject m_definition;
};
