#pragma once

#include "app/datasets/datasetschema.h"

#include <QObject>
#include <QPointer>
#include <QString>

class CsvImporter;
class QProgressDialog;
class QWidget;

// File ▸ Import CSV… on top of a CsvImporter: asks for a file and a dataset name, shows a
// (non-modal) progress dialog that can cancel, and then says what was imported or why not.
class CsvImportFlow : public QObject
{
    Q_OBJECT
public:
    CsvImportFlow(CsvImporter *importer, QWidget *window);

    // Asks for the file, then the name, then starts the import; returns at once when the user
    // gives up, or while another import runs.
    void run();
    // The progress dialog of the running import (null when none).
    QProgressDialog *progressDialog() const;

    // For the summary after an import: "numeric", "category" or "date".
    static QString typeLabel(ColumnType type);
    // One line per column ("Revenue — numeric"), for the summary.
    static QString columnList(const DatasetSchema &dataset);
    // A question the analyst can answer about the dataset.
    static QString exampleQuestion(const DatasetSchema &dataset);

Q_SIGNALS:
    // A short note for the status bar (e.g. after a cancel).
    void statusMessage(const QString &message);

private:
    void startImport(const QString &filePath, const QString &name);
    void closeProgress();
    void showProgress(int percent);
    void succeeded(const DatasetSchema &dataset);
    void failed(const QString &message);
    void cancelled();

    QPointer<CsvImporter> m_importer;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
    QString m_fileName; // of the running import, for the messages
    QString m_lastDirectory;
};
