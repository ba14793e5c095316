#pragma once

#include "app/export/chartimagerenderer.h"
#include "app/export/exportedconversation.h"
#include "app/export/exporterror.h"
#include "app/export/exportformat.h"

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

    ExportResult<QByteArray> render(
        const ExportedConversation &exported, ExportFormat format) const;
    ExportStatus write(
        const ExportedConversation &exported, ExportFormat format, const QString &path) const;
    // load + render + write.
    ExportStatus exportToFile(const Repository &repository, qint64 conversationId,
        ExportFormat format, const QString &path) const;
    // The Markdown text of a conversation (Copy as Markdown).
    static ExportResult<QString> markdown(const Repository &repository, qint64 conversationId);

    static bool canLayOutText(); // true when a QGuiApplication exists

private:
    ChartImageRenderer m_renderer;
};
