#pragma once

#include "app/export/chartimagerenderer.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

struct QuestionText;
struct StoreError;
class AccountMoveFlow;
class BackendRegistry;
class ChartCardCache;
class ChartPanel;
class ChatSession;
class Composer;
class ConversationExportFlow;
class ConversationSidebar;
class CsvImportFlow;
class CsvImporter;
class EmptyStateWidget;
class ErrorBanner;
class QLabel;
class QSettings;
class QMenu;
class QSplitter;
class QStackedWidget;
class Repository;
class SearchDialog;
class TranscriptModel;
class ThemeController;
class TranscriptView;

// The main window: conversations and search on the left, the open conversation and the
// composer on the right. Window geometry and the splitter are kept in `settings` (when null, the
// application's default QSettings). Every store error is shown in words.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Messages read per page of the transcript, each laid out when read. Every page also costs a
    // relayout of all rows already read (QListView's rowsInserted), so the longest scroll stall
    // is smallest between the two: median of 8 runs 17.1 ms for 20 rows, 13.4 ms for 10; 6 rows
    // 14.0-14.7 ms (bench_uistall --only scroll, Release, 2026-12-07; 50 rows cost 25-30 ms).
    static constexpr int transcriptPageSize = 10;
    // Messages a conversation opens with: about a screen and a half of answers at 720 px, so the
    // first paint lays out 8 rows, not 20 (bench_firstpaint); the view fetches a page more at
    // once if they do not fill it, and the rest as it scrolls.
    static constexpr int transcriptFirstPageSize = 8;

    MainWindow(Repository &repository, ChatSession &session, QSettings *settings = nullptr,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    // The QSettings group that keeps this window's state (geometry, panes, the last open
    // conversation) for one data folder, so another folder's ids are never reopened:
    // "dataFolders/<16 hex digits of the folder's SHA-1>". The caller opens it with beginGroup.
    static QString settingsGroupFor(const QString &dataDirectory);

    // Opens a conversation (0: none, the empty state); `messageId` is loaded if need be,
    // scrolled into view and highlighted for a moment.
    void openConversation(qint64 id, qint64 messageId = 0);
    qint64 currentConversation() const;

    void newConversation();
    void renameConversation();
    void deleteConversation();
    void send(const QuestionText &text);
    // Asks again for a failed or interrupted answer.
    void retry(qint64 messageId);
    // The last turn's versions (mainwindowversions.cpp): the question `questionId` into the
    // composer to be edited and sent again; a new answer in place of `answerId`. 0: the open
    // conversation's last question or answer.
    void editQuestion(qint64 questionId = 0);
    void regenerate(qint64 answerId = 0);
    void saveSettings();

    // Adds an action to the File menu, above Quit (e.g. Sync History from the composition root).
    void addFileMenuAction(QAction *action);

    // Where answers come from (not owned): enables Settings… and shows the backend in use.
    void setBackendRegistry(BackendRegistry *backends);
    // The theme chosen in Settings (not owned; none: Settings keeps the system's).
    void setThemeController(ThemeController *theme) { m_theme = theme; }
    // Opens Settings… (modal) and applies what is accepted.
    void openSettings();

    // Draws charts in exports (none: exports show a placeholder box per chart).
    void setChartImageRenderer(ChartImageRenderer renderer);
    // Conversation ▸ Export… (Ctrl+E): asks for a file and a format (HTML, PDF, Markdown, JSON)
    // and writes the open conversation; a failure is shown in words.
    void exportConversation();
    // Conversation ▸ Copy as Markdown (Ctrl+Shift+C): the open conversation to the clipboard.
    void copyConversationAsMarkdown();

    // Imports CSV files into the local datasets (not owned): enables File ▸ Import CSV….
    void setCsvImporter(CsvImporter *importer);
    // File ▸ Import CSV…: asks for a file and a name, then imports with a progress dialog.
    void importCsv();
    CsvImportFlow *csvImportFlow() const { return m_importFlow; }

    // The charts of the transcript (their data, state and images).
    ChartCardCache *chartCache() const { return m_charts; }
    // Opens chart asset `assetId` in its own interactive window (deleted when closed).
    ChartPanel *openChart(qint64 assetId);

    // Edit ▸ Search History (Ctrl+K): the search palette over all conversations; the chosen hit
    // opens its conversation scrolled to the message, which is highlighted for a moment.
    void openSearch();
    SearchDialog *searchDialog() const { return m_searchDialog; }

    ConversationSidebar *sidebar() const { return m_sidebar; }
    TranscriptModel *transcriptModel() const { return m_transcript; }
    TranscriptView *transcriptView() const { return m_view; }
    Composer *composer() const { return m_composer; }
    ErrorBanner *errorBanner() const { return m_error; }
    // Puts `banner` (e.g. the offline banner) above the error line and the composer.
    void addBanner(QWidget *banner);
    QSplitter *splitter() const { return m_splitter; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // "Your question could not be sent: …" in the error banner.
    void showNotSent(const StoreError &error);
    void createActions();
    void restoreSettings();
    void updateState();
    void showStoreError(const QString &what, const QString &message);
    void updateBusy(bool busy);
    void updateBackendLabel();
    void updateImportAction();
    QString currentTitle() const;

    Repository &m_repository;
    ChatSession &m_session;
    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings *m_settings;
    TranscriptModel *m_transcript;
    ConversationSidebar *m_sidebar;
    TranscriptView *m_view;
    EmptyStateWidget *m_empty;
    QStackedWidget *m_stack;
    ErrorBanner *m_error;
    Composer *m_composer;
    QSplitter *m_splitter;
    QAction *m_stopAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QLabel *m_backendLabel = nullptr;
    BackendRegistry *m_backends = nullptr;
    ThemeController *m_theme = nullptr;
    ChartCardCache *m_charts = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyMarkdownAction = nullptr;
    QAction *m_editLastAction = nullptr;
    QAction *m_regenerateAction = nullptr;
    ConversationExportFlow *m_exportFlow = nullptr;
    QAction *m_importAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_fileExtras = nullptr; // the separator above Quit
    QPointer<CsvImporter> m_importer;
    CsvImportFlow *m_importFlow = nullptr;
    SearchDialog *m_searchDialog = nullptr;
    AccountMoveFlow *m_moveFlow = nullptr;
};
