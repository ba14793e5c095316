#include "ui/chart/chartview.h"

#include "ui/chart/chartcallout.h"
#include "ui/chart/chartexport.h"
#include "ui/chart/chartfit.h"
#include "ui/chart/chartrenderer.h"
#include "ui/chart/datatabledialog.h"
#include "ui/theme/themedstylesheet.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QTimer>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal hoverRadius = 28; // px: how near a point must be to be described

int seriesIndex(const QAbstractSeries *series)
{
    return series->property(ChartRenderer::seriesProperty).toInt();
}
} // namespace

ChartView::ChartView(const ChartData &data, QWidget *parent)
    : QChartView(parent)
    , m_data(data)
{
    setObjectName(u"chartView"_s);
    // QChartView starts with an empty chart of its own and setChart() gives it up without
    // deleting it (QChartView::setChart), so it goes here.
    std::unique_ptr<QChart> initial(chart());
    setChart(ChartRenderer::build(m_data, { size().expandedTo({ 640, 360 }), true, font() }));
    m_callout = new ChartCallout(chart());
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    setMinimumSize(360, 240);
    connectMarkers();
    if (m_data.isEmpty()) { // a card in words, not an empty plot with a meaningless axis
        m_noData = new QLabel(
            ChartFit::noDataText(m_data) + u"\n"_s + tr("The query returned no rows."), this);
        m_noData->setObjectName(u"chartNoData"_s);
        m_noData->setAlignment(Qt::AlignCenter);
        m_noData->setWordWrap(true);
        ThemedStyleSheet::apply(m_noData,
            u"#chartNoData { color: @mutedText; background: @chartBackground; "
            u"font-size: 15px; padding: 24px; }"_s);
    }
}

void ChartView::connectMarkers()
{
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this,
            [this, marker] { toggleSeries(seriesIndex(marker->series())); });
    }
}

bool ChartView::isSeriesVisible(int index) const
{
    for (QAbstractSeries *series : chart()->series()) {
        if (seriesIndex(series) == index)
            return series->isVisible();
    }
    return false;
}

void ChartView::toggleSeries(int index)
{
    const bool show = !isSeriesVisible(index);
    bool first = true;
    for (QAbstractSeries *series : chart()->series()) {
        if (seriesIndex(series) != index)
            continue;
        series->setVisible(show);
        for (QLegendMarker *marker : chart()->legend()->markers(series)) {
            // Hiding a series hides its entry too: keep the first one, dimmed.
            marker->setVisible(first);
            QColor label = marker->labelBrush().color();
            label.setAlphaF(show ? 1.0 : 0.4);
            marker->setLabelBrush(label);
            QColor fill = marker->brush().color();
            fill.setAlphaF(show ? 1.0 : 0.3);
            marker->setBrush(fill);
        }
        first = false;
    }
    m_callout->hide();
    // The value axis follows the visible series (all of them when the last one is hidden).
    ChartFit::rescaleValues(chart(), m_data);
    relabelLater();
}

QString ChartView::hoverText(const QPoint &viewPos)
{
    const QPointF scenePos = mapToScene(viewPos);
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    if (!chart()
             ->plotArea()
             .adjusted(-hoverRadius, -hoverRadius, hoverRadius, hoverRadius)
             .contains(chartPos)) {
        m_callout->hide();
        return QString();
    }
    qreal best = hoverRadius;
    QPointF bestPoint;
    const QXYSeries *bestSeries = nullptr;
    for (QAbstractSeries *abstract : chart()->series()) {
        auto *series = qobject_cast<QXYSeries *>(abstract);
        if (!series || !series->isVisible())
            continue;
        const QList<QPointF> points = series->points();
        const double x = chart()->mapToValue(chartPos, series).x();
        auto it = std::lower_bound(points.cbegin(), points.cend(), x,
            [](const QPointF &p, double value) { return p.x() < value; });
        for (auto candidate : { it, it == points.cbegin() ? it : it - 1 }) {
            if (candidate == points.cend())
                continue;
            const QPointF at = chart()->mapToPosition(*candidate, series);
            const qreal distance = std::hypot(at.x() - chartPos.x(), at.y() - chartPos.y());
            if (distance < best) {
                best = distance;
                bestPoint = *candidate;
                bestSeries = series;
            }
        }
    }
    if (!bestSeries) {
        m_callout->hide();
        return QString();
    }
    const QString name = bestSeries->name();
    const QString text = m_data.xText(bestPoint.x()) + u'\n'
        + (name.isEmpty() ? QString() : name + u": ") + m_data.format.format(bestPoint.y());
    m_callout->show(bestPoint, bestSeries->pen().color(), text);
    return text;
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    if (!(event->buttons() & Qt::LeftButton))
        hoverText(event->position().toPoint());
}

void ChartView::leaveEvent(QEvent *event)
{
    m_callout->hide();
    QChartView::leaveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        // QChartView zooms out on a right click; here the right button opens the menu.
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
    relabelLater();
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        resetZoom();
    else
        QChartView::mouseDoubleClickEvent(event);
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const qreal factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    const QRectF plot = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (!plot.contains(at)) {
        QChartView::wheelEvent(event);
        return;
    }
    // Zoom around the cursor: the point under it stays where it is.
    QRectF target(QPointF(0, 0), plot.size() / factor);
    target.moveCenter(at + (plot.center() - at) / factor);
    chart()->zoomIn(target);
    m_callout->hide();
    relabelLater();
    event->accept();
}

void ChartView::resetZoom()
{
    chart()->zoomReset();
    m_callout->hide();
    relabelLater();
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    if (m_noData)
        m_noData->setGeometry(rect());
    relabelLater();
}

void ChartView::relabelLater()
{
    // After the chart's own layout pass, so the plot's new size is known.
    QTimer::singleShot(0, this, [this] { ChartRenderer::relabel(chart(), m_data); });
}

QMenu *ChartView::createContextMenu()
{
    auto *menu = new QMenu(this);
    using F = ChartExport::Format;
    const QList<std::pair<QString, F>> exports { { tr("Export PNG…"), F::Png },
        { tr("Export SVG…"), F::Svg }, { tr("Export PDF…"), F::Pdf }, { tr("Export CSV…"), F::Csv },
        { tr("Export JSON…"), F::Json } };
    for (const auto &[label, format] : exports) {
        const int f = int(format);
        menu->addAction(label, this, [this, f] { exportAs(f); });
    }
    menu->addSeparator();
    menu->addAction(tr("Copy Image"), this, &ChartView::copyImage);
    menu->addAction(tr("View Data"), this, &ChartView::viewData);
    menu->addSeparator();
    menu->addAction(tr("Reset Zoom"), this, &ChartView::resetZoom);
    if (m_refreshable)
        menu->addAction(tr("Refresh"), this, &ChartView::refreshRequested);
    return menu;
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void ChartView::exportAs(int format)
{
    const auto f = ChartExport::Format(format);
    const QString suffix = ChartExport::suffix(f);
    QString name = m_data.title.isEmpty() ? tr("chart") : m_data.title;
    name.replace(u'/', u'-');
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"),
        name + u'.' + suffix, tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    const QSize size = f == ChartExport::Format::Png ? ChartExport::defaultSize : QSize(960, 540);
    if (const auto error
        = ChartExport::write(m_data, f, path, size, ChartExport::caption(m_takenAt)))
        QMessageBox::warning(this, tr("Export Chart"), error->message);
}

void ChartView::copyImage()
{
    // Light, as every export: a copied chart is pasted into a document.
    QApplication::clipboard()->setImage(ChartRenderer::image(
        m_data, ChartExport::defaultSize, 1.0, ChartExport::caption(m_takenAt), Theme::light()));
}

void ChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && chart())
        ChartRenderer::restyle(chart(), Theme::current());
}

void ChartView::viewData()
{
    auto *dialog = new DataTableDialog(m_data, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
