#include "ui/chart/chartrenderer.h"

#include "app/charts/axisticks.h"
#include "app/charts/lttb.h"
#include "ui/chart/chartfit.h"
#include "ui/chart/chartstyle.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 dayMs = 24LL * 3600 * 1000;

double halfPeriod(int level)
{
    switch (level) {
    case 1:
        return 182.0 * dayMs;
    case 2:
        return 45.0 * dayMs;
    case 3:
        return 15.0 * dayMs;
    case 4:
        return 3.5 * dayMs;
    default:
        return 0.5 * dayMs;
    }
}

void clearLabels(QCategoryAxis *axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString &label : labels)
        axis->remove(label);
}

// QCategoryAxis keys categories by label, so a label must not repeat.
void appendUnique(QCategoryAxis *axis, QString label, double at, QStringList *used)
{
    while (used->contains(label))
        label += QChar(0x200B); // zero-width space: looks the same, is another key
    used->append(label);
    axis->append(label, at);
}

void colourAxis(QAbstractAxis *axis, const Theme::Tokens &theme)
{
    axis->setLabelsColor(theme.chartMutedText);
    axis->setTitleBrush(theme.chartMutedText);
    axis->setGridLineColor(theme.chartGrid);
    axis->setLinePenColor(theme.chartAxis);
}

void styleAxis(QAbstractAxis *axis, const QFont &base, const Theme::Tokens &theme)
{
    axis->setLabelsFont(ChartStyle::labelFont(base));
    axis->setTitleFont(ChartStyle::axisTitleFont(base));
    colourAxis(axis, theme);
    axis->setMinorGridLineVisible(false);
}

QSizeF plotSize(QChart *chart)
{
    const QRectF plot = chart->plotArea();
    if (plot.width() > 20 && plot.height() > 20)
        return plot.size();
    // Not laid out yet: an estimate from the chart's size.
    return chart->size().isEmpty() ? QSizeF(700, 330)
                                   : QSizeF(std::max(100.0, chart->size().width() - 110),
                                       std::max(80.0, chart->size().height() - 120));
}

void labelX(QCategoryAxis *axis, const ChartData &data, double width)
{
    clearLabels(axis);
    const double min = axis->min();
    const double max = axis->max();
    axis->setStartValue(min);
    const QFontMetrics fm(axis->labelsFont());
    QStringList used;
    if (data.xKind == ChartData::XKind::Numeric) {
        const AxisTicks::Scale s = AxisTicks::within(min, max, std::max(2, int(width / 90)));
        ValueFormat plain;
        for (const double v : s.ticks)
            appendUnique(axis, plain.tick(v, s.step), v, &used);
        return;
    }
    QList<double> xs;
    if (data.xKind == ChartData::XKind::Category) {
        for (qsizetype i = 0; i < data.categories.size(); ++i)
            xs << double(i);
    } else {
        for (const ChartSeries &s : data.series)
            for (const QPointF &p : s.points)
                xs << p.x();
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    }
    xs.removeIf([min, max](double x) { return x < min || x > max; });
    int widest = 0;
    const auto text = [&data](double x, bool withYear) {
        if (data.xKind == ChartData::XKind::Category) {
            const QString name = data.categories.value(qsizetype(x));
            return name.size() > 18 ? name.left(17) + u'…' : name;
        }
        return AxisTicks::periodTick(
            QDateTime::fromMSecsSinceEpoch(qint64(x), Qt::UTC), data.level, withYear);
    };
    // Labels of one level are about as wide as each other: measure a sample, not 100k.
    const qsizetype sampleStep = std::max<qsizetype>(1, xs.size() / 64);
    for (qsizetype i = 0; i < xs.size(); i += sampleStep)
        widest = std::max(widest, fm.horizontalAdvance(text(xs.at(i), true)));
    int stride = AxisTicks::labelStride(int(xs.size()), widest, int(width));
    // Qt Charts cuts a category label to the axis width / (labels + 1): fewer labels until each
    // fits whole.
    const auto fits = [&](int by) {
        return (int((xs.size() + by - 1) / by) + 1) * (widest + 16) <= int(width);
    };
    while (stride < xs.size() && !fits(stride))
        ++stride;
    int lastYear = -1;
    for (qsizetype i = 0; i < xs.size(); i += stride) {
        const int year = QDateTime::fromMSecsSinceEpoch(qint64(xs.at(i)), Qt::UTC).date().year();
        appendUnique(axis, text(xs.at(i), year != lastYear), xs.at(i), &used);
        lastYear = year;
    }
}

void labelY(QCategoryAxis *axis, const ChartData &data, double height)
{
    clearLabels(axis);
    const AxisTicks::Scale s
        = AxisTicks::within(axis->min(), axis->max(), std::clamp(int(height / 55), 3, 8));
    axis->setStartValue(axis->min());
    QStringList used;
    for (const double v : s.ticks)
        appendUnique(axis, data.format.tick(v, s.step), v, &used);
}

QList<QList<QPointF>> runsOf(const QList<QPointF> &points)
{
    QList<QList<QPointF>> runs;
    QList<QPointF> run;
    for (const QPointF &p : points) {
        if (std::isfinite(p.y())) {
            run << p;
        } else if (!run.isEmpty()) {
            runs << run;
            run.clear();
        }
    }
    if (!run.isEmpty())
        runs << run;
    return runs;
}
} // namespace

int ChartRenderer::pointBudget(int plotWidth)
{
    return std::max(500, 2 * plotWidth);
}

QChart *ChartRenderer::build(
    const ChartData &data, const Options &options, const Theme::Tokens &theme)
{
    const QFont base = options.font == QFont() ? QApplication::font() : options.font;
    auto *chart = new QChart;
    chart->setTheme(
        theme.mode == Theme::Mode::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(theme.chartBackground);
    chart->setMargins(QMargins(6, 4, 14, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->resize(options.size);
    chart->setTitle(data.title);
    chart->setTitleFont(ChartStyle::titleFont(base));
    chart->setTitleBrush(theme.chartText);

    auto *x = new QCategoryAxis;
    x->setObjectName(u"xAxis"_s);
    auto *y = new QCategoryAxis;
    y->setObjectName(u"yAxis"_s);
    for (QCategoryAxis *axis : { x, y }) {
        styleAxis(axis, base, theme);
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        chart->addAxis(axis, axis == x ? Qt::AlignBottom : Qt::AlignLeft);
    }
    x->setTitleText(data.xTitle);
    x->setGridLineVisible(false);
    y->setTitleText(data.yTitle);
    y->setLineVisible(false);

    double minX = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double minY = std::numeric_limits<double>::max();
    double maxY = std::numeric_limits<double>::lowest();
    const int plotWidth = std::max(100, options.size.width() - 110);
    const int budget = pointBudget(plotWidth);
    int maxPoints = 0;
    for (const ChartSeries &s : data.series)
        maxPoints = std::max(maxPoints, int(s.points.size()));
    const bool markers = maxPoints <= 60;

    for (qsizetype i = 0; i < data.series.size(); ++i) {
        const ChartSeries &source = data.series.at(i);
        QPen pen(theme.seriesColour(i), 2.4);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        QList<QList<QPointF>> runs = runsOf(source.points);
        if (data.pointsOnly && runs.size() > 1) { // unjoined points: gaps do not matter
            QList<QPointF> all;
            for (const QList<QPointF> &run : std::as_const(runs))
                all << run;
            runs = { all };
        }
        bool first = true;
        for (const QList<QPointF> &run : runs) {
            for (const QPointF &p : run) {
                minX = std::min(minX, p.x());
                maxX = std::max(maxX, p.x());
                minY = std::min(minY, p.y());
                maxY = std::max(maxY, p.y());
            }
            const qsizetype keep = std::max<qsizetype>(
                3, budget * run.size() / std::max<qsizetype>(1, source.points.size()));
            QXYSeries *line = nullptr;
            if (data.pointsOnly) {
                auto *dots = new QScatterSeries;
                dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
                dots->setMarkerSize(8);
                dots->setColor(pen.color());
                dots->setBorderColor(theme.chartBackground);
                line = dots;
            } else {
                line = new QLineSeries;
                line->setPen(pen);
            }
            line->setName(source.name);
            line->setProperty(seriesProperty, int(i));
            line->replace(
                options.downsample && run.size() > keep ? Lttb::downsample(run, int(keep)) : run);
            chart->addSeries(line);
            if (!data.pointsOnly) {
                line->setPointsVisible(markers || run.size() == 1);
                line->setMarkerSize(5);
            }
            line->attachAxis(x);
            line->attachAxis(y);
            if (!first) {
                for (QLegendMarker *marker : chart->legend()->markers(line))
                    marker->setVisible(false);
            }
            first = false;
        }
    }
    if (minX > maxX) { // no data
        minX = 0;
        maxX = 1;
        minY = 0;
        maxY = 1;
    }
    if (data.xKind == ChartData::XKind::Datetime) {
        x->setRange(minX - halfPeriod(data.level), maxX + halfPeriod(data.level));
    } else if (data.xKind == ChartData::XKind::Category) {
        x->setRange(-0.5, std::max(0.5, double(data.categories.size()) - 0.5));
    } else {
        const AxisTicks::Scale s = AxisTicks::nice(minX, maxX, 6);
        const double pad = data.pointsOnly ? (maxX - minX) * 0.04 : 0; // whole dots at the ends
        x->setRange(minX == maxX ? s.min : minX - pad, minX == maxX ? s.max : maxX + pad);
    }
    const int plotHeight = std::max(80, options.size.height() - 120);
    const AxisTicks::Scale ys = AxisTicks::nice(minY, maxY, std::clamp(plotHeight / 55, 3, 8));
    y->setRange(ys.min, ys.max);

    QLegend *legend = chart->legend();
    legend->setVisible(data.series.size() > 1 && !data.isEmpty());
    if (data.isEmpty()) { // no plot at all: the caller shows ChartFit::noDataText
        for (QAbstractAxis *axis : chart->axes())
            axis->setVisible(false);
    }
    legend->setAlignment(Qt::AlignBottom);
    legend->setFont(ChartStyle::labelFont(base));
    legend->setLabelColor(theme.chartText);
    legend->setMarkerShape(QLegend::MarkerShapeCircle);
    relabel(chart, data);
    return chart;
}

void ChartRenderer::restyle(QChart *chart, const Theme::Tokens &theme)
{
    chart->setBackgroundBrush(theme.chartBackground);
    chart->setTitleBrush(theme.chartText);
    for (QAbstractAxis *axis : chart->axes())
        colourAxis(axis, theme);
    chart->legend()->setLabelColor(theme.chartText);
    for (QAbstractSeries *series : chart->series()) {
        const QColor colour = theme.seriesColour(series->property(seriesProperty).toInt());
        if (auto *dots = qobject_cast<QScatterSeries *>(series)) {
            dots->setColor(colour);
            dots->setBorderColor(theme.chartBackground);
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            QPen pen = line->pen();
            pen.setColor(colour);
            line->setPen(pen);
        }
    }
}

void ChartRenderer::relabel(QChart *chart, const ChartData &data)
{
    ChartFit::fitLegend(chart);
    const QSizeF plot = plotSize(chart);
    for (QAbstractAxis *axis : chart->axes()) {
        auto *category = qobject_cast<QCategoryAxis *>(axis);
        if (!category)
            continue;
        if (axis->orientation() == Qt::Horizontal)
            labelX(category, data, plot.width());
        else
            labelY(category, data, plot.height());
    }
}

void ChartRenderer::paint(QPainter *painter, const QRectF &target, const ChartData &data,
    QSize size, const QString &caption, const Theme::Tokens &theme)
{
    QGraphicsScene scene;
    QChart *chart = build(data, { size, true, {} }, theme);
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    // Lay out now (normally done from the event loop), then label for the real plot size. Only
    // the chart's own layout requests: delivering every object's posted events here, inside the
    // transcript's paint event, re-entered the view's layout mid-paint and freed the delegate's
    // entry being painted (heap corruption seen in tst_defaultbackend).
    for (QGraphicsItem *item : scene.items()) {
        if (QGraphicsObject *object = item->toGraphicsObject())
            QCoreApplication::sendPostedEvents(object, QEvent::LayoutRequest);
    }
    if (chart->layout())
        chart->layout()->activate();
    relabel(chart, data);
    if (chart->layout())
        chart->layout()->activate();
    scene.setSceneRect(QRectF(QPointF(0, 0), QSizeF(size)));
    painter->save();
    scene.render(painter, target, scene.sceneRect(), Qt::IgnoreAspectRatio);
    if (data.isEmpty()) {
        painter->setFont(ChartStyle::axisTitleFont(QApplication::font()));
        painter->setPen(theme.chartMutedText);
        painter->drawText(target.adjusted(16, 0, -16, 0), Qt::AlignCenter | Qt::TextWordWrap,
            ChartFit::noDataText(data));
    }
    if (!caption.isEmpty()) {
        const qreal sx = target.width() / size.width();
        const qreal sy = target.height() / size.height();
        painter->translate(target.topLeft());
        painter->scale(sx, sy);
        QFont font = ChartStyle::labelFont(QApplication::font());
        font.setItalic(true);
        painter->setFont(font);
        painter->setPen(theme.chartMutedText);
        painter->drawText(QRectF(0, 0, size.width() - 10, size.height() - 4),
            Qt::AlignRight | Qt::AlignBottom, caption);
    }
    painter->restore();
}

QImage ChartRenderer::image(const ChartData &data, QSize size, qreal devicePixelRatio,
    const QString &caption, const Theme::Tokens &theme)
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(theme.chartBackground);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    paint(&painter, QRectF(QPointF(0, 0), QSizeF(size)), data, size, caption, theme);
    painter.end();
    return image;
}
