#include "ui/mainwindow.h"

#include "app/core/backendregistry.h"
#include "app/core/chatsession.h"
#include "app/core/csvimporter.h"
#include "app/export/conversationexporter.h"
#include "models/conversationlistmodel.h"
#include "models/repository.h"
#include "models/transcriptmodel.h"
#include "ui/chart/chartcardcache.h"
#include "ui/chart/chartpanel.h"
#include "ui/composer.h"
#include "ui/conversationsidebar.h"
#include "ui/csvimportflow.h"
#include "ui/emptystatewidget.h"
#include "ui/errorbanner.h"
#include "ui/searchdialog.h"
#include "ui/settingsdialog.h"
#include "ui/transcriptview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const auto geometryKey = u"mainWindow/geometry"_s;
const auto stateKey = u"mainWindow/state"_s;
const auto splitterKey = u"mainWindow/splitter"_s;
const auto conversationKey = u"mainWindow/conversation"_s;

const auto windowStyle = uR"(
#sidebar { background: #f5f6f8; }
#sidebar QListView { background: #f5f6f8; }
#searchField { padding: 5px 8px; border: 1px solid #d0d4da; border-radius: 7px;
               background: white; }
#searchField:focus { border-color: #5b9cf0; }
#noSearchHits { color: #6a727d; }
#chatPane, #transcriptView, #emptyState { background: white; }
#emptyStateTitle { color: #1f2328; }
#emptyStateHint { color: #6a727d; }
#examplePrompt { padding: 9px 14px; border: 1px solid #d7dbe1; border-radius: 9px;
                 background: #f7f8fa; color: #1f2328; text-align: left; }
#examplePrompt:hover { background: #eef3fb; border-color: #a9c6ee; }
#composerFrame { border: 1px solid #cfd4db; border-radius: 10px; background: white; }
#composerEdit { background: white; }
#sendButton { padding: 4px 14px; border-radius: 6px; border: 1px solid #2f6fd0;
               background: #3a7be0; color: white; font-weight: 600; }
#sendButton:hover { background: #2f6fd0; }
#sendButton:disabled { background: #e6e9ee; border-color: #d5d9df; color: #9aa1ab; }
#stopButton { padding: 4px 14px; border-radius: 6px; border: 1px solid #d5d9df;
               background: white; color: #1f2328; }
#stopButton:disabled { background: #f3f4f6; color: #a5abb4; }
#errorBanner { background: #fdecea; border: 1px solid #f1b8b3; border-radius: 7px; }
#errorBannerText { color: #8a1c12; }
QStatusBar { background: #f5f6f8; border-top: 1px solid #e1e4e8; }
QStatusBar::item { border: none; }
#backendLabel { color: #6a727d; padding: 0 6px; }
)"_s;
} // namespace

MainWindow::MainWindow(
    Repository &repository, ChatSession &session, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_repository(repository)
    , m_session(session)
    , m_ownedSettings(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_ownedSettings.get())
    , m_transcript(new TranscriptModel(repository, 50, this))
    , m_sidebar(new ConversationSidebar(repository, this))
    , m_view(new TranscriptView(this))
    , m_empty(new EmptyStateWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_error(new ErrorBanner(this))
    , m_composer(new Composer(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(u"mainWindow"_s);
    setStyleSheet(windowStyle);
    m_view->setObjectName(u"transcriptView"_s);
    m_view->setTranscriptModel(m_transcript);
    m_charts = new ChartCardCache(m_repository, this);
    m_charts->setClientProvider([this](const QString &backend) -> LuzmoClient * {
        return m_backends ? m_backends->clientFor(backend) : nullptr;
    });
    m_view->setChartCache(m_charts);
    connect(m_view, &TranscriptView::chartActivated, this, &MainWindow::openChart);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    auto *chatPane = new QWidget(this);
    chatPane->setObjectName(u"chatPane"_s);
    auto *chatLayout = new QVBoxLayout(chatPane);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->setSpacing(0);
    chatLayout->addWidget(m_stack, 1);
    auto *bannerRow = new QVBoxLayout;
    bannerRow->setObjectName(u"bannerRow"_s);
    bannerRow->setContentsMargins(18, 6, 18, 0);
    bannerRow->setSpacing(6);
    bannerRow->addWidget(m_error);
    chatLayout->addLayout(bannerRow);
    chatLayout->addWidget(m_composer);

    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(chatPane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 290, 810 });
    setCentralWidget(m_splitter);

    createActions();

    connect(
        m_sidebar, &ConversationSidebar::conversationChosen, this, &MainWindow::openConversation);
    connect(m_sidebar, &ConversationSidebar::searchFailed, m_error, &ErrorBanner::showError);
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::send);
    connect(m_composer, &Composer::stopRequested, &m_session, &ChatSession::stop);
    connect(m_empty, &EmptyStateWidget::promptChosen, this, [this](const QString &prompt) {
        m_composer->setText(prompt);
        m_composer->focusEditor();
    });
    connect(&m_session, &ChatSession::busyChanged, this, &MainWindow::updateBusy);
    connect(&m_session, &ChatSession::progressChanged, m_view, &TranscriptView::setProgress);
    // Every delta reaches the view at once (the view bounds its own repaint rate).
    connect(
        &m_session, &ChatSession::answerTextChanged, m_transcript, &TranscriptModel::setLiveText);
    connect(&m_session, &ChatSession::failed, m_error, &ErrorBanner::showError);
    // The answer joined the stored copy of its remote conversation: show that one.
    connect(&m_session, &ChatSession::conversationMoved, this, [this](qint64 from, qint64 into) {
        if (currentConversation() == from || currentConversation() == 0) {
            openConversation(into);
            m_view->scrollToNewest();
        }
    });
    connect(m_view, &TranscriptView::retryRequested, this, &MainWindow::retry);
    connect(m_view, &TranscriptView::followupRequested, this, &MainWindow::send);
    connect(m_transcript, &QAbstractItemModel::modelReset, this, &MainWindow::updateState);
    connect(&m_repository, &Repository::conversationChanged, this, [this](const Conversation &c) {
        if (c.id == currentConversation())
            updateState();
    });
    connect(&m_repository, &Repository::conversationRemoved, this,
        [this] { m_sidebar->refreshSearch(); });
    updateBusy(m_session.isBusy());

    m_backendLabel = new QLabel(this);
    m_backendLabel->setObjectName(u"backendLabel"_s);
    statusBar()->addWidget(m_backendLabel, 1);
    statusBar()->setSizeGripEnabled(false);
    updateBackendLabel();

    resize(1100, 720);
    restoreSettings();
    updateState();
    m_composer->focusEditor();
}

MainWindow::~MainWindow() = default;

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

qint64 MainWindow::currentConversation() const
{
    return m_transcript->conversationId();
}

void MainWindow::openConversation(qint64 id, qint64 messageId)
{
    if (id != 0 && !m_repository.conversation(id)) {
        showStoreError(
            tr("Opening the conversation"), m_repository.conversation(id).error().message);
        return;
    }
    m_stack->setCurrentWidget(id ? static_cast<QWidget *>(m_view) : m_empty);
    if (id != currentConversation())
        m_transcript->setConversation(id);
    m_sidebar->setCurrentConversation(id);
    if (messageId != 0) {
        // An older message: load pages until it is there.
        while (m_transcript->rowOf(messageId) < 0 && m_transcript->canFetchMore({}))
            m_transcript->fetchMore({});
        const int row = m_transcript->rowOf(messageId);
        if (row >= 0) {
            m_view->scrollTo(m_view->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
            m_view->highlightMessage(messageId);
        }
    }
    updateState();
}

void MainWindow::openSearch()
{
    if (!m_searchDialog) {
        m_searchDialog = new SearchDialog(m_repository, this);
        connect(m_searchDialog, &SearchDialog::resultChosen, this, &MainWindow::openConversation);
    }
    m_searchDialog->popup();
}

void MainWindow::newConversation()
{
    openConversation(0);
    m_composer->focusEditor();
}

void MainWindow::send(const QString &text)
{
    const StoreResult<qint64> sent = m_session.send(currentConversation(), text);
    if (!sent) {
        m_error->showError(tr("Your question could not be sent: %1").arg(sent.error().message));
        return;
    }
    m_error->hide();
    const bool composing
        = !QApplication::focusWidget() || m_composer->isAncestorOf(QApplication::focusWidget());
    m_composer->clear();
    if (composing)
        m_composer->focusEditor();
    if (*sent != currentConversation())
        openConversation(*sent);
    m_view->scrollToNewest();
}

void MainWindow::retry(qint64 messageId)
{
    const StoreResult<qint64> asked = m_session.retry(messageId);
    if (!asked) {
        m_error->showError(tr("Could not ask again: %1").arg(asked.error().message));
        return;
    }
    m_error->hide();
    m_view->scrollToNewest();
}

void MainWindow::updateBusy(bool busy)
{
    m_composer->setBusy(busy);
    m_view->setActiveAnswer(busy ? m_session.activeAnswerId() : 0);
}

void MainWindow::setBackendRegistry(BackendRegistry *backends)
{
    if (m_backends)
        disconnect(m_backends, nullptr, this, nullptr);
    m_backends = backends;
    m_settingsAction->setEnabled(backends != nullptr);
    if (backends)
        connect(backends, &BackendRegistry::changed, this, &MainWindow::updateBackendLabel);
    updateBackendLabel();
}

void MainWindow::openSettings()
{
    if (!m_backends)
        return;
    SettingsDialog dialog(this);
    dialog.setLocalAvailable(m_backends->hasLocalBackend());
    dialog.setKeychainAvailable(m_backends->keychainAvailable());
    dialog.setSettings(m_backends->settings());
    if (dialog.exec() == QDialog::Accepted)
        m_backends->apply(dialog.settings());
}

void MainWindow::addBanner(QWidget *banner)
{
    auto *row = findChild<QVBoxLayout *>(u"bannerRow"_s);
    row->insertWidget(row->indexOf(m_error), banner);
}

void MainWindow::setCsvImporter(CsvImporter *importer)
{
    if (m_importer)
        disconnect(m_importer, nullptr, this, nullptr);
    delete m_importFlow;
    m_importFlow = nullptr;
    m_importer = importer;
    if (importer) {
        m_importFlow = new CsvImportFlow(importer, this);
        connect(importer, &CsvImporter::runningChanged, this, &MainWindow::updateImportAction);
        connect(m_importFlow, &CsvImportFlow::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    }
    updateImportAction();
}

void MainWindow::importCsv()
{
    if (m_importer && m_importFlow)
        m_importFlow->run();
}

void MainWindow::updateImportAction()
{
    // One import at a time.
    m_importAction->setEnabled(m_importer && !m_importer->isRunning());
}

ChartPanel *MainWindow::openChart(qint64 assetId)
{
    auto *panel = new ChartPanel(*m_charts, assetId, this);
    panel->setWindowFlag(Qt::Window);
    panel->setAttribute(Qt::WA_DeleteOnClose);
    panel->show();
    return panel;
}

void MainWindow::updateBackendLabel()
{
    if (!m_backendLabel)
        return;
    m_backendLabel->setText(m_backends ? tr("Answers from: %1").arg(m_backends->description())
                                       : tr("No backend configured"));
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
    m_chartRenderer = std::move(renderer);
}

void MainWindow::exportConversation()
{
    const qint64 id = currentConversation();
    if (id == 0)
        return;
    QFileDialog dialog(this, tr("Export Conversation"));
    dialog.setObjectName(u"exportDialog"_s);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    QStringList filters;
    for (ExportFormat format : ExportFormats::all())
        filters << ExportFormats::nameFilter(format);
    dialog.setNameFilters(filters);
    dialog.setDefaultSuffix(ExportFormats::suffix(ExportFormats::all().constFirst()));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog](const QString &filter) {
        ExportFormat format;
        if (ExportFormats::fromNameFilter(filter, &format))
            dialog.setDefaultSuffix(ExportFormats::suffix(format));
    });
    QString name = ConversationListModel::displayTitle(currentTitle()).simplified();
    name.replace(QRegularExpression(u"[/\\\\:*?\"<>|]+"_s), u"-"_s);
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.selectFile(name + u'.' + dialog.defaultSuffix());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    ExportFormat format = ExportFormats::all().constFirst();
    if (!ExportFormats::fromFileName(path, &format))
        ExportFormats::fromNameFilter(dialog.selectedNameFilter(), &format);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportStatus error
        = ConversationExporter(m_chartRenderer).exportToFile(m_repository, id, format, path);
    QApplication::restoreOverrideCursor();
    if (error) {
        QMessageBox::warning(this, tr("Export Conversation"),
            tr("The conversation could not be exported.\n\n%1").arg(error->message));
        return;
    }
    statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::copyConversationAsMarkdown()
{
    const qint64 id = currentConversation();
    if (id == 0)
        return;
    const ExportResult<QString> markdown = ConversationExporter::markdown(m_repository, id);
    if (!markdown) {
        showStoreError(tr("Copying the conversation"), markdown.error().message);
        return;
    }
    auto *mime = new QMimeData;
    mime->setText(*markdown);
    mime->setData(u"text/markdown"_s, markdown->toUtf8());
    QApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("Conversation copied as Markdown"), 5000);
}

QString MainWindow::currentTitle() const
{
    const auto conversation = m_repository.conversation(currentConversation());
    return conversation ? conversation->title : QString();
}

void MainWindow::updateState()
{
    const qint64 id = currentConversation();
    m_renameAction->setEnabled(id != 0);
    m_deleteAction->setEnabled(id != 0);
    m_exportAction->setEnabled(id != 0);
    m_copyMarkdownAction->setEnabled(id != 0);
    m_stack->setCurrentWidget(id ? static_cast<QWidget *>(m_view) : m_empty);
    if (id == 0) {
        m_sidebar->setCurrentConversation(0);
        setWindowTitle(QApplication::applicationDisplayName().isEmpty()
                ? u"Chartroom"_s
                : QApplication::applicationDisplayName());
    } else {
        setWindowTitle(ConversationListModel::displayTitle(currentTitle()));
    }
}

void MainWindow::showStoreError(const QString &what, const QString &message)
{
    QMessageBox::warning(this, what, tr("%1 failed.\n\n%2").arg(what, message));
}

void MainWindow::restoreSettings()
{
    restoreGeometry(m_settings->value(geometryKey).toByteArray());
    restoreState(m_settings->value(stateKey).toByteArray());
    m_splitter->restoreState(m_settings->value(splitterKey).toByteArray());
    const qint64 last = m_settings->value(conversationKey).toLongLong();
    if (last != 0 && m_repository.conversation(last))
        openConversation(last);
}

void MainWindow::saveSettings()
{
    m_settings->setValue(geometryKey, saveGeometry());
    m_settings->setValue(stateKey, saveState());
    m_settings->setValue(splitterKey, m_splitter->saveState());
    m_settings->setValue(conversationKey, currentConversation());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // An import still running is cancelled (nothing of it is kept) and its thread ended.
    if (m_importer)
        m_importer->cancelAndWait();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::addFileMenuAction(QAction *action)
{
    m_fileMenu->insertAction(m_fileExtras, action);
    addAction(action); // its shortcut works wherever the focus is
}
