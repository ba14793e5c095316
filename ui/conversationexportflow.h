#pragma once

#include "app/export/chartimagerenderer.h"
#include "app/export/exportformat.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QProgressDialog;
class QThread;
class QWidget;
class Repository;

// Conversation ▸ Export… and Copy as Markdown for a window: the save dialog (HTML, PDF, Markdown
// or JSON; the suffix follows the chosen filter; the conversation's title as the file name in
// Documents), the export, and the Markdown on the clipboard. The conversation is read and its
// charts drawn on the GUI thread; the layout and the file are made on a worker thread under a
// window-modal progress dialog (messages done / total) with Cancel, which stops the export and
// leaves no file. What was done goes out as statusMessage(); a failed export is shown in a
// message box over the window.
class ConversationExportFlow : public QObject
{
    Q_OBJECT
public:
    ConversationExportFlow(const Repository &repository, QWidget *window);

    // Draws charts in exports (none: exports show a placeholder box per chart).
    void setChartImageRenderer(ChartImageRenderer renderer);
    // Asks for a file and a format and writes conversation `id`, whose stored title is `title`.
    void exportConversation(qint64 id, const QString &title);
    // Starts writing conversation `id` as `format` to `path` and returns; exportFinished() says
    // when it is done. One export at a time: false (and nothing started) while one runs.
    bool exportTo(qint64 id, ExportFormat format, const QString &path);
    bool isExporting() const { return m_thread != nullptr; }
    ~ConversationExportFlow() override;
    // Conversation `id` as Markdown to the clipboard. Returns the store's error in words, or an
    // empty string.
    QString copyAsMarkdown(qint64 id);

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    // An export started by exportTo() ended: written (`error` empty), cancelled, or failed.
    void exportFinished(const QString &path, bool cancelled, const QString &error);

private:
    struct Job;
    void finish(const QString &path);
    void fail(const QString &path, const QString &message);

    const Repository &m_repository;
    QWidget *m_window;
    ChartImageRenderer m_chartRenderer;
    std::shared_ptr<Job> m_job;
    QThread *m_thread = nullptr;
    QPointer<QProgressDialog> m_progress;
};
