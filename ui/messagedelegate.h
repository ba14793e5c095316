#pragma once

#include "app/core/assetsummary.h"
#include "ui/bubblelayout.h"
#include "ui/codeblocks.h"
#include "ui/messagechrome.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTimer>

#include <memory>
#include <optional>

class ChartCardCache;
class QAbstractItemView;
class QTextDocument;

// Paints a TranscriptModel row as a chat bubble: a header with who and when, the message's
// markdown in a QTextDocument, a placeholder card per asset, the status (thinking, interrupted,
// error) with a Retry link, and the answer's progress under the bubble (those last parts, and the
// header, are MessageChrome's). A message longer than elideLimit characters shows only its first
// part, cut at a paragraph boundary (MarkdownStyle::cutPoint), and a "Show all (4.0 MB)" link
// that lays the whole message out (on request only: that may be slow). Each row's laid-out
// document and size are cached per (message id, update time, width, progress), so only changed
// rows are laid out again; the view decides when (at most once per frame). A selection in one
// message's text (TranscriptSelection's) is painted in the palette's Highlight colours. Fenced
// code blocks get a shaded box and a "Copy" button that copies the block's code (CodeBlocks).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // The most characters of a message's markdown parsed and laid out until "Show all" is
    // clicked: about 125 lines of a bubble at full width (several screens), laid out in under
    // 8 ms, the stall goal, in a Release build (bench_hugemessage's send: the 4 MB question
    // appearing in the transcript).
    static constexpr qsizetype elideLimit = 10000;
    // The most laid out the first time a message is shown (about 25 lines at full width): a new
    // 4 MB question, or a conversation opened on one, costs a short turn of the event loop
    // (~1.5 ms of layout in Release), and the rest of the shown part (to elideLimit) is laid out
    // when the view asks, after layoutUnfinished(), a frame later; each turn stays under the
    // stall goal (bench_hugemessage's send).
    static constexpr qsizetype firstLimit = 2000;
    // An earlier version of a message (an edited question, a regenerated answer) is drawn
    // faded, its header saying so.
    static constexpr qreal earlierVersionOpacity = 0.6;

    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // Forgets the row's layout and tells the view its size may have changed. The row's next
    // layout shows all it may (elideLimit, or everything once expanded).
    void invalidate(const QModelIndex &index);
    // Keeps painting the row's current layout, even though its data changed, until invalidate():
    // the view applies changes once per frame, so a streaming row's markdown is parsed at that
    // rate, never per delta, whatever else repaints it meanwhile.
    void hold(qint64 messageId) { m_held.insert(messageId); }
    void clear();
    // Lays the whole of message `index` out from now on (its "Show all" link was clicked).
    void expand(const QModelIndex &index);
    bool isExpanded(qint64 messageId) const { return m_expanded.contains(messageId); }
    // Draws chart assets as charts (the cache fetches and renders them); null: placeholder cards.
    void setChartCache(ChartCardCache *cache) { m_charts = cache; }

    // The latest progress line of an answer that is arriving (empty: none).
    void setProgress(qint64 messageId, const QString &text);
    QString progress(qint64 messageId) const { return m_progress.value(messageId); }
    // Moves the "Thinking…" animation one step (paint only, no layout).
    void advancePulse() { ++m_pulse; }

    // What a row shows, for hit-testing and tests; `pos` is in the row's coordinates.
    struct RowInfo
    {
        BubbleLayout layout;
        QString statusText;
        QString footerText;
        QStringList cards; // headlines
        bool retry = false;
        bool thinking = false;
        QStringList followups; // the follow-up questions shown as links
        QList<QRect> followupRects; // where each link is, in the row's coordinates
        QString showAll; // the "Show all" link's text; empty: the whole message is shown
        qsizetype shownChars = 0; // how much of the message's markdown is laid out
        qsizetype totalChars = 0; // the length of the markdown it has (the model's preview)
        int documentChars = 0; // the laid-out document's character count
    };
    RowInfo rowInfo(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    BubbleLayout::Part partAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const;
    // The follow-up question whose link is under `pos` (view coordinates), or empty.
    QString followupAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const;
    // The code of the block whose Copy button is under `pos` (view coordinates), or none.
    std::optional<QString> codeAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const;

    // The laid-out text of row `index` (null: none; the delegate's own, to read, never to change)
    // and (`textRect`) where it is drawn, in the view's coordinates.
    QTextDocument *textDocument(
        const QStyleOptionViewItem &option, const QModelIndex &index, QRect *textRect) const;
    // Paints characters [start, end) of message `messageId`'s text as selected (0: none).
    void setSelection(qint64 messageId, int start, int end)
    {
        m_selection = { messageId, start, end };
    }

    // Lays out and paints off screen, as a row of `view`, an answer of `markdown`, then forgets
    // it: the first layout and paint of each face and kind of block in a process loads fonts
    // and fills the glyph caches, ~2.5 ms of the first conversation opened (bench_firstpaint),
    // which warming up with each of warmUpSamples() moves to moments the view chooses (after
    // its first paint, one sample per turn of the event loop). Returns the sample's size;
    // counts no layout (layoutCount()).
    QSize warmUp(const QAbstractItemView *view, const QString &markdown);
    // Every letter, digit and common sign in each face a message may use (regular, bold, italic,
    // both, code, a heading, a table cell, a fenced block), and lists and a quote.
    static QStringList warmUpSamples();
    // How many warmUp() calls there have been (for tests).
    int warmUpCount() const { return m_warmUps; }

    // How many rows have been laid out since construction (for tests and benchmarks).
    int layoutCount() const { return m_layoutCount; }
    // "Now" for the header's time; tests pin it.
    void setNow(const QDateTime &now) { m_now = now; }

Q_SIGNALS:
    // Message `messageId` was laid out only to firstLimit: invalidate() it when convenient.
    // Emitted from the event loop, after the layout that cut it.
    void layoutUnfinished(qint64 messageId);
    void retryRequested(qint64 messageId);
    // A follow-up question's link was clicked: ask it next.
    void followupRequested(const QString &question);
    // A chart card was clicked: open the chart.
    void chartActivated(qint64 assetId);

private:
    struct Entry
    {
        QDateTime updatedAt;
        int width = 0;
        QString progress;
        bool user = false;
        bool earlierVersion = false; // replaced by an edit or a regeneration (SupersededRole)
        std::unique_ptr<QTextDocument> document;
        QString source; // the markdown `document` was made from
        bool stale = false; // invalidated: laid out again before use
        qsizetype shownChars = 0;
        qsizetype totalChars = 0;
        QString showAll; // the link's text when the text is cut short
        QString name;
        QString time;
        MessageChrome::State chrome; // status line, Retry, progress footer
        QList<AssetSummary> cards;
        QList<qint64> chartIds; // per card: the asset id when drawn as a chart, else 0
        QList<QStringList> followups; // per card: the questions of a "followups" asset
        QList<QStringList> chips; // per card: the tokens of an "interpretation" asset
        QList<CodeBlocks::Block> code; // the fenced code blocks, in the document's coordinates
        std::optional<BubbleLayout> layout;
    };

    const Entry &entryFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    Entry *layOut(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    // A message's shown markdown as a document, styled and laid out `textWidth` wide.
    static std::unique_ptr<QTextDocument> makeDocument(
        const QString &markdown, const QFont &font, int textWidth);
    static int viewWidth(const QStyleOptionViewItem &option);

    struct SizeEntry
    {
        QDateTime updatedAt;
        int width = 0;
        QString progress;
        QSize size;
    };

    // Laid-out documents for the rows painted recently (bounded), and the size of every row
    // seen (small, unbounded), so a layout pass over a long transcript parses nothing.
    mutable QCache<qint64, Entry> m_cache;
    // A message id as the key of m_sizes, hashed as itself: a conversation's ids mostly run in
    // the order of its rows, so a layout pass, which asks for the rows in order, reads
    // neighbouring buckets. qHash(qint64) scatters them: a cache miss a row, ~70% of a cached
    // sizeHint() in perf (bench_uistall's scroll, 10,000 rows laid out again on each page).
    struct RowKey
    {
        qint64 id;
        friend bool operator==(RowKey a, RowKey b) { return a.id == b.id; }
        friend size_t qHash(RowKey key, size_t = 0) { return size_t(key.id); }
    };
    mutable QHash<RowKey, SizeEntry> m_sizes;
    mutable int m_layoutCount = 0;
    int m_warmUps = 0;
    mutable QSet<qint64>
        m_seen; // laid out at least once since clear(): no longer cut to firstLimit
    mutable QSet<qint64> m_unfinished; // cut to firstLimit, not yet reported
    mutable QTimer m_unfinishedTimer; // reports them (0 ms: from the event loop)
    QHash<qint64, QString> m_progress;
    QSet<qint64> m_held;
    QSet<qint64> m_expanded; // messages shown whole after a click on "Show all"
    int m_pulse = 0;
    QDateTime m_now;
    ChartCardCache *m_charts = nullptr;
    struct
    {
        qint64 messageId = 0;
        int start = 0;
        int end = 0;
    } m_selection;
};
