#include "ui/conversationexportflow.h"

#include "app/export/conversationexporter.h"
#include "app/export/exportprogress.h"
#include "models/conversationlistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

// What the worker thread and the GUI thread share: the progress (atomics) and the result, which
// the GUI thread reads only after the thread has finished.
struct ConversationExportFlow::Job
{
    ExportProgress progress;
    ExportStatus result;
};

ConversationExportFlow::ConversationExportFlow(const Repository &repository, QWidget *window)
    : QObject(window)
    , m_repository(repository)
    , m_window(window)
{
}

ConversationExportFlow::~ConversationExportFlow()
{
    if (m_thread) {
        m_job->progress.cancel();
        m_thread->wait();
        delete m_thread;
    }
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
    exportTo(id, format, path);
}

bool ConversationExportFlow::exportTo(qint64 id, ExportFormat format, const QString &path)
{
    if (m_thread)
        return false;
    // The store belongs to this thread, and so do the chart widgets: read and draw here.
    ExportResult<ExportedConversation> exported = ConversationExporter::load(m_repository, id);
    if (!exported) {
        fail(path, exported.error().message);
        return true;
    }
    const ChartImageRenderer charts = ConversationExporter::prerendered(*exported, m_chartRenderer);
    const int total = int(exported->messages.size());
    m_job = std::make_shared<Job>();
    m_job->progress.start(total);
    m_thread
        = QThread::create([job = m_job, conversation = std::move(*exported), charts, format, path] {
              job->result
                  = ConversationExporter(charts).write(conversation, format, path, &job->progress);
          });

    m_progress = new QProgressDialog(total == 1
            ? tr("Exporting 1 message…")
            : tr("Exporting %1 messages…").arg(QLocale().toString(total)),
        tr("Cancel"), 0, qMax(1, total), m_window);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setWindowTitle(tr("Export Conversation"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [job = m_job, dialog = m_progress] {
        job->progress.cancel();
        dialog->setLabelText(tr("Cancelling…"));
    });
    auto *poll = new QTimer(m_progress);
    connect(poll, &QTimer::timeout, m_progress, [job = m_job, dialog = m_progress, total] {
        const int done = job->progress.done();
        if (done >= total && !job->progress.cancelled())
            dialog->setLabelText(tr("Writing the file…"));
        if (done != dialog->value())
            dialog->setValue(done);
    });
    poll->start(50);
    connect(m_thread, &QThread::finished, this, [this, path] { finish(path); });
    m_progress->show();
    m_thread->start();
    return true;
}

void ConversationExportFlow::finish(const QString &path)
{
    const std::shared_ptr<Job> job = std::move(m_job);
    m_thread->deleteLater();
    m_thread = nullptr;
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    // A Cancel that came after the file was written is too late: the export is done.
    if (job->result && job->result->code == ExportError::Code::Cancelled) {
        Q_EMIT statusMessage(tr("Export cancelled"), 5000);
        Q_EMIT exportFinished(path, true, {});
        return;
    }
    if (job->result) {
        fail(path, job->result->message);
        return;
    }
    Q_EMIT statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
    Q_EMIT exportFinished(path, false, {});
}

void ConversationExportFlow::fail(const QString &path, const QString &message)
{
    Q_EMIT exportFinished(path, false, message);
    QMessageBox::warning(m_window, tr("Export Conversation"),
        tr("The conversation could not be exported.\n\n%1").arg(message));
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
