#include "ui/chart/chartfit.h"

#include "app/charts/axisticks.h"
#include "ui/chart/chartrenderer.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int bottomMargin = 4;
constexpr int markerWidth = 22; // the marker and the gap to its name
constexpr int entryGap = 18;
} // namespace

void ChartFit::fitLegend(QChart *chart)
{
    QLegend *legend = chart->legend();
    QMargins margins = chart->margins();
    if (!legend->isVisible() || chart->size().width() <= 0) {
        margins.setBottom(bottomMargin);
        chart->setMargins(margins);
        return;
    }
    const QFontMetrics fm(legend->font());
    int oneRow = 0;
    int entries = 0;
    for (QLegendMarker *marker : legend->markers()) {
        if (!marker->isVisible())
            continue;
        oneRow += markerWidth + fm.horizontalAdvance(marker->label()) + entryGap;
        ++entries;
    }
    const qreal width = chart->size().width() - margins.left() - margins.right();
    if (oneRow + 24 <= width) { // Qt Charts' own bottom legend shows every name whole
        if (!legend->isAttachedToChart())
            legend->attachToChart();
        legend->setAlignment(Qt::AlignBottom);
        margins.setBottom(bottomMargin);
        chart->setMargins(margins);
        return;
    }
    // Too narrow for one row: one entry per row under the plot, each as wide as the chart.
    legend->detachFromChart();
    legend->setAlignment(Qt::AlignLeft);
    legend->setBackgroundVisible(false);
    const int rowHeight = fm.height() + 7;
    const int height = entries * rowHeight + 10;
    legend->setGeometry(
        QRectF(margins.left(), chart->size().height() - height - bottomMargin, width, height));
    legend->update();
    margins.setBottom(height + bottomMargin);
    chart->setMargins(margins);
}

void ChartFit::rescaleValues(QChart *chart, const ChartData &data)
{
    QList<bool> visible(data.series.size(), false);
    bool any = false;
    for (QAbstractSeries *series : chart->series()) {
        const int index = series->property(ChartRenderer::seriesProperty).toInt();
        if (series->isVisible() && index >= 0 && index < visible.size()) {
            visible[index] = true;
            any = true;
        }
    }
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (qsizetype i = 0; i < data.series.size(); ++i) {
        if (any && !visible.at(i))
            continue;
        for (const QPointF &p : data.series.at(i).points) {
            if (!std::isfinite(p.y()))
                continue;
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    }
    if (low > high)
        return;
    const qreal plotHeight = chart->plotArea().height() > 20 ? chart->plotArea().height()
                                                             : chart->size().height() - 120;
    const AxisTicks::Scale s = AxisTicks::nice(low, high, std::clamp(int(plotHeight / 55), 3, 8));
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical))
        axis->setRange(s.min, s.max);
}

QString ChartFit::noDataText(const ChartData &data)
{
    QString what = data.title;
    if (what.isEmpty() && !data.yTitle.isEmpty())
        what = data.xTitle.isEmpty() ? data.yTitle : data.yTitle + u" by "_s + data.xTitle;
    if (what.isEmpty())
        return QCoreApplication::translate("ChartFit", "No data for this chart");
    return QCoreApplication::translate("ChartFit", "No data for “%1”").arg(what);
}
