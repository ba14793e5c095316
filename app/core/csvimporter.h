#pragma once

#include "app/datasets/datasetschema.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

// Imports a CSV file as a dataset in a background thread, with its own DatasetStore connection
// opened and closed in that thread (SQLite WAL lets it work beside the local server's). No
// dialogs: the caller shows what the signals report. One import at a time.
//
// Signals are emitted on the importer's own thread: progress() at most ~20 times a second with
// non-decreasing percentages, then exactly one of finished(), failed() or cancelled(), after
// which isRunning() is false again.
class CsvImporter : public QObject
{
    Q_OBJECT
public:
    explicit CsvImporter(const QString &dataDirectory, QObject *parent = nullptr);
    // Cancels a running import and waits for its thread to end.
    ~CsvImporter() override;

    QString dataDirectory() const { return m_dataDirectory; }
    bool isRunning() const { return m_thread != nullptr; }

    // Starts importing `filePath` as a dataset called `name` (the file's base name when empty).
    // Returns false, doing nothing, while another import runs.
    bool start(const QString &filePath, const QString &name = {});
    // Asks the running import to stop; nothing is imported. Its end is still reported (as
    // cancelled(), or finished() when it had already committed).
    void cancel();
    // Cancels the running import, if any, and blocks until its thread has ended; the queued
    // result is then delivered without further waiting.
    void cancelAndWait();

Q_SIGNALS:
    void runningChanged(bool running);
    void progress(int percent);
    void finished(const DatasetSchema &dataset);
    void failed(const QString &message);
    void cancelled();

private:
    struct Run;
    static void work(CsvImporter *importer, std::shared_ptr<Run> run);
    void reportProgress(const std::shared_ptr<Run> &run, int percent);
    void complete(std::shared_ptr<Run> run); // by value: it resets m_run

    QString m_dataDirectory;
    QThread *m_thread = nullptr;
    std::shared_ptr<Run> m_run;
};
