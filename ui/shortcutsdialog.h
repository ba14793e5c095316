#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QMainWindow;
class QTreeWidget;

// Help ▸ Keyboard Shortcuts: every shortcut the window has, by where it works. The actions come
// from the window itself (each menu's actions with a shortcut, then its other actions with one,
// such as the composer's Send), so a new action shows up here by itself; then the keys that
// widgets handle themselves (the transcript's scrolling and selection, the filter's Esc, the
// search palette's arrows), which no QAction carries and are listed by hand, each as the code
// that handles it does.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString section; // "File", "Composer", "Transcript", ...
        QString what; // "New Conversation", "Send"
        QString keys; // "Ctrl+N", or several: "Ctrl+Return, Ctrl+Enter"
    };

    explicit ShortcutsDialog(const QMainWindow &window, QWidget *parent = nullptr);

    // What the dialog lists for `window`, in its order.
    static QList<Entry> entries(const QMainWindow &window);
    QTreeWidget *tree() const { return m_tree; }

private:
    static QList<Entry> widgetKeys();

    QTreeWidget *m_tree;
};
