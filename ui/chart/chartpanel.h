#pragma once

#include "ui/chart/chartcardcache.h"

#include <QWidget>

class ChartView;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

// One chart asset in its own window: the interactive ChartView with "Data as of …", Refresh and
// Reset zoom; "Loading chart…" with a busy bar while its data is fetched; the error in words and
// Retry on failure; for other item types the honest "not rendered" and the item's JSON.
// Follows the cache, so a fetch finishing elsewhere updates it. Esc closes it.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    ChartPanel(ChartCardCache &cache, qint64 assetId, QWidget *parent = nullptr);

    qint64 assetId() const { return m_assetId; }
    ChartView *chartView() const { return m_view; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *retryButton() const { return m_retry; }

protected:
    void keyPressEvent(QKeyEvent *event) override; // Esc closes the window

private:
    void update();

    ChartCardCache &m_cache;
    qint64 m_assetId;
    QStackedWidget *m_stack;
    QWidget *m_messagePage;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_retry;
    QPlainTextEdit *m_json;
    QWidget *m_chartPage;
    ChartView *m_view = nullptr;
    QLabel *m_caption;
    QDateTime m_shownTakenAt;
};
