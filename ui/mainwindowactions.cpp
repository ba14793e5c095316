// MainWindow's menus and toolbar, the Conversation menu's commands (rename, delete, export
// and copy as Markdown) and the Help menu's dialogs (declared in mainwindow.h; kept apart so
// mainwindow.cpp stays about the window's panes and the conversation shown).
#include "app/core/chatsession.h"
#include "models/conversationlistmodel.h"
#include "models/database.h"
#include "models/repository.h"
#include "ui/aboutdialog.h"
#include "ui/conversationexportflow.h"
#include "ui/conversationsidebar.h"
#include "ui/mainwindow.h"
#include "ui/shortcutsdialog.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QToolBar>

using namespace Qt::StringLiterals;

void MainWindow::createActions()
{
    auto *newAction
        = new QAction(QIcon::fromTheme(u"document-new"_s), tr("&New Conversation"), this);
    newAction->setObjectName(u"actionNew"_s);
    newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    newAction->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    connect(newAction, &QAction::triggered, this, &MainWindow::newConversation);

    m_renameAction = new QAction(QIcon::fromTheme(u"edit-rename"_s), tr("&Rename…"), this);
    m_renameAction->setObjectName(u"actionRename"_s);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setToolTip(tr("Rename this conversation (F2)"));
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::renameConversation);

    m_deleteAction = new QAction(QIcon::fromTheme(u"edit-delete"_s), tr("&Delete…"), this);
    m_deleteAction->setObjectName(u"actionDelete"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Only from the list: in a text field the Delete key deletes text.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_sidebar->conversationList()->addAction(m_deleteAction);
    m_deleteAction->setToolTip(tr("Delete this conversation (Delete in the list)"));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteConversation);

    m_exportAction = new QAction(QIcon::fromTheme(u"document-export"_s), tr("&Export…"), this);
    m_exportAction->setObjectName(u"actionExport"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Save this conversation as HTML, PDF, Markdown or JSON (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportConversation);

    m_copyMarkdownAction
        = new QAction(QIcon::fromTheme(u"edit-copy"_s), tr("Copy as &Markdown"), this);
    m_copyMarkdownAction->setObjectName(u"actionCopyMarkdown"_s);
    m_copyMarkdownAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(
        m_copyMarkdownAction, &QAction::triggered, this, &MainWindow::copyConversationAsMarkdown);

    auto *searchAction = new QAction(QIcon::fromTheme(u"edit-find"_s), tr("&Search History"), this);
    searchAction->setObjectName(u"actionSearch"_s);
    searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    searchAction->setToolTip(tr("Search all conversations (Ctrl+K)"));
    connect(searchAction, &QAction::triggered, this, &MainWindow::openSearch);
    auto *filterAction = new QAction(tr("&Filter Conversations"), this);
    filterAction->setObjectName(u"actionFilterConversations"_s);
    filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(filterAction, &QAction::triggered, m_sidebar, &ConversationSidebar::focusSearch);

    m_settingsAction
        = new QAction(QIcon::fromTheme(u"preferences-system"_s), tr("Se&ttings…"), this);
    m_settingsAction->setObjectName(u"actionSettings"_s);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setToolTip(tr("Choose where answers come from (Ctrl+,)"));
    m_settingsAction->setEnabled(false);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_importAction = new QAction(QIcon::fromTheme(u"document-import"_s), tr("&Import CSV…"), this);
    m_importAction->setObjectName(u"actionImportCsv"_s);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import a CSV file as a dataset to ask about (Ctrl+I)"));
    m_importAction->setEnabled(false);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importCsv);

    // Esc stops the answer being written, wherever the focus is in this window (dialogs and the
    // chart window take their own Esc); while nothing streams the key goes to the widget.
    m_stopAction = new QAction(tr("&Stop Answer"), this);
    m_stopAction->setObjectName(u"actionStopAnswer"_s);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stopAction->setEnabled(false);
    connect(m_stopAction, &QAction::triggered, &m_session, &ChatSession::stop);
    addAction(m_stopAction);

    // The last turn's versions (ChatSession::resend, regenerate); the transcript's context menu
    // offers them on the last question and answer too.
    m_editLastAction = new QAction(tr("&Edit Last Question"), this);
    m_editLastAction->setObjectName(u"actionEditLastQuestion"_s);
    m_editLastAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_editLastAction->setEnabled(false);
    connect(m_editLastAction, &QAction::triggered, this, [this] { editQuestion(); });
    addAction(m_editLastAction);
    m_regenerateAction = new QAction(tr("Re&generate Last Answer"), this);
    m_regenerateAction->setObjectName(u"actionRegenerateAnswer"_s);
    m_regenerateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_regenerateAction->setEnabled(false);
    connect(m_regenerateAction, &QAction::triggered, this, [this] { regenerate(); });
    addAction(m_regenerateAction);

    auto *quitAction = new QAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this);
    quitAction->setObjectName(u"actionQuit"_s);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(newAction);
    file->addAction(m_importAction);
    m_fileMenu = file;
    m_fileExtras = file->addSeparator();
    file->addAction(quitAction);
    QMenu *conversation = menuBar()->addMenu(tr("&Conversation"));
    conversation->addAction(m_stopAction);
    conversation->addAction(m_editLastAction);
    conversation->addAction(m_regenerateAction);
    conversation->addSeparator();
    conversation->addAction(m_renameAction);
    conversation->addAction(m_deleteAction);
    conversation->addSeparator();
    conversation->addAction(m_exportAction);
    conversation->addAction(m_copyMarkdownAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(searchAction);
    edit->addAction(filterAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcutsAction = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(*this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    shortcutsAction->setObjectName(u"actionKeyboardShortcuts"_s);
    QAction *aboutAction = help->addAction(tr("&About Chartroom"), this, [this] {
        const Database &database = m_repository.database();
        auto *dialog = new AboutDialog(
            database.hasFile() ? QFileInfo(database.path()).absolutePath() : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    aboutAction->setObjectName(u"actionAbout"_s);
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(newAction);
    toolBar->addAction(m_renameAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    toolBar->addAction(searchAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_settingsAction);
}

void MainWindow::addFileMenuAction(QAction *action)
{
    m_fileMenu->insertAction(m_fileExtras, action);
    addAction(action); // its shortcut works wherever the focus is
}

void MainWindow::renameConversation()
{
    const qint64 id = currentConversation();
    if (id == 0)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(
        this, tr("Rename Conversation"), tr("Title:"), QLineEdit::Normal, currentTitle(), &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    if (StoreStatus error = m_repository.renameConversation(id, title.trimmed()))
        showStoreError(tr("Renaming the conversation"), error->message);
}

void MainWindow::deleteConversation()
{
    const qint64 id = currentConversation();
    if (id == 0)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete Conversation"),
        tr("Delete “%1”?").arg(ConversationListModel::displayTitle(currentTitle())),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Its messages and charts are removed from this computer."));
    box.button(QMessageBox::Yes)->setText(tr("Delete"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    if (StoreStatus error = m_repository.deleteConversation(id))
        showStoreError(tr("Deleting the conversation"), error->message);
}
void MainWindow::setChartImageRenderer(ChartImageRenderer renderer)
{
    m_exportFlow->setChartImageRenderer(std::move(renderer));
}

void MainWindow::exportConversation()
{
    const qint64 id = currentConversation();
    if (id == 0)
        return;
    m_exportFlow->exportConversation(id, currentTitle());
}

void MainWindow::copyConversationAsMarkdown()
{
    const qint64 id = currentConversation();
    if (id == 0)
        return;
    if (const QString error = m_exportFlow->copyAsMarkdown(id); !error.isEmpty())
        showStoreError(tr("Copying the conversation"), error);
}
