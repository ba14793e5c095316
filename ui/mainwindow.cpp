#include "ui/mainwindow.h"

#include "app/core/backendregistry.h"
#include "app/core/chatsession.h"
#include "app/core/csvimporter.h"
#include "models/conversationlistmodel.h"
#include "models/repository.h"
#include "models/transcriptmodel.h"
#include "ui/accountmoveflow.h"
#include "ui/chart/chartcardcache.h"
#include "ui/chart/chartpanel.h"
#include "ui/composer.h"
#include "ui/conversationexportflow.h"
#include "ui/conversationsidebar.h"
#include "ui/csvimportflow.h"
#include "ui/emptystatewidget.h"
#include "ui/errorbanner.h"
#include "ui/searchdialog.h"
#include "ui/settingsdialog.h"
#include "ui/theme/themecontroller.h"
#include "ui/theme/themedstylesheet.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Filled from the theme's tokens (Theme::styleSheet) whenever the theme changes.
const auto windowStyle = uR"(
#sidebar { background: @window; }
#sidebar QListView { background: @window; }
#searchField { padding: 5px 8px; border: 1px solid @border; border-radius: 7px;
               background: @surface; color: @text; }
#searchField:focus { border-color: @focusBorder; }
#noSearchHits { color: @mutedText; }
#chatPane, #transcriptView, #emptyState { background: @surface; }
#emptyStateTitle { color: @text; }
#emptyStateHint { color: @mutedText; }
#examplePrompt { padding: 9px 14px; border: 1px solid @border; border-radius: 9px;
                 background: @raised; color: @text; text-align: left; }
#examplePrompt:hover { background: @accentFill; border-color: @focusBorder; }
#composerFrame { border: 1px solid @border; border-radius: 10px; background: @surface; }
#composerEdit { background: @surface; color: @text; }
#sendButton { padding: 4px 14px; border-radius: 6px; border: 1px solid @accentHover;
               background: @accent; color: @onAccent; font-weight: 600; }
#sendButton:hover { background: @accentHover; }
#sendButton:disabled { background: @raised; border-color: @border; color: @disabledText; }
#stopButton { padding: 4px 14px; border-radius: 6px; border: 1px solid @border;
               background: @surface; color: @text; }
#stopButton:disabled { background: @raised; color: @disabledText; }
#errorBanner { background: @errorFill; border: 1px solid @errorBorder; border-radius: 7px; }
#errorBannerText { color: @errorText; }
QStatusBar { background: @window; border-top: 1px solid @divider; }
QStatusBar::item { border: none; }
#backendLabel { color: @mutedText; padding: 0 6px; }
)"_s;
} // namespace

MainWindow::MainWindow(
    Repository &repository, ChatSession &session, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_repository(repository)
    , m_session(session)
    , m_ownedSettings(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_ownedSettings.get())
    , m_transcript(new TranscriptModel(repository, transcriptPageSize, this))
    , m_sidebar(new ConversationSidebar(repository, this))
    , m_view(new TranscriptView(this))
    , m_empty(new EmptyStateWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_error(new ErrorBanner(this))
    , m_composer(new Composer(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(u"mainWindow"_s);
    // The transcript's documents keep the colours they were laid out with (markdown tables).
    ThemedStyleSheet::apply(this, windowStyle, [this] {
        m_view->messageDelegate()->clear();
        m_view->doItemsLayout();
        m_view->viewport()->update();
    });
    m_view->setObjectName(u"transcriptView"_s);
    m_view->setAccessibleName(tr("Conversation"));
    m_view->setAccessibleDescription(tr("The questions and answers of the open conversation"));
    m_transcript->setFirstPageSize(transcriptFirstPageSize);
    m_view->setTranscriptModel(m_transcript);
    m_charts = new ChartCardCache(m_repository, this);
    m_charts->setClientProvider([this](const QString &backend) -> LuzmoClient * {
        return m_backends ? m_backends->clientFor(backend) : nullptr;
    });
    m_view->setChartCache(m_charts);
    m_exportFlow = new ConversationExportFlow(m_repository, this);
    connect(m_exportFlow, &ConversationExportFlow::statusMessage, this,
        [this](const QString &message, int timeoutMs) {
            statusBar()->showMessage(message, timeoutMs);
        });
    connect(m_view, &TranscriptView::chartActivated, this, &MainWindow::openChart);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
    m_view->warmUpAfterFirstPaintOf(m_empty);

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
    m_moveFlow = new AccountMoveFlow(m_repository, m_session, m_error, this);

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
    // A long question written in the background that could not be stored: given back.
    connect(&m_session, &ChatSession::questionNotSaved, this,
        [this](qint64, const QuestionText &text, const StoreError &error) {
            showNotSent(error);
            if (m_composer->question().isBlank())
                m_composer->setQuestion(text);
        });
    // The answer joined the stored copy of its remote conversation: show that one.
    connect(&m_session, &ChatSession::conversationMoved, this, [this](qint64 from, qint64 into) {
        if (currentConversation() == from || currentConversation() == 0) {
            openConversation(into);
            m_view->scrollToNewest();
        }
    });
    connect(m_view, &TranscriptView::retryRequested, this, &MainWindow::retry);
    connect(m_view, &TranscriptView::editRequested, this, &MainWindow::editQuestion);
    connect(m_view, &TranscriptView::regenerateRequested, this, &MainWindow::regenerate);
    connect(m_view, &TranscriptView::followupRequested, this,
        [this](const QString &question) { send(question); });
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
    m_backendLabel->setAccessibleName(tr("Answer source"));
    statusBar()->addWidget(m_backendLabel, 1);
    statusBar()->setSizeGripEnabled(false);
    updateBackendLabel();

    resize(1100, 720);
    restoreSettings();
    updateState();
    m_composer->focusEditor();
}

MainWindow::~MainWindow() = default;

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
    if (id != currentConversation()) {
        m_transcript->setConversation(id);
        if (m_composer->editingId())
            m_composer->cancelEdit(); // the question edited belongs to the other conversation
    }
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
        connect(
            m_searchDialog, &SearchDialog::resultChosen, this, [this](qint64 id, qint64 message) {
                openConversation(id, message);
                // The keyboard carries on where the hit is (select, copy, Ctrl+E).
                activateWindow();
                m_view->setFocus(Qt::OtherFocusReason);
            });
    }
    m_searchDialog->popup();
}

void MainWindow::newConversation()
{
    openConversation(0);
    m_composer->focusEditor();
}

void MainWindow::send(const QuestionText &text)
{
    const qint64 editing = m_composer->editingId();
    const StoreResult<qint64> sent
        = editing ? m_session.resend(editing, text) : m_session.send(currentConversation(), text);
    if (!sent && m_moveFlow->explain(currentConversation()))
        return; // its account was removed: the banner offers to move it
    if (!sent) {
        showNotSent(sent.error());
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

void MainWindow::showNotSent(const StoreError &error)
{
    m_error->showError(tr("Your question could not be sent: %1").arg(error.message));
}

void MainWindow::retry(qint64 messageId)
{
    const StoreResult<qint64> asked = m_session.retry(messageId);
    if (!asked && m_moveFlow->explain(currentConversation()))
        return;
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
    m_stopAction->setEnabled(busy);
    m_view->setActiveAnswer(busy ? m_session.activeAnswerId() : 0);
}

void MainWindow::setBackendRegistry(BackendRegistry *backends)
{
    if (m_backends)
        disconnect(m_backends, nullptr, this, nullptr);
    m_backends = backends;
    m_settingsAction->setEnabled(backends != nullptr);
    m_moveFlow->setBackendRegistry(backends);
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
    dialog.setRepository(&m_repository);
    dialog.setSettings(m_backends->settings());
    if (m_theme)
        dialog.setThemeName(ThemeController::name(m_theme->preference()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_backends->apply(dialog.settings());
    if (m_theme)
        m_theme->setPreference(ThemeController::fromName(dialog.themeName()));
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

QString MainWindow::currentTitle() const
{
    const auto conversation = m_repository.conversation(currentConversation());
    return conversation ? conversation->title : QString();
}

void MainWindow::updateState()
{
    const qint64 id = currentConversation();
    updateBackendLabel();
    m_moveFlow->explain(id);
    m_renameAction->setEnabled(id != 0);
    m_deleteAction->setEnabled(id != 0);
    m_exportAction->setEnabled(id != 0);
    m_copyMarkdownAction->setEnabled(id != 0);
    m_editLastAction->setEnabled(id != 0);
    m_regenerateAction->setEnabled(id != 0);
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
