#include "ui/messagedelegate.h"

#include "models/transcriptmodel.h"
#include "ui/assetcard.h"
#include "ui/chart/chartcard.h"
#include "ui/chart/chartcardcache.h"
#include "ui/followupcard.h"
#include "ui/interpretationcard.h"
#include "ui/theme/theme.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal bubbleRadius = 12;
} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    m_cache.setMaxCost(400);
    m_unfinishedTimer.setSingleShot(true);
    m_unfinishedTimer.setInterval(0);
    connect(&m_unfinishedTimer, &QTimer::timeout, this, [this] {
        for (qint64 id : std::exchange(m_unfinished, {}))
            Q_EMIT layoutUnfinished(id);
    });
}

MessageDelegate::~MessageDelegate() = default;

int MessageDelegate::viewWidth(const QStyleOptionViewItem &option)
{
    // Laid out as if the vertical scroll bar were always shown: a width that changed with the
    // bar would change the heights, which can show or hide the bar, and so on forever (seen as
    // an endless repaint of a chart card alternating between two sizes).
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
        const QScrollBar *bar = view->verticalScrollBar();
        const int reserve = bar && bar->isVisible()
            ? 0
            : view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view);
        return std::max(1, view->viewport()->width() - reserve);
    }
    return option.rect.width();
}

void MessageDelegate::invalidate(const QModelIndex &index)
{
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    if (Entry *entry = m_cache.object(id))
        entry->stale = true; // kept for its document, which layOut() may reuse
    m_sizes.remove(RowKey { id });
    m_held.remove(id);
    m_seen.insert(id);
    m_unfinished.remove(id);
    Q_EMIT sizeHintChanged(index);
}

void MessageDelegate::clear()
{
    m_cache.clear();
    m_sizes.clear();
    m_held.clear();
    m_seen.clear();
    m_unfinished.clear();
}

void MessageDelegate::expand(const QModelIndex &index)
{
    m_expanded.insert(index.data(TranscriptModel::IdRole).toLongLong());
    invalidate(index);
}

void MessageDelegate::setProgress(qint64 messageId, const QString &text)
{
    if (text.isEmpty())
        m_progress.remove(messageId);
    else
        m_progress.insert(messageId, text);
}

const MessageDelegate::Entry &MessageDelegate::entryFor(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    const int width = viewWidth(option);
    Entry *entry = m_cache.object(id);
    if (entry && !entry->stale && entry->width == width
        && (m_held.contains(id)
            || (entry->progress == m_progress.value(id)
                && entry->updatedAt == index.data(TranscriptModel::UpdatedAtRole).toDateTime())))
        return *entry;
    return *layOut(option, index, width);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    const auto known = m_sizes.constFind(RowKey { id });
    if (known != m_sizes.constEnd() && known->width == viewWidth(option)
        && (m_held.contains(id)
            || (known->progress == m_progress.value(id)
                && known->updatedAt == index.data(TranscriptModel::UpdatedAtRole).toDateTime())))
        return known->size;
    return entryFor(option, index).layout->sizeHint();
}

MessageDelegate::RowInfo MessageDelegate::rowInfo(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Entry &entry = entryFor(option, index);
    RowInfo info { *entry.layout, entry.chrome.statusText, entry.chrome.footerText, {},
        entry.chrome.retry, entry.chrome.status == MessageChrome::Status::Thinking, {}, {},
        entry.showAll, entry.shownChars, entry.totalChars,
        entry.document ? entry.document->characterCount() : 0 };
    for (const AssetSummary &card : entry.cards)
        info.cards << card.headline();
    for (int card = 0; card < entry.followups.size(); ++card) {
        const QStringList &questions = entry.followups.at(card);
        for (int i = 0; i < questions.size(); ++i) {
            info.followups << questions.at(i);
            info.followupRects << FollowupCard::linkRect(
                entry.layout->cardRect(card), questions, option.font, i);
        }
    }
    return info;
}

BubbleLayout::Part MessageDelegate::partAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const
{
    return entryFor(option, index).layout->partAt(pos - option.rect.topLeft());
}

QString MessageDelegate::followupAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const
{
    const Entry &entry = entryFor(option, index);
    int card = -1;
    const QPoint p = pos - option.rect.topLeft();
    if (entry.layout->partAt(p, &card) != BubbleLayout::Part::Card
        || entry.followups.value(card).isEmpty())
        return {};
    const QStringList &questions = entry.followups.at(card);
    const int i = FollowupCard::questionAt(entry.layout->cardRect(card), questions, option.font, p);
    return i >= 0 ? questions.at(i) : QString();
}

std::optional<QString> MessageDelegate::codeAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const
{
    const Entry &entry = entryFor(option, index);
    if (entry.code.isEmpty())
        return std::nullopt;
    const int block
        = CodeBlocks::layout(entry.code, entry.layout->textRect().topLeft(), option.font)
              .buttonAt(pos - option.rect.topLeft());
    return block >= 0 ? std::optional(entry.code.at(block).code) : std::nullopt;
}

QTextDocument *MessageDelegate::textDocument(
    const QStyleOptionViewItem &option, const QModelIndex &index, QRect *textRect) const
{
    const Entry &entry = entryFor(option, index);
    if (textRect)
        *textRect = entry.layout->textRect().translated(option.rect.topLeft());
    return entry.document.get();
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const bool press = event->type() == QEvent::MouseButtonPress;
    if (press || event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            if (const QString q = followupAt(option, index, mouse->position().toPoint());
                !q.isEmpty()) {
                if (!press)
                    Q_EMIT followupRequested(q);
                return true;
            }
        }
        if (mouse->button() == Qt::LeftButton) {
            if (const std::optional<QString> code
                = codeAt(option, index, mouse->position().toPoint())) {
                if (!press)
                    QGuiApplication::clipboard()->setText(*code);
                return true;
            }
        }
        if (mouse->button() == Qt::LeftButton
            && partAt(option, index, mouse->position().toPoint()) == BubbleLayout::Part::ShowAll
            && !entryFor(option, index).showAll.isEmpty()) {
            if (!press)
                expand(index);
            return true;
        }
        const Entry &entry = entryFor(option, index);
        int card = -1;
        const QPoint pos = mouse->position().toPoint() - option.rect.topLeft();
        if (mouse->button() == Qt::LeftButton && m_charts
            && entry.layout->partAt(pos, &card) == BubbleLayout::Part::Card
            && entry.chartIds.value(card) != 0) {
            if (!press) {
                const qint64 id = entry.chartIds.at(card);
                const QRect rect = entry.layout->cardRect(card);
                if (m_charts->card(id).state == ChartCardCache::State::Failed
                    && ChartCard::retryRect(rect, option.font).contains(pos))
                    m_charts->refresh(id);
                else
                    Q_EMIT chartActivated(id);
            }
            return true;
        }
        if (mouse->button() == Qt::LeftButton
            && partAt(option, index, mouse->position().toPoint()) == BubbleLayout::Part::Action
            && entryFor(option, index).chrome.retry) {
            if (!press)
                Q_EMIT retryRequested(index.data(TranscriptModel::IdRole).toLongLong());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Entry &entry = entryFor(option, index);
    const BubbleLayout &layout = *entry.layout;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());
    if (entry.earlierVersion)
        painter->setOpacity(earlierVersionOpacity); // still readable, plainly not the current one

    MessageChrome::paintHeader(painter, option.font, entry.name, entry.time, layout.headerRect());

    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(layout.bubbleRect()), bubbleRadius, bubbleRadius);
    painter->fillPath(bubble, entry.user ? Theme::userBubble() : Theme::assistantBubble());
    if (!entry.code.isEmpty()) // under the text: the boxes and their Copy buttons
        CodeBlocks::paint(painter,
            CodeBlocks::layout(entry.code, layout.textRect().topLeft(), option.font), option.font);

    if (entry.document) {
        painter->save();
        const QRect text = layout.textRect();
        painter->translate(text.topLeft());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = option.palette;
        context.palette.setColor(QPalette::Text, Theme::text());
        // Only the part of the text in the view is drawn: QTextDocumentLayout skips the blocks
        // outside the clip, so a long message's paint costs its visible lines, not all of them.
        QRectF clip(0, 0, text.width() + 1, text.height() + 1);
        if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
            const QPoint origin = option.rect.topLeft() + text.topLeft();
            clip &= QRectF(view->viewport()->rect().translated(-origin));
        }
        context.clip = clip;
        painter->setClipRect(context.clip);
        if (m_selection.messageId == index.data(TranscriptModel::IdRole).toLongLong()
            && m_selection.start < m_selection.end) {
            const int last = entry.document->characterCount() - 1;
            QAbstractTextDocumentLayout::Selection selection;
            selection.cursor = QTextCursor(entry.document.get());
            selection.cursor.setPosition(std::min(m_selection.start, last));
            selection.cursor.setPosition(std::min(m_selection.end, last), QTextCursor::KeepAnchor);
            selection.format.setBackground(option.palette.brush(QPalette::Highlight));
            selection.format.setForeground(option.palette.brush(QPalette::HighlightedText));
            context.selections << selection;
        }
        if (!clip.isEmpty()) // an empty clip would mean "no clip" to the layout
            entry.document->documentLayout()->draw(painter, context);
        painter->restore();
    }
    MessageChrome::paintShowAll(painter, option.font, entry.showAll, layout.showAllRect());
    for (int i = 0; i < entry.cards.size(); ++i) {
        const qint64 chartId = entry.chartIds.value(i);
        if (!entry.chips.value(i).isEmpty()) {
            InterpretationCard::paint(painter, layout.cardRect(i), entry.chips.at(i), option.font);
        } else if (!entry.followups.value(i).isEmpty()) {
            FollowupCard::paint(painter, layout.cardRect(i), entry.followups.at(i), option.font);
        } else if (m_charts && chartId != 0) {
            const QRect rect = layout.cardRect(i);
            const qreal dpr = option.widget ? option.widget->devicePixelRatioF() : 1.0;
            m_charts->shown(chartId);
            ChartCard::paint(painter, rect, m_charts->card(chartId),
                m_charts->image(chartId, ChartCard::chartRect(rect, option.font).size(), dpr),
                option.font);
        } else {
            AssetCard::paint(painter, layout.cardRect(i), entry.cards.at(i), option.font);
        }
    }
    MessageChrome::paintStatus(painter, option.font, entry.chrome, m_pulse, layout.statusRect());
    if (entry.chrome.retry)
        MessageChrome::paintAction(painter, option.font, layout.actionRect());
    MessageChrome::paintFooter(
        painter, option.font, entry.chrome.footerText, m_pulse, layout.footerRect());
    painter->restore();
}
