#include "ui/workflow/workflowgraphwidget.h"

#include "ui/workflow/workflowgraphscene.h"
#include "ui/workflow/workflowgraphview.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}
} // namespace

WorkflowGraphWidget::WorkflowGraphWidget(QWidget *parent)
    : QWidget(parent)
    , m_scene(new WorkflowGraphScene(this))
    , m_view(new WorkflowGraphView(m_scene, this))
    , m_problems(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
    , m_export(toolButton(tr("Export"), tr("Export the workflow"), this))
{
    auto *zoomOut = toolButton(u"−"_s, tr("Zoom out (Ctrl+-)"), this);
    auto *zoomIn = toolButton(u"+"_s, tr("Zoom in (Ctrl+=)"), this);
    auto *fit = toolButton(tr("Fit"), tr("Show the whole workflow (Ctrl+0)"), this);
    zoomOut->setObjectName(u"workflowZoomOut"_s);
    zoomIn->setObjectName(u"workflowZoomIn"_s);
    fit->setObjectName(u"workflowFit"_s);
    m_export->setObjectName(u"workflowExport"_s);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    using Format = WorkflowGraphExport::Format;
    const auto addExport = [this, menu](const QString &text, Format format) {
        connect(menu->addAction(text), &QAction::triggered, this,
            [this, format] { exportWithDialog(format); });
    };
    addExport(tr("PNG image…"), Format::Png);
    addExport(tr("SVG image…"), Format::Svg);
    addExport(tr("JSON definition…"), Format::Json);
    m_export->setMenu(menu);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(u"0000%"_s));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_problems->setObjectName(u"workflowProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->hide();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    bar->addWidget(zoomOut);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    bar->addStretch(1);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_problems);
    layout->addWidget(m_view, 1);

    connect(zoomOut, &QToolButton::clicked, m_view, &WorkflowGraphView::zoomOut);
    connect(zoomIn, &QToolButton::clicked, m_view, &WorkflowGraphView::zoomIn);
    connect(fit, &QToolButton::clicked, m_view, &WorkflowGraphView::fitAll);
    connect(m_view, &WorkflowGraphView::zoomChanged, this,
        [this](qreal zoom) { m_zoomLabel->setText(u"%1%"_s.arg(qRound(zoom * 100))); });
    m_zoomLabel->setText(u"100%"_s);
    rebuild();
}

QStringList WorkflowGraphWidget::problems() const
{
    return m_scene->problems();
}

void WorkflowGraphWidget::showDefinition(const QJsonObject &definition)
{
    QStringList before;
    for (const WorkflowGraphNode &n : m_scene->graph().nodes)
        before << n.id;
    m_definition = definition;
    rebuild();
    // Another workflow (not the same one grown by a streamed node) is fitted again.
    bool grown = true;
    for (const QString &id : std::as_const(before)) {
        const QList<WorkflowGraphNode> &now = m_scene->graph().nodes;
        grown = grown && std::any_of(now.begin(), now.end(), [&id](const WorkflowGraphNode &n) {
            return n.id == id;
        });
    }
    if (grown)
        m_view->refit();
    else
        m_view->fitAll();
}

void WorkflowGraphWidget::clear()
{
    m_definition = {};
    rebuild();
    m_view->fitAll();
}

QSize WorkflowGraphWidget::sizeHint() const
{
    return { 460, 520 };
}

void WorkflowGraphWidget::rebuild()
{
    const WorkflowGraphStyle style = WorkflowGraphStyle::forPalette(palette(), font());
    m_scene->showDefinition(m_definition, style);
    m_view->setBackgroundBrush(style.canvas);
    const QStringList problems = m_scene->problems();
    m_problems->setText(problems.join(u'\n'));
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, style.problemText);
    m_problems->setPalette(problemPalette);
    m_problems->setVisible(!problems.isEmpty());
    m_export->setEnabled(m_scene->nodeCount() > 0);
}

void WorkflowGraphWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        rebuild();
}

ExportStatus WorkflowGraphWidget::exportTo(
    WorkflowGraphExport::Format format, const QString &path) const
{
    return WorkflowGraphExport::write(m_definition, format, path, font());
}

void WorkflowGraphWidget::exportWithDialog(WorkflowGraphExport::Format format)
{
    using Format = WorkflowGraphExport::Format;
    const QString suffix = WorkflowGraphExport::suffix(format);
    const QString filter = format == Format::Png ? tr("PNG image (*.png)")
        : format == Format::Svg                  ? tr("SVG image (*.svg)")
                                                 : tr("JSON (*.json)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export workflow"),
        u"workflow."_s + suffix, filter, nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    if (const ExportStatus error = exportTo(format, path))
        QMessageBox::warning(this, tr("Export workflow"), error->message);
}
