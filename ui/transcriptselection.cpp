#include "ui/transcriptselection.h"

#include "app/core/assetsummary.h"
#include "models/transcriptmodel.h"
#include "ui/chart/chartcardcache.h"
#include "ui/messagedelegate.h"
#include "ui/messagetext.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
// The view's own item options (as it paints them): initViewItemOption is protected.
struct ViewAccess : QAbstractItemView
{
    using QAbstractItemView::initViewItemOption;
};

// The keys that extend a selection, and how each moves its end.
constexpr std::array<std::pair<QKeySequence::StandardKey, QTextCursor::MoveOperation>, 10> moves {
    { { QKeySequence::SelectNextChar, QTextCursor::NextCharacter },
        { QKeySequence::SelectPreviousChar, QTextCursor::PreviousCharacter },
        { QKeySequence::SelectNextWord, QTextCursor::NextWord },
        { QKeySequence::SelectPreviousWord, QTextCursor::PreviousWord },
        { QKeySequence::SelectNextLine, QTextCursor::Down },
        { QKeySequence::SelectPreviousLine, QTextCursor::Up },
        { QKeySequence::SelectStartOfLine, QTextCursor::StartOfLine },
        { QKeySequence::SelectEndOfLine, QTextCursor::EndOfLine },
        { QKeySequence::SelectStartOfDocument, QTextCursor::Start },
        { QKeySequence::SelectEndOfDocument, QTextCursor::End } }
};

// The names of message `index`'s charts (Luzmo items, Looker charts), as their cards head them.
QStringList chartNames(const QModelIndex &index)
{
    QStringList names;
    for (const QVariant &asset : index.data(TranscriptModel::AssetsRole).toList()) {
        if (ChartCardCache::isChartAsset(asset.toMap().value(u"type"_s).toString()))
            names << AssetSummary::fromAsset(asset.toMap()).headline();
    }
    return names;
}
} // namespace

TranscriptSelection::TranscriptSelection(QAbstractItemView *view, MessageDelegate *delegate)
    : QObject(view)
    , m_view(view)
    , m_delegate(delegate)
{
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
}

TranscriptSelection *TranscriptSelection::attach(QAbstractItemView *view, MessageDelegate *delegate)
{
    return new TranscriptSelection(view, delegate);
}

bool TranscriptSelection::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::MouseButtonRelease:
        if (watched == m_view->viewport())
            return mouseEvent(static_cast<QMouseEvent *>(event));
        break;
    case QEvent::ContextMenu:
        if (watched == m_view->viewport())
            return contextMenu(static_cast<QContextMenuEvent *>(event));
        break;
    case QEvent::KeyPress:
    case QEvent::ShortcutOverride:
        return keyEvent(static_cast<QKeyEvent *>(event), event->type() == QEvent::ShortcutOverride);
    case QEvent::Paint:
        // The selected row is gone (another conversation, a deleted message): paint none.
        if (!m_row.isValid())
            m_delegate->setSelection(0, 0, 0);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

bool TranscriptSelection::mouseEvent(QMouseEvent *event)
{
    // The view and the delegate see every mouse event as before (current row, links, cards).
    const QPoint pos = event->position().toPoint();
    if (event->type() == QEvent::MouseMove) {
        if (m_dragging && (event->buttons() & Qt::LeftButton) && m_row.isValid())
            select(m_row, m_anchor, positionAt(m_row, pos, false));
        return false;
    }
    if (event->button() != Qt::LeftButton)
        return false;
    if (event->type() == QEvent::MouseButtonRelease) {
        m_dragging = false;
        return false;
    }
    const QModelIndex index = m_view->indexAt(pos);
    const int at = index.isValid() ? positionAt(index, pos, true) : -1;
    if (at < 0) {
        m_dragging = false;
        clear();
        return false;
    }
    if (event->type() == QEvent::MouseButtonDblClick) {
        QTextCursor word(m_delegate->textDocument(optionFor(index), index, nullptr));
        word.setPosition(at);
        word.select(QTextCursor::WordUnderCursor);
        select(index, word.anchor(), word.position());
        m_dragging = false;
    } else {
        select(index, at, at);
        m_dragging = true;
    }
    return false;
}

bool TranscriptSelection::keyEvent(QKeyEvent *event, bool shortcutOverride)
{
    // A shortcut override is accepted for the keys handled here, so no window shortcut takes them.
    const auto handled = [&](auto &&action) {
        if (shortcutOverride)
            event->accept();
        else
            action();
        return true;
    };
    if (event->matches(QKeySequence::Copy)) {
        if (selectedText().isEmpty())
            return false; // the view's own copy: the current message
        return handled([this] { copy(); });
    }
    if (event->matches(QKeySequence::SelectAll)) {
        const QModelIndex row = m_row.isValid() ? QModelIndex(m_row) : m_view->currentIndex();
        if (!row.isValid() || !m_delegate->textDocument(optionFor(row), row, nullptr))
            return false;
        return handled([&] { selectAll(row); });
    }
    for (const auto &[key, move] : moves) {
        if (!event->matches(key))
            continue;
        QTextCursor extended = cursor();
        if (extended.isNull())
            return false;
        return handled([&, move = move] {
            extended.movePosition(move, QTextCursor::KeepAnchor);
            select(m_row, extended.anchor(), extended.position());
        });
    }
    return false;
}

bool TranscriptSelection::contextMenu(QContextMenuEvent *event)
{
    const QModelIndex index = m_view->indexAt(event->pos());
    const bool onText = index.isValid() && positionAt(index, event->pos(), true) >= 0;
    if (!index.isValid() && selectedText().isEmpty())
        return false;
    auto *menu = new QMenu(m_view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copyAction = menu->addAction(tr("&Copy"), this, &TranscriptSelection::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(!selectedText().isEmpty());
    const QPersistentModelIndex row = onText ? QPersistentModelIndex(index) : m_row;
    QAction *all = menu->addAction(tr("Select &All"), this, [this, row] {
        if (row.isValid())
            selectAll(row);
    });
    all->setShortcut(QKeySequence::SelectAll);
    all->setEnabled(row.isValid());
    if (index.isValid()) {
        // The whole message under the mouse, however much of it its bubble shows.
        const QPersistentModelIndex message(index);
        // The whole text is read (a cut one from the store) only when a copy is chosen.
        const bool hasText
            = !index.data(TranscriptModel::PreviewTextRole).toString().trimmed().isEmpty()
            || index.data(TranscriptModel::TextCutRole).toBool() || !chartNames(index).isEmpty();
        const auto addCopy = [&](const QString &name, auto format) {
            menu->addAction(name, this,
                    [message, format] {
                        if (message.isValid())
                            QGuiApplication::clipboard()->setText(
                                format(message.data(TranscriptModel::TextRole).toString(),
                                    chartNames(message)));
                    })
                ->setEnabled(hasText);
        };
        menu->addSeparator();
        addCopy(tr("Copy Message as &Text"),
            qOverload<const QString &, const QStringList &>(&MessageText::plainText));
        addCopy(tr("Copy Message as &Markdown"), &MessageText::markdown);
        if (m_extendMenu)
            m_extendMenu(menu, index);
    }
    menu->popup(event->globalPos());
    return true;
}

QStyleOptionViewItem TranscriptSelection::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    (m_view->*&ViewAccess::initViewItemOption)(&option);
    option.rect = m_view->visualRect(index);
    return option;
}

int TranscriptSelection::positionAt(const QModelIndex &index, QPoint pos, bool inside) const
{
    QRect text;
    const QTextDocument *document = m_delegate->textDocument(optionFor(index), index, &text);
    if (!document || (inside && !text.contains(pos)))
        return -1;
    // Above the text: its start; below it: its end; beside a line: that line's nearest end.
    const QPointF at = pos - text.topLeft();
    if (at.y() < 0)
        return 0;
    if (at.y() >= document->size().height())
        return document->characterCount() - 1;
    const QPointF clamped(std::clamp<qreal>(at.x(), 0, document->textWidth() - 1), at.y());
    return std::max(0, document->documentLayout()->hitTest(clamped, Qt::FuzzyHit));
}

QTextCursor TranscriptSelection::cursor() const
{
    QTextDocument *document
        = m_row.isValid() ? m_delegate->textDocument(optionFor(m_row), m_row, nullptr) : nullptr;
    if (!document)
        return {};
    // The text may have changed since (a streaming answer): keep the ends inside it.
    const int last = document->characterCount() - 1;
    QTextCursor cursor(document);
    cursor.setPosition(std::min(m_anchor, last));
    cursor.setPosition(std::min(m_position, last), QTextCursor::KeepAnchor);
    return cursor;
}

QString TranscriptSelection::selectedText() const
{
    const QTextCursor selected = cursor();
    return selected.isNull() ? QString() : selected.selection().toPlainText();
}

void TranscriptSelection::select(const QModelIndex &index, int anchor, int position)
{
    m_row = index;
    m_anchor = anchor;
    m_position = position;
    m_delegate->setSelection(index.data(TranscriptModel::IdRole).toLongLong(),
        std::min(anchor, position), std::max(anchor, position));
    m_view->viewport()->update();
}

void TranscriptSelection::selectAll(const QModelIndex &index)
{
    if (const QTextDocument *document = m_delegate->textDocument(optionFor(index), index, nullptr))
        select(index, 0, document->characterCount() - 1);
}

void TranscriptSelection::clear()
{
    if (!m_row.isValid())
        return;
    m_row = QPersistentModelIndex();
    m_delegate->setSelection(0, 0, 0);
    m_view->viewport()->update();
}

void TranscriptSelection::copy() const
{
    if (const QString text = selectedText(); !text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}
