#pragma once

#include "ui/messagedelegate.h"

#include <QElapsedTimer>
#include <QListView>
#include <QPointer>
#include <QSet>
#include <QTimer>

class ChartCardCache;
class ManualFetchProxyModel;
class TranscriptModel;

// The transcript: a per-pixel scrolling list of chat bubbles. Changes to rows (a streaming
// answer) are coalesced and applied at most once per frame; older messages are fetched when the
// user scrolls to the top, keeping what is on screen in place; new messages at the bottom are
// followed when the view was already at the bottom. The answer that is arriving shows its
// progress under its bubble, and a gentle animation while nothing has arrived yet.
class TranscriptView : public QListView
{
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    void setTranscriptModel(TranscriptModel *model);
    // Draws chart assets as charts and repaints when their data arrives (not owned).
    void setChartCache(ChartCardCache *cache);
    TranscriptModel *transcriptModel() const { return m_transcript; }
    MessageDelegate *messageDelegate() const { return m_delegate; }

    bool isAtBottom() const;
    // Scrolls to the newest message once pending layout is done.
    void scrollToNewest();
    // How many coalesced updates have been applied (for tests).
    int flushCount() const { return m_flushCount; }

    // The latest progress line of answer `messageId` (empty: none), applied with the next frame.
    void setProgress(qint64 messageId, const QString &text);
    // The answer that is arriving (0: none): its row is animated while it waits.
    void setActiveAnswer(qint64 messageId);
    qint64 activeAnswer() const { return m_activeAnswer; }
    // What row `row` shows and where, in the row's coordinates (for tests).
    MessageDelegate::RowInfo rowInfo(int row);

    // Draws a ring around message `messageId` for highlightDuration ms, fading out at the end
    // (e.g. the hit chosen in the history search); 0 clears it.
    void highlightMessage(qint64 messageId);
    qint64 highlightedMessage() const { return m_highlighted; }

    // Warms the delegate up (MessageDelegate::warmUp) after the first paint of `shown` too,
    // should it paint before this view does: the window's empty state, which start-up shows
    // when no conversation was open, so the first one opened lays out and paints warm.
    void warmUpAfterFirstPaintOf(QWidget *shown);

    static constexpr int highlightDuration = 3000; // ms
    static constexpr int frameInterval = 16; // ms, about 60 updates a second
    static constexpr int pulseInterval = 400; // ms between animation steps

Q_SIGNALS:
    // The Retry link of answer `messageId` was clicked.
    void retryRequested(qint64 messageId);
    // The context menu's Edit and Send Again (the last question) or Regenerate Answer (the last
    // answer) was chosen.
    void editRequested(qint64 questionId);
    void regenerateRequested(qint64 answerId);
    // A follow-up question under an answer was clicked: ask it next.
    void followupRequested(const QString &question);
    // A chart card was clicked.
    void chartActivated(qint64 assetId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    // Home, End, Page Up/Down and the arrows scroll the transcript (it has no current row);
    // Home loads every older page first, since it asks for the first message.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void flushChanges();
    void maybeFetchOlder();
    void fillViewport();
    // Once: warmUp(0) a turn after the first paint of this view or the one
    // warmUpAfterFirstPaintOf() named.
    void scheduleWarmUp();
    // MessageDelegate::warmUp() with sample `step` of its samples, then the next a turn later.
    void warmUp(int step);
    void scrollToOldest();
    void pulse();
    QStyleOptionViewItem optionFor(const QModelIndex &index);

    TranscriptModel *m_transcript = nullptr;
    ManualFetchProxyModel *m_proxy = nullptr;
    MessageDelegate *m_delegate = nullptr;
    QSet<qint64> m_pendingIds;
    QTimer m_flushTimer;
    QTimer m_pulseTimer;
    QTimer m_highlightTimer;
    QElapsedTimer m_highlightClock;
    bool m_warmUpScheduled = false; // MessageDelegate::warmUp() after the first paint
    QPointer<QWidget> m_warmUpWatched; // whose first paint schedules it too
    qint64 m_highlighted = 0;
    qint64 m_activeAnswer = 0;
    int m_flushCount = 0;
    bool m_fetching = false;
};
