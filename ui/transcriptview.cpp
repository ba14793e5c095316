#include "ui/transcriptview.h"

#include "models/fetchall.h"
#include "models/transcriptmodel.h"
#include "ui/chart/chartcardcache.h"
#include "ui/manualfetchproxymodel.h"
#include "ui/theme/theme.h"
#include "ui/transcriptselection.h"

#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace {
constexpr int fetchThreshold = 48; // px from the top that asks for older messages
constexpr int bottomSlack = 4;
constexpr int highlightFade = 800; // ms at the end of the highlight
} // namespace

TranscriptView::TranscriptView(QWidget *parent)
    : QListView(parent)
    , m_proxy(new ManualFetchProxyModel(this))
    , m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    // Text selection, Ctrl+C, the context menu's copies; then the versions of the last turn.
    TranscriptSelection::attach(this, m_delegate)
        ->setMenuExtender([this](QMenu *menu, const QModelIndex &index) {
            if (!m_transcript)
                return;
            const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
            if (id != 0 && id == m_transcript->lastQuestionId()) {
                menu->addSeparator();
                menu->addAction(
                    tr("&Edit and Send Again…"), this, [this, id] { Q_EMIT editRequested(id); });
            } else if (id != 0 && id == m_transcript->lastAnswerId()) {
                menu->addSeparator();
                menu->addAction(
                    tr("&Regenerate Answer"), this, [this, id] { Q_EMIT regenerateRequested(id); });
            }
        });
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    setWordWrap(true);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true); // the Retry link's hand cursor
    verticalScrollBar()->setSingleStep(24);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(frameInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &TranscriptView::flushChanges);
    m_pulseTimer.setInterval(pulseInterval);
    connect(&m_pulseTimer, &QTimer::timeout, this, &TranscriptView::pulse);
    m_highlightTimer.setInterval(2 * frameInterval);
    connect(&m_highlightTimer, &QTimer::timeout, this, [this] {
        const qint64 elapsed = m_highlightClock.elapsed();
        if (elapsed >= highlightDuration)
            highlightMessage(0);
        else if (elapsed >= highlightDuration - highlightFade)
            viewport()->update();
    });
    connect(m_delegate, &MessageDelegate::retryRequested, this, &TranscriptView::retryRequested);
    connect(
        m_delegate, &MessageDelegate::followupRequested, this, &TranscriptView::followupRequested);
    connect(m_delegate, &MessageDelegate::chartActivated, this, &TranscriptView::chartActivated);
    // A long message's first layout was cut short: the rest at the next frame, as a change.
    connect(m_delegate, &MessageDelegate::layoutUnfinished, this, [this](qint64 id) {
        m_pendingIds.insert(id);
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TranscriptView::maybeFetchOlder);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        // A short first page may not fill the view: ask for more once layout settles.
        QTimer::singleShot(0, this, &TranscriptView::maybeFetchOlder);
    });
}

void TranscriptView::setTranscriptModel(TranscriptModel *model)
{
    if (m_transcript)
        disconnect(m_transcript, nullptr, this, nullptr);
    m_transcript = model;
    m_proxy->setSourceModel(model);
    setModel(m_proxy);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_pendingIds.clear();
        m_delegate->clear();
        scrollToNewest();
    });
    connect(model, &TranscriptModel::conversationOpened, this, &TranscriptView::fillViewport);
}

void TranscriptView::setChartCache(ChartCardCache *cache)
{
    m_delegate->setChartCache(cache);
    m_delegate->clear();
    if (cache) // a card's state never changes its size: repaint only
        connect(cache, &ChartCardCache::changed, viewport(), [this] { viewport()->update(); });
    scheduleDelayedItemsLayout();
}

bool TranscriptView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - bottomSlack;
}

void TranscriptView::scrollToNewest()
{
    executeDelayedItemsLayout();
    scrollToBottom();
}

void TranscriptView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    Q_UNUSED(roles)
    // Note the message ids now (rows may shift before the flush), apply once per frame.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const qint64 id = model()->index(row, 0).data(TranscriptModel::IdRole).toLongLong();
        m_pendingIds.insert(id);
        m_delegate->hold(id);
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TranscriptView::flushChanges()
{
    if (!m_transcript || m_pendingIds.isEmpty())
        return;
    ++m_flushCount;
    const bool follow = isAtBottom();
    const QSet<qint64> ids = std::exchange(m_pendingIds, {});
    for (qint64 id : ids) {
        const int row = m_transcript->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = model()->index(row, 0);
        m_delegate->invalidate(index);
        QListView::dataChanged(index, index, {});
    }
    if (follow)
        scrollToNewest();
}

void TranscriptView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    const bool follow = isAtBottom() && start > 0;
    QListView::rowsInserted(parent, start, end);
    if (follow && end == model()->rowCount() - 1)
        scrollToNewest();
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    const bool follow = isAtBottom();
    QListView::resizeEvent(event);
    if (follow)
        QTimer::singleShot(0, this, [this] {
            if (!isAtBottom())
                scrollToNewest();
        });
}

void TranscriptView::maybeFetchOlder()
{
    if (m_fetching || !m_transcript || !m_transcript->canFetchMore({}))
        return;
    QScrollBar *bar = verticalScrollBar();
    if (bar->value() > bar->minimum() + fetchThreshold)
        return;
    m_fetching = true;
    executeDelayedItemsLayout();
    const int fromBottom = bar->maximum() - bar->value();
    m_transcript->fetchMore({});
    executeDelayedItemsLayout();
    bar->setValue(bar->maximum() - fromBottom);
    m_fetching = false;
}

// Rows that do not fill the view (a small first page, short messages) are followed at once by
// older pages, before the first paint: never a half-empty transcript that fills a frame later.
// maybeFetchOlder() decides, as when scrolling; this only asks again until it reads no more.
void TranscriptView::fillViewport()
{
    int rows = -1;
    while (m_transcript && m_transcript->rowCount() != rows) {
        rows = m_transcript->rowCount();
        maybeFetchOlder();
    }
}

void TranscriptView::scrollToOldest()
{
    if (!m_transcript)
        return;
    m_fetching = true; // no position keeping: the top is where we go
    fetchAll(*m_transcript);
    m_fetching = false;
    executeDelayedItemsLayout();
    scrollToTop();
}

void TranscriptView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *bar = verticalScrollBar();
    const bool plain = !(event->modifiers() & ~(Qt::KeypadModifier | Qt::ControlModifier));
    switch (plain ? event->key() : 0) {
    case Qt::Key_Home:
        scrollToOldest();
        break;
    case Qt::Key_End:
        scrollToNewest();
        break;
    case Qt::Key_PageUp:
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_PageDown:
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_Up:
        bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Down:
        bar->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    default:
        QListView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TranscriptView::setProgress(qint64 messageId, const QString &text)
{
    if (m_delegate->progress(messageId) == text)
        return;
    m_delegate->hold(messageId);
    m_delegate->setProgress(messageId, text);
    m_pendingIds.insert(messageId);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TranscriptView::setActiveAnswer(qint64 messageId)
{
    m_activeAnswer = messageId;
    if (messageId != 0)
        m_pulseTimer.start();
    else
        m_pulseTimer.stop();
}

void TranscriptView::pulse()
{
    m_delegate->advancePulse();
    const int row = m_transcript ? m_transcript->rowOf(m_activeAnswer) : -1;
    if (row >= 0) // paint only: the animation never changes the layout
        viewport()->update(visualRect(model()->index(row, 0)));
}

QStyleOptionViewItem TranscriptView::optionFor(const QModelIndex &index)
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return option;
}

MessageDelegate::RowInfo TranscriptView::rowInfo(int row)
{
    executeDelayedItemsLayout();
    const QModelIndex index = model()->index(row, 0);
    return m_delegate->rowInfo(optionFor(index), index);
}

void TranscriptView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    // A link (Retry, Show all, a follow-up question, a code block's Copy) points; selectable
    // text is an I-beam.
    const BubbleLayout::Part part = index.isValid()
        ? m_delegate->partAt(optionFor(index), index, pos)
        : BubbleLayout::Part::None;
    const bool onLink = part == BubbleLayout::Part::Action || part == BubbleLayout::Part::ShowAll
        || (index.isValid() && !m_delegate->followupAt(optionFor(index), index, pos).isEmpty())
        || (index.isValid() && m_delegate->codeAt(optionFor(index), index, pos));
    viewport()->setCursor(onLink               ? Qt::PointingHandCursor
            : part == BubbleLayout::Part::Text ? Qt::IBeamCursor
                                               : Qt::ArrowCursor);
}

void TranscriptView::highlightMessage(qint64 messageId)
{
    m_highlighted = messageId;
    if (messageId != 0) {
        m_highlightClock.start();
        m_highlightTimer.start();
    } else {
        m_highlightTimer.stop();
    }
    viewport()->update();
}

void TranscriptView::warmUpAfterFirstPaintOf(QWidget *shown)
{
    if (m_warmUpScheduled || !shown)
        return;
    m_warmUpWatched = shown;
    shown->installEventFilter(this);
}

bool TranscriptView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_warmUpWatched && event->type() == QEvent::Paint)
        scheduleWarmUp(); // after its paint: the filter sees the event before the widget
    return QListView::eventFilter(watched, event);
}

void TranscriptView::scheduleWarmUp()
{
    if (m_warmUpWatched) {
        m_warmUpWatched->removeEventFilter(this);
        m_warmUpWatched = nullptr;
    }
    if (m_warmUpScheduled)
        return;
    // Once the window is on screen: the first conversation opened then lays out warm.
    m_warmUpScheduled = true;
    QTimer::singleShot(0, this, [this] { warmUp(0); });
}

void TranscriptView::warmUp(int step)
{
    // One sample per turn of the event loop: 0.7-4.1 ms each, ~14 ms in all (Release).
    static const QStringList samples = MessageDelegate::warmUpSamples();
    if (step >= samples.size())
        return;
    m_delegate->warmUp(this, samples.at(step));
    QTimer::singleShot(0, this, [this, step] { warmUp(step + 1); });
}

void TranscriptView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    scheduleWarmUp();
    const int row = m_transcript && m_highlighted ? m_transcript->rowOf(m_highlighted) : -1;
    if (row < 0)
        return;
    const QModelIndex index = model()->index(row, 0);
    const QRect rect = visualRect(index);
    if (!rect.intersects(viewport()->rect()))
        return;
    const QRect bubble = m_delegate->rowInfo(optionFor(index), index)
                             .layout.bubbleRect()
                             .translated(rect.topLeft());
    const qint64 left = highlightDuration - m_highlightClock.elapsed();
    const qreal strength = qBound(0.0, qreal(left) / highlightFade, 1.0);
    QColor ring = Theme::accent();
    ring.setAlphaF(strength);
    QColor glow = ring;
    glow.setAlphaF(0.12 * strength);
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(ring, 2.5));
    painter.setBrush(glow);
    painter.drawRoundedRect(QRectF(bubble).adjusted(-4, -4, 4, 4), 14, 14);
}
