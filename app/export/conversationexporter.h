#pragma once

#include "app/export/chartimagerenderer.h"
#include "app/export/exportedconversation.h"
#include "app/export/exporterror.h"
#include "app/export/exportformat.h"
#include "app/export/exportprogress.h"

#include <QByteArray>
#include <QCoreApplication>

class Repository;

// Exports one conversation from the store: loads it with all its messages and assets, renders
// the chosen format and writes the file atomically. Charts are drawn by the injected renderer
// (none: placeholders). Markdown and JSON work in any application; HTML and PDF lay out text and
// need a QGuiApplication (the offscreen platform is enough), else they fail in words.
class ConversationExporter
{
    Q_DECLARE_TR_FUNCTIONS(ConversationExporter)
public:
    explicit ConversationExporter(ChartImageRenderer renderer = {});

    // The conversation and its messages in order; an unknown or deleted id is an error.
    static ExportResult<ExportedConversation> load(
        const Repository &repository, qint64 conversationId, const QDateTime &exportedAt = {});

    // With a `progress`, each message is counted on it and a cancel stops the export with a
    // Cancelled error and no file. render and write need no store, so they may run on a worker
    // thread (with a renderer that does not need the GUI thread, e.g. prerendered()).
    ExportResult<QByteArray> render(const ExportedConversation &exported, ExportFormat format,
        ExportProgress *progress = nullptr) const;
    ExportStatus write(const ExportedConversation &exported, ExportFormat format,
        const QString &path, ExportProgress *progress = nullptr) const;
    // load + render + write.
    ExportStatus exportToFile(const Repository &repository, qint64 conversationId,
        ExportFormat format, const QString &path) const;
    // The Markdown text of a conversation (Copy as Markdown).
    static ExportResult<QString> markdown(const Repository &repository, qint64 conversationId);

    static bool canLayOutText(); // true when a QGuiApplication exists
    // Draws every chart of `exported` with `renderer` now (on the calling thread) and returns a
    // renderer that only hands out those images, safe to call from any thread.
    static ChartImageRenderer prerendered(
        const ExportedConversation &exported, const ChartImageRenderer &renderer);

private:
    ChartImageRenderer m_renderer;
};
