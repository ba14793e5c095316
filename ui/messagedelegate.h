#pragma once

#include "bubblelayout.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QStyledItemDelegate>

#include <memory>
#include <optional>

class QTextDocument;

// Paints a TranscriptModel row as a chat bubble: the message's markdown in a QTextDocument, a
// header with who and when, and the status under the text. Each row's laid-out document and
// size are cached per (message id, update time, width), so only changed rows are laid out again.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Forgets the row's layout and tells the view its size may have changed.
    void invalidate(const QModelIndex &index);
    void clear();

    // How many rows have been laid out since construction (for tests and benchmarks).
    int layoutCount() const { return m_layoutCount; }
    // "Now" for the header's time; tests pin it.
    void setNow(const QDateTime &now) { m_now = now; }

private:
    enum class StatusKind { None, Pending, Streaming, Interrupted, Error };
    struct Entry
    {
        QDateTime updatedAt;
        int width = 0;
        bool user = false;
        std::unique_ptr<QTextDocument> document;
        QString name;
        QString time;
        StatusKind status = StatusKind::None;
        QString statusText;
        std::optional<BubbleLayout> layout;
    };

    const Entry &entryFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    Entry *layOut(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    void paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const Entry &entry,
        const QRect &rect) const;
    void paintStatus(QPainter *painter, const QStyleOptionViewItem &option, const Entry &entry,
        const QRect &rect) const;
    static int viewWidth(const QStyleOptionViewItem &option);

    struct SizeEntry
    {
        QDateTime updatedAt;
        int width = 0;
        QSize size;
    };

    // Laid-out documents for the rows painted recently (bounded), and the size of every row
    // seen (small, unbounded), so a layout pass over a long transcript parses nothing.
    mutable QCache<qint64, Entry> m_cache;
    mutable QHash<qint64, SizeEntry> m_sizes;
    mutable int m_layoutCount = 0;
    QDateTime m_now;
};
