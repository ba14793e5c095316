#include "ui/conversationexportflow.h"

#include "app/export/conversationexporter.h"
#include "models/conversationlistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

ConversationExportFlow::ConversationExportFlow(const Repository &repository, QWidget *window)
    : QObject(window)
    , m_repository(repository)
    , m_window(window)
{
}

void ConversationExportFlow::setChartImageRenderer(ChartImageRenderer renderer)
{
    m_chartRenderer = std::move(renderer);
}

void ConversationExportFlow::exportConversation(qint64 id, const QString &title)
{
    QFileDialog dialog(m_window, tr("Export Conversation"));
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
    QString name = ConversationListModel::displayTitle(title).simplified();
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
        QMessageBox::warning(m_window, tr("Export Conversation"),
            tr("The conversation could not be exported.\n\n%1").arg(error->message));
        return;
    }
    Q_EMIT statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

QString ConversationExportFlow::copyAsMarkdown(qint64 id)
{
    const ExportResult<QString> markdown = ConversationExporter::markdown(m_repository, id);
    if (!markdown)
        return markdown.error().message;
    auto *mime = new QMimeData;
    mime->setText(*markdown);
    mime->setData(u"text/markdown"_s, markdown->toUtf8());
    QApplication::clipboard()->setMimeData(mime);
    Q_EMIT statusMessage(tr("Conversation copied as Markdown"), 5000);
    return {};
}
