#pragma once

#include "app/charts/chartdata.h"

#include <QChartView>
#include <QDateTime>

class ChartCallout;
class QLabel;
class QLegendMarker;

// The interactive chart: hover shows the nearest point's x, series and value; the wheel zooms
// around the cursor, a left drag zooms into a rectangle, double-click (or Reset zoom) resets;
// clicking a legend entry hides or shows its series; the context menu exports (PNG, SVG, PDF,
// CSV, JSON), copies the image, shows the data as a table and asks for a refresh. Hiding a
// series rescales the value axis to the visible ones; an empty result shows "No data for …".
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(const ChartData &data, QWidget *parent = nullptr);

    const ChartData &data() const { return m_data; }
    void setTakenAt(const QDateTime &at) { m_takenAt = at; }
    // Whether the menu offers Refresh (not for a chart that keeps its rows, as Looker's do).
    void setRefreshable(bool refreshable) { m_refreshable = refreshable; }
    void resetZoom();
    // Hides or shows data series `index` (all its runs) and dims its legend entry.
    void toggleSeries(int index);
    bool isSeriesVisible(int index) const;
    // The hover text for a point near `viewPos`, empty when none is near (for tests).
    QString hoverText(const QPoint &viewPos);
    QMenu *createContextMenu(); // the context menu's actions, for tests

    // Shows a save dialog and writes the chart in `format` (a ChartExport::Format value).
    void exportAs(int format);
    void copyImage();
    void viewData();

Q_SIGNALS:
    void refreshRequested();

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override; // the theme changed: the chart's colours follow

private:
    void connectMarkers();
    void relabelLater();

    ChartData m_data;
    QDateTime m_takenAt;
    bool m_refreshable = true;
    ChartCallout *m_callout;
    QLabel *m_noData = nullptr; // "No data for …" over the view when the result is empty
};
