#pragma once

#include <QListView>
#include <QSet>
#include <QTimer>

class ManualFetchProxyModel;
class MessageDelegate;
class TranscriptModel;

// The transcript: a per-pixel scrolling list of chat bubbles. Changes to rows (a streaming
// answer) are coalesced and applied at most once per frame; older messages are fetched when the
// user scrolls to the top, keeping what is on screen in place; new messages at the bottom are
// followed when the view was already at the bottom.
class TranscriptView : public QListView
{
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    void setTranscriptModel(TranscriptModel *model);
    TranscriptModel *transcriptModel() const { return m_transcript; }
    MessageDelegate *messageDelegate() const { return m_delegate; }

    bool isAtBottom() const;
    // Scrolls to the newest message once pending layout is done.
    void scrollToNewest();
    // How many coalesced updates have been applied (for tests).
    int flushCount() const { return m_flushCount; }

    static constexpr int frameInterval = 16; // ms, about 60 updates a second

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void flushChanges();
    void maybeFetchOlder();

    TranscriptModel *m_transcript = nullptr;
    ManualFetchProxyModel *m_proxy = nullptr;
    MessageDelegate *m_delegate = nullptr;
    QSet<qint64> m_pendingIds;
    QTimer m_flushTimer;
    int m_flushCount = 0;
    bool m_fetching = false;
};
