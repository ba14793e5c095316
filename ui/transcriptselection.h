#pragma once

#include <QObject>
#include <QPersistentModelIndex>

#include <functional>

class MessageDelegate;
class QAbstractItemView;
class QContextMenuEvent;
class QKeyEvent;
class QMenu;
class QMouseEvent;
class QStyleOptionViewItem;
class QTextCursor;

// Selecting the text of one transcript message, as in a text view: press and drag inside a
// bubble's text selects, a double-click selects a word, Shift+arrows (and the other selection
// keys) extend the selection, Ctrl+A selects the current message's whole text, and Ctrl+C or the
// context menu's Copy put the selected plain text on the clipboard; the context menu's Copy
// Message as Text / as Markdown copy the whole message under the mouse (MessageText). A press
// outside the text (links, cards, Retry) or a click without a drag selects nothing and reaches
// the delegate as before; with nothing selected, Ctrl+C is left to the view. The delegate paints
// the selection.
class TranscriptSelection : public QObject
{
    Q_OBJECT
public:
    // Selects in `view`'s rows, painted by `delegate` (its item delegate); owned by `view`.
    static TranscriptSelection *attach(QAbstractItemView *view, MessageDelegate *delegate);

    // The selected plain text (empty: none).
    QString selectedText() const;
    // Selects nothing.
    void clear();
    // Adds the view's own actions for message `index` to its context menu, after the copies.
    using MenuExtender = std::function<void(QMenu *menu, const QModelIndex &index)>;
    void setMenuExtender(MenuExtender extend) { m_extendMenu = std::move(extend); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    TranscriptSelection(QAbstractItemView *view, MessageDelegate *delegate);

    bool mouseEvent(QMouseEvent *event);
    bool keyEvent(QKeyEvent *event, bool shortcutOverride);
    bool contextMenu(QContextMenuEvent *event);
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    // The cursor position in row `index`'s text nearest `pos` (viewport coordinates); -1 when
    // the row has no text, or (`inside`) when `pos` is not on it.
    int positionAt(const QModelIndex &index, QPoint pos, bool inside) const;
    // A cursor over the selected row's text, anchor and position set (null document: none).
    QTextCursor cursor() const;
    void select(const QModelIndex &index, int anchor, int position);
    // Selects the whole text of row `index` (none: nothing changes).
    void selectAll(const QModelIndex &index);
    void copy() const;

    QAbstractItemView *m_view;
    MessageDelegate *m_delegate;
    QPersistentModelIndex m_row; // the message whose text has the selection
    int m_anchor = 0;
    int m_position = 0;
    bool m_dragging = false;
    MenuExtender m_extendMenu;
};
