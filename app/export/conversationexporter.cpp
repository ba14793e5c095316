#include "app/export/conversationexporter.h"

#include "app/export/exportfile.h"
#include "app/export/htmlexport.h"
#include "app/export/jsonexport.h"
#include "app/export/markdownexport.h"
#include "app/export/pdfexport.h"
#include "models/repository.h"

#include <QGuiApplication>

#include <limits>

using namespace Qt::StringLiterals;

ConversationExporter::ConversationExporter(ChartImageRenderer renderer)
    : m_renderer(std::move(renderer))
{
}

bool ConversationExporter::canLayOutText()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

ExportResult<ExportedConversation> ConversationExporter::load(
    const Repository &repository, qint64 conversationId, const QDateTime &exportedAt)
{
    const StoreResult<Conversation> conversation = repository.conversation(conversationId);
    if (!conversation) {
        if (conversation.error().code == StoreError::Code::NotFound) {
            return ExportError { ExportError::Code::NotFound,
                tr("Conversation %1 does not exist.").arg(conversationId) };
        }
        return ExportError { ExportError::Code::StoreFailed,
            tr("Reading conversation %1 failed: %2")
                .arg(conversationId)
                .arg(conversation.error().message) };
    }
    if (conversation->deleted) {
        return ExportError { ExportError::Code::Deleted,
            tr("Conversation %1 was deleted.").arg(conversationId) };
    }
    const auto messages = repository.messages(conversationId, 0, std::numeric_limits<int>::max());
    if (!messages) {
        return ExportError { ExportError::Code::StoreFailed,
            tr("Reading the messages of conversation %1 failed: %2")
                .arg(conversationId)
                .arg(messages.error().message) };
    }
    return ExportedConversation { *conversation, *messages,
        exportedAt.isValid() ? exportedAt : QDateTime::currentDateTime() };
}

ExportResult<QByteArray> ConversationExporter::render(
    const ExportedConversation &exported, ExportFormat format) const
{
    switch (format) {
    case ExportFormat::Markdown:
        return MarkdownExport::write(exported).toUtf8();
    case ExportFormat::Json:
        return JsonExport::write(exported);
    case ExportFormat::Html:
    case ExportFormat::Pdf:
        break;
    }
    if (!canLayOutText()) {
        return ExportError { ExportError::Code::NeedsGuiApplication,
            tr("%1 export lays out text and needs the Qt GUI libraries (run with "
               "QT_QPA_PLATFORM=offscreen in a QGuiApplication).")
                .arg(format == ExportFormat::Html ? u"HTML"_s : u"PDF"_s) };
    }
    if (format == ExportFormat::Html)
        return HtmlExport(m_renderer).write(exported).toUtf8();
    const QByteArray pdf = PdfExport(m_renderer).write(exported);
    if (!pdf.startsWith("%PDF"))
        return ExportError { ExportError::Code::RenderFailed, tr("The PDF could not be made.") };
    return pdf;
}

ExportStatus ConversationExporter::write(
    const ExportedConversation &exported, ExportFormat format, const QString &path) const
{
    const ExportResult<QByteArray> bytes = render(exported, format);
    if (!bytes)
        return bytes.error();
    return ExportFile::write(path, *bytes);
}

ExportStatus ConversationExporter::exportToFile(const Repository &repository, qint64 conversationId,
    ExportFormat format, const QString &path) const
{
    const ExportResult<ExportedConversation> exported = load(repository, conversationId);
    if (!exported)
        return exported.error();
    return write(*exported, format, path);
}

ExportResult<QString> ConversationExporter::markdown(
    const Repository &repository, qint64 conversationId)
{
    const ExportResult<ExportedConversation> exported = load(repository, conversationId);
    if (!exported)
        return exported.error();
    return MarkdownExport::write(*exported);
}
