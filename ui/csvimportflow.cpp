#include "ui/csvimportflow.h"

#include "app/core/csvimporter.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
// Small files finish before a dialog would be worth showing.
constexpr int progressDelayMs = 300;

const ColumnSchema *firstOfType(const DatasetSchema &dataset, ColumnType type)
{
    for (const ColumnSchema &c : dataset.columns) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}
} // namespace

CsvImportFlow::CsvImportFlow(CsvImporter *importer, QWidget *window)
    : QObject(window)
    , m_importer(importer)
    , m_window(window)
    , m_lastDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    // A missing folder would be taken for a file name to open.
    if (!QFileInfo(m_lastDirectory).isDir())
        m_lastDirectory = QDir::homePath();
    connect(importer, &CsvImporter::progress, this, &CsvImportFlow::showProgress);
    connect(importer, &CsvImporter::finished, this, &CsvImportFlow::succeeded);
    connect(importer, &CsvImporter::failed, this, &CsvImportFlow::failed);
    connect(importer, &CsvImporter::cancelled, this, &CsvImportFlow::cancelled);
}

void CsvImportFlow::run()
{
    if (!m_importer || m_importer->isRunning())
        return;
    QFileDialog files(m_window, tr("Import CSV"), m_lastDirectory,
        tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    // Qt's own dialog: the same everywhere, and tests can fill it in.
    files.setOption(QFileDialog::DontUseNativeDialog);
    files.setFileMode(QFileDialog::ExistingFile);
    files.setAcceptMode(QFileDialog::AcceptOpen);
    if (files.exec() != QDialog::Accepted || files.selectedFiles().isEmpty())
        return;
    const QString filePath = files.selectedFiles().constFirst();
    const QFileInfo info(filePath);
    m_lastDirectory = info.absolutePath();

    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Import CSV"),
        tr("Name of the new dataset:"), QLineEdit::Normal, info.completeBaseName(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    startImport(filePath, name.trimmed());
}

QProgressDialog *CsvImportFlow::progressDialog() const
{
    return m_progress;
}

void CsvImportFlow::startImport(const QString &filePath, const QString &name)
{
    if (!m_importer || !m_importer->start(filePath, name))
        return;
    closeProgress();
    m_fileName = QFileInfo(filePath).fileName();
    m_progress
        = new QProgressDialog(tr("Importing %1…").arg(m_fileName), tr("Cancel"), 0, 100, m_window);
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setWindowTitle(tr("Import CSV"));
    // Not modal: the conversation stays usable while a large file is imported.
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setMinimumWidth(380);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(progressDelayMs);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, m_importer, &CsvImporter::cancel);
}

void CsvImportFlow::closeProgress()
{
    m_fileName.clear();
    if (!m_progress)
        return;
    // Called from the importer's signals only, never from the dialog's own: deleting is safe.
    delete m_progress.data();
}

void CsvImportFlow::showProgress(int percent)
{
    if (m_progress && !m_progress->wasCanceled())
        m_progress->setValue(percent);
}

void CsvImportFlow::succeeded(const DatasetSchema &dataset)
{
    closeProgress();
    const QString rows = dataset.rowCount == 1
        ? tr("1 row")
        : tr("%1 rows").arg(QLocale().toString(dataset.rowCount));
    const QString columns = dataset.columns.size() == 1
        ? tr("1 column")
        : tr("%1 columns").arg(dataset.columns.size());
    auto *box = new QMessageBox(QMessageBox::Information, tr("Dataset Imported"),
        tr("“%1” is ready: %2, %3.").arg(dataset.name, rows, columns), QMessageBox::Ok, m_window);
    box->setObjectName(u"importSucceeded"_s);
    // Wide enough for the example question on one line.
    box->setStyleSheet(u"QLabel#qt_msgbox_informativelabel { min-width: 400px; }"_s);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(columnList(dataset) + u"\n\n"
        + tr("Ask about it, e.g. “%1”.").arg(exampleQuestion(dataset)));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void CsvImportFlow::failed(const QString &message)
{
    const QString fileName = m_fileName;
    closeProgress();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Import Failed"),
        fileName.isEmpty() ? tr("The file could not be imported.")
                           : tr("%1 could not be imported.").arg(fileName),
        QMessageBox::Ok, m_window);
    box->setObjectName(u"importFailed"_s);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void CsvImportFlow::cancelled()
{
    closeProgress();
    Q_EMIT statusMessage(tr("Import cancelled; nothing was imported."));
}

QString CsvImportFlow::typeLabel(ColumnType type)
{
    switch (type) {
    case ColumnType::Numeric:
        return tr("numeric");
    case ColumnType::Datetime:
        return tr("date");
    case ColumnType::Hierarchy:
        break;
    }
    return tr("category");
}

QString CsvImportFlow::columnList(const DatasetSchema &dataset)
{
    QStringList lines;
    for (const ColumnSchema &c : dataset.columns)
        lines.append(tr("%1 — %2").arg(c.name, typeLabel(c.type)));
    return lines.join(u'\n');
}

QString CsvImportFlow::exampleQuestion(const DatasetSchema &dataset)
{
    const ColumnSchema *number = firstOfType(dataset, ColumnType::Numeric);
    const ColumnSchema *date = firstOfType(dataset, ColumnType::Datetime);
    const ColumnSchema *category = firstOfType(dataset, ColumnType::Hierarchy);
    if (number && (date || !category))
        return tr("Show monthly %1 as a line chart").arg(number->name);
    if (number)
        return tr("Show %1 by %2 as a bar chart").arg(number->name, category->name);
    if (category)
        return tr("How many rows are there per %1?").arg(category->name);
    return tr("What is in %1?").arg(dataset.name);
}
