#pragma once

#include "app/export/chartimagerenderer.h"

#include <QObject>

class QWidget;
class Repository;

// Conversation ▸ Export… and Copy as Markdown for a window: the save dialog (HTML, PDF, Markdown
// or JSON; the suffix follows the chosen filter; the conversation's title as the file name in
// Documents), the export under a wait cursor, and the Markdown on the clipboard. What was done
// goes out as statusMessage(); a failed export is shown in a message box over the window.
class ConversationExportFlow : public QObject
{
    Q_OBJECT
public:
    ConversationExportFlow(const Repository &repository, QWidget *window);

    // Draws charts in exports (none: exports show a placeholder box per chart).
    void setChartImageRenderer(ChartImageRenderer renderer);
    // Asks for a file and a format and writes conversation `id`, whose stored title is `title`.
    void exportConversation(qint64 id, const QString &title);
    // Conversation `id` as Markdown to the clipboard. Returns the store's error in words, or an
    // empty string.
    QString copyAsMarkdown(qint64 id);

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);

private:
    const Repository &m_repository;
    QWidget *m_window;
    ChartImageRenderer m_chartRenderer;
};
