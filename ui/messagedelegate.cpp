#include "messagedelegate.h"

#include "timeformat.h"
#include "transcriptmodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <cmath>

namespace {
const QColor userBubble(0xd8, 0xe8, 0xfd);
const QColor assistantBubble(0xf0, 0xf1, 0xf4);
const QColor bodyText(0x1f, 0x23, 0x28);
const QColor mutedText(0x6a, 0x72, 0x7d);
const QColor interruptedText(0xa1, 0x5c, 0x07);
const QColor errorFill(0xfd, 0xec, 0xea);
const QColor errorBorder(0xf1, 0xb8, 0xb3);
const QColor errorText(0xa3, 0x1f, 0x14);
constexpr int errorPadding = 8;
constexpr qreal bubbleRadius = 12;

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.88);
    return f;
}

// Markdown comes without spacing between blocks and with bare tables: give paragraphs and
// lists some air and tables a light grid with a shaded header row.
void polishDocument(QTextDocument *document)
{
    QSet<QTextTable *> styled;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        QTextTable *table = cursor.currentTable();
        if (table) {
            if (styled.contains(table))
                continue;
            styled.insert(table);
            QTextTableFormat format = table->format();
            format.setBorder(1);
            format.setBorderBrush(QColor(0xc8, 0xcc, 0xd2));
            format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            format.setBorderCollapse(true);
            format.setCellPadding(5);
            format.setCellSpacing(0);
            table->setFormat(format);
            for (int row = 0; row < table->rows(); ++row) {
                for (int column = 0; column < table->columns(); ++column) {
                    QTextTableCell cell = table->cellAt(row, column);
                    QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
                    cellFormat.setBackground(row == 0 ? QColor(0xe3, 0xe6, 0xeb) : Qt::white);
                    cellFormat.setLeftPadding(8);
                    cellFormat.setRightPadding(8);
                    cell.setFormat(cellFormat);
                }
            }
            continue;
        }
        const QTextBlock next = block.next();
        QTextBlockFormat format = block.blockFormat();
        format.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        if (next.isValid()) {
            const bool sameList = block.textList() && block.textList() == next.textList();
            format.setBottomMargin(sameList ? 3 : std::max<qreal>(format.bottomMargin(), 8));
        } else {
            format.setBottomMargin(0);
        }
        cursor.setBlockFormat(format);
    }
}
} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    m_cache.setMaxCost(400);
}

MessageDelegate::~MessageDelegate() = default;

int MessageDelegate::viewWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

void MessageDelegate::invalidate(const QModelIndex &index)
{
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    m_cache.remove(id);
    m_sizes.remove(id);
    Q_EMIT sizeHintChanged(index);
}

void MessageDelegate::clear()
{
    m_cache.clear();
    m_sizes.clear();
}

const MessageDelegate::Entry &MessageDelegate::entryFor(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    const int width = viewWidth(option);
    Entry *entry = m_cache.object(id);
    if (entry && entry->width == width
        && entry->updatedAt == index.data(TranscriptModel::UpdatedAtRole).toDateTime())
        return *entry;
    return *layOut(option, index, width);
}

MessageDelegate::Entry *MessageDelegate::layOut(
    const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    ++m_layoutCount;
    auto entry = std::make_unique<Entry>();
    entry->width = width;
    entry->updatedAt = index.data(TranscriptModel::UpdatedAtRole).toDateTime();
    entry->user = index.data(TranscriptModel::RoleRole).toString() == u"user";
    entry->name = entry->user ? tr("You") : tr("Assistant");
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    entry->time
        = TimeFormat::messageTime(index.data(TranscriptModel::CreatedAtRole).toDateTime(), now);

    const int maxText = BubbleLayout::maxTextWidth(width);
    QSize textSize;
    const QString text = index.data(TranscriptModel::TextRole).toString();
    if (!text.trimmed().isEmpty()) {
        entry->document = std::make_unique<QTextDocument>();
        entry->document->setDefaultFont(option.font);
        entry->document->setDocumentMargin(0);
        entry->document->setMarkdown(text);
        polishDocument(entry->document.get());
        entry->document->setTextWidth(maxText);
        const int ideal = int(std::ceil(entry->document->idealWidth()));
        textSize
            = QSize(std::min(ideal, maxText), int(std::ceil(entry->document->size().height())));
    }

    const QString status = index.data(TranscriptModel::StatusRole).toString();
    const QString error = index.data(TranscriptModel::ErrorRole).toString();
    if (status == u"streaming") {
        entry->status = StatusKind::Streaming;
        entry->statusText = tr("Streaming…");
    } else if (status == u"pending") {
        entry->status = StatusKind::Pending;
        entry->statusText = tr("Sending…");
    } else if (status == u"interrupted") {
        entry->status = StatusKind::Interrupted;
        entry->statusText = error.isEmpty() ? tr("Interrupted") : tr("Interrupted: %1").arg(error);
    } else if (status == u"error") {
        entry->status = StatusKind::Error;
        entry->statusText = error.isEmpty() ? tr("The answer failed.") : error;
    }
    QSize statusSize;
    if (entry->status != StatusKind::None) {
        const QFontMetrics fm(smallFont(option.font));
        const int pad = entry->status == StatusKind::Error ? errorPadding : 0;
        const QRect r = fm.boundingRect(
            QRect(0, 0, maxText - 2 * pad, 100000), Qt::TextWordWrap, entry->statusText);
        statusSize = QSize(r.width() + 2 * pad, r.height() + 2 * pad);
        if (entry->status == StatusKind::Error)
            statusSize.setWidth(std::max(statusSize.width(), std::min(maxText, textSize.width())));
    }

    const QFont headerFont = smallFont(option.font);
    QFont bold = headerFont;
    bold.setBold(true);
    const int headerWidth = QFontMetrics(bold).horizontalAdvance(entry->name)
        + QFontMetrics(headerFont).horizontalAdvance(u"  ·  "_qs + entry->time) + 2;
    const QSize headerSize(headerWidth, QFontMetrics(bold).height());

    entry->layout.emplace(width, entry->user ? BubbleLayout::Side::Right : BubbleLayout::Side::Left,
        headerSize, textSize, statusSize);
    Entry *raw = entry.get();
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    m_sizes.insert(id, { raw->updatedAt, width, raw->layout->sizeHint() });
    m_cache.insert(id, entry.release());
    return raw;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto known = m_sizes.constFind(index.data(TranscriptModel::IdRole).toLongLong());
    if (known != m_sizes.constEnd() && known->width == viewWidth(option)
        && known->updatedAt == index.data(TranscriptModel::UpdatedAtRole).toDateTime())
        return known->size;
    return entryFor(option, index).layout->sizeHint();
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Entry &entry = entryFor(option, index);
    const BubbleLayout &layout = *entry.layout;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());

    paintHeader(painter, option, entry, layout.headerRect());

    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(layout.bubbleRect()), bubbleRadius, bubbleRadius);
    painter->fillPath(bubble, entry.user ? userBubble : assistantBubble);

    if (entry.document) {
        painter->save();
        const QRect text = layout.textRect();
        painter->translate(text.topLeft());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = option.palette;
        context.palette.setColor(QPalette::Text, bodyText);
        context.clip = QRectF(0, 0, text.width() + 1, text.height() + 1);
        painter->setClipRect(context.clip);
        entry.document->documentLayout()->draw(painter, context);
        painter->restore();
    }
    paintStatus(painter, option, entry, layout.statusRect());
    painter->restore();
}

void MessageDelegate::paintHeader(QPainter *painter, const QStyleOptionViewItem &option,
    const Entry &entry, const QRect &rect) const
{
    const QFont headerFont = smallFont(option.font);
    QFont bold = headerFont;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(bodyText);
    const int nameWidth = QFontMetrics(bold).horizontalAdvance(entry.name);
    painter->drawText(QRect(rect.left(), rect.top(), nameWidth + 1, rect.height()),
        Qt::AlignLeft | Qt::AlignVCenter, entry.name);
    painter->setFont(headerFont);
    painter->setPen(mutedText);
    painter->drawText(rect.adjusted(nameWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
        u"  ·  "_qs + entry.time);
}

void MessageDelegate::paintStatus(QPainter *painter, const QStyleOptionViewItem &option,
    const Entry &entry, const QRect &rect) const
{
    if (entry.status == StatusKind::None)
        return;
    QFont font = smallFont(option.font);
    QRect textRect = rect;
    QColor colour = mutedText;
    switch (entry.status) {
    case StatusKind::Error: {
        QPainterPath box;
        box.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        painter->fillPath(box, errorFill);
        painter->setPen(errorBorder);
        painter->drawPath(box);
        textRect = rect.adjusted(errorPadding, errorPadding, -errorPadding, -errorPadding);
        colour = errorText;
        break;
    }
    case StatusKind::Interrupted:
        colour = interruptedText;
        break;
    case StatusKind::Pending:
    case StatusKind::Streaming:
        font.setItalic(true);
        break;
    case StatusKind::None:
        break;
    }
    painter->setFont(font);
    painter->setPen(colour);
    painter->drawText(textRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, entry.statusText);
}
