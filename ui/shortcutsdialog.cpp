#include "ui/shortcutsdialog.h"

#include "ui/composer.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// An action's text as a menu shows it, without the mnemonic's & and the trailing ellipsis.
QString plainName(const QAction *action)
{
    QString name = action->text();
    name.replace(u"&&"_s, u"\x1"_s).remove(u'&').replace(u'\x1', u'&');
    if (name.endsWith(u'…'))
        name.chop(1);
    return name.trimmed();
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys << key.toString(QKeySequence::NativeText);
    return keys.join(u", "_s);
}

QString key(QKeySequence::StandardKey standard)
{
    return QKeySequence(standard).toString(QKeySequence::NativeText);
}

QString key(QKeyCombination combination)
{
    return QKeySequence(combination).toString(QKeySequence::NativeText);
}

} // namespace

// Keys that widgets handle in their own event code, not through an action: each line as the
// code named beside it does it.
QList<ShortcutsDialog::Entry> ShortcutsDialog::widgetKeys()
{
    const QString composer = tr("Composer");
    const QString transcript = tr("Transcript");
    const QString list = tr("Conversation list");
    const QString palette = tr("Search palette");
    const QString chart = tr("Chart window");
    const QString orKey = u", "_s;
    return {
        // QPlainTextEdit's own Return (Composer's Send is Ctrl+Return).
        { composer, tr("New line in the question"), key(Qt::Key_Return) },
        // TranscriptView::keyPressEvent.
        { transcript, tr("First message (loads the older ones)"), key(Qt::Key_Home) },
        { transcript, tr("Newest message"), key(Qt::Key_End) },
        { transcript, tr("Scroll a page"), key(Qt::Key_PageUp) + orKey + key(Qt::Key_PageDown) },
        { transcript, tr("Scroll a line"), key(Qt::Key_Up) + orKey + key(Qt::Key_Down) },
        // TranscriptSelection::keyEvent.
        { transcript, tr("Select the message's text"), key(QKeySequence::SelectAll) },
        { transcript, tr("Extend the selection"),
            key(QKeySequence::SelectNextChar) + orKey + key(QKeySequence::SelectPreviousChar) },
        { transcript, tr("Copy the selected text (none: the current message)"),
            key(QKeySequence::Copy) },
        // ConversationSidebar::eventFilter.
        { list, tr("Clear the filter"), key(Qt::Key_Escape) },
        { list, tr("Last conversation (loads them all)"), key(Qt::Key_End) },
        // SearchDialog::eventFilter, and QDialog's Esc.
        { palette, tr("Next or previous hit"), key(Qt::Key_Down) + orKey + key(Qt::Key_Up) },
        { palette, tr("Five hits down or up"),
            key(Qt::Key_PageDown) + orKey + key(Qt::Key_PageUp) },
        { palette, tr("Open the hit"), key(Qt::Key_Return) },
        { palette, tr("Close the palette"), key(Qt::Key_Escape) },
        // ChartPanel::keyPressEvent.
        { chart, tr("Close the chart window"), key(Qt::Key_Escape) },
    };
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(const QMainWindow &window)
{
    QList<Entry> out;
    QSet<const QAction *> listed;
    // The menus' actions, menu by menu (submenus under their menu's name).
    const auto addMenu = [&](const auto &self, const QMenu *menu, const QString &section) -> void {
        for (const QAction *action : menu->actions()) {
            if (action->menu())
                self(self, action->menu(), section);
            else if (!action->shortcuts().isEmpty() && !listed.contains(action)) {
                listed.insert(action);
                out << Entry { section, plainName(action), keysOf(action) };
            }
        }
    };
    if (const QMenuBar *bar = window.menuBar()) {
        for (const QAction *top : bar->actions()) {
            if (top->menu())
                addMenu(addMenu, top->menu(), plainName(top));
        }
    }
    // The window's other actions with a shortcut (in no menu): the composer's, the window's own.
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || listed.contains(action)
            || action->associatedObjects().isEmpty())
            continue;
        listed.insert(action);
        const bool inComposer = qobject_cast<const Composer *>(action->parent()) != nullptr;
        out << Entry { inComposer ? tr("Composer") : tr("Window"), plainName(action),
            keysOf(action) };
    }
    out << widgetKeys();
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QMainWindow &window, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree->setObjectName(u"shortcutsTree"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Action"), tr("Shortcut") });
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->setUniformRowHeights(true);
    QTreeWidgetItem *section = nullptr;
    for (const Entry &entry : entries(window)) {
        if (!section || section->text(0) != entry.section) {
            section = new QTreeWidgetItem(m_tree, { entry.section });
            section->setFirstColumnSpanned(true);
            QFont bold = section->font(0);
            bold.setBold(true);
            section->setFont(0, bold);
            section->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(section, { entry.what, entry.keys });
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(560, 620);
}
