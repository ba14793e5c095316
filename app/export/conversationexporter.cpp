#include "app/export/conversationexporter.h"

#include "app/export/exportfile.h"
#include "app/export/htmlexport.h"
#include "app/export/jsonexport.h"
#include "app/export/markdownexport.h"
#include "app/export/pdfexport.h"
#include "models/repository.h"

#include <QGuiApplication>
#include <QHash>

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

ChartImageRenderer ConversationExporter::prerendered(
    const ExportedConversation &exported, const ChartImageRenderer &renderer)
{
    if (!renderer)
        return {};
    QHash<qint64, QImage> images;
    for (const Message &m : exported.messages) {
        for (const Asset &asset : m.assets)
            images.insert(asset.id, renderer(asset, HtmlExport::chartSize()));
    }
    return [images](const Asset &asset, const QSize &size) {
        const QImage image = images.value(asset.id);
        return image.isNull() || image.size() == size
            ? image
            : image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    };
}

ExportResult<QByteArray> ConversationExporter::render(
    const ExportedConversation &exported, ExportFormat format, ExportProgress *progress) const
{
    if (progress)
        progress->start(int(exported.messages.size()));
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
    const auto cancelled = [] {
        return ExportError { ExportError::Code::Cancelled, tr("The export was cancelled.") };
    };
    if (format == ExportFormat::Html) {
        const QString html = HtmlExport(m_renderer).write(exported, progress);
        if (progress && progress->cancelled())
            return cancelled();
        return html.toUtf8();
    }
    const QByteArray pdf = PdfExport(m_renderer).write(exported, progress);
    if (progress && progress->cancelled())
        return cancelled();
    if (!pdf.startsWith("%PDF"))
        return ExportError { ExportError::Code::RenderFailed, tr("The PDF could not be made.") };
    return pdf;
}

ExportStatus ConversationExporter::write(const ExportedConversation &exported, ExportFormat format,
    const QString &path, ExportProgress *progress) const
{
    const ExportResult<QByteArray> bytes = render(exported, format, progress);
    if (!bytes)
        return bytes.error();
    if (progress && progress->cancelled())
        return ExportError { ExportError::Code::Cancelled, tr("The export was cancelled.") };
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
