#include "app/core/csvimporter.h"

#include "app/datasets/datasetstore.h"

#include <QElapsedTimer>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
// Progress crosses the thread boundary at most this often (~20 times a second).
constexpr qint64 progressIntervalMs = 50;
} // namespace

// One import: what to import, the cancel flag the worker polls, and its result. The worker
// writes `result` before its thread ends; the importer's thread reads it after QThread::wait().
struct CsvImporter::Run
{
    QString filePath;
    QString name;
    QString dataDirectory;
    std::atomic<bool> cancel = false;
    std::optional<StoreResult<DatasetSchema>> result;
    // Worker thread only: the last percentage sent and when.
    int lastPercent = -1;
    QElapsedTimer sinceLast;
};

CsvImporter::CsvImporter(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
{
}

CsvImporter::~CsvImporter()
{
    if (!m_thread)
        return;
    m_run->cancel = true;
    m_thread->wait();
    delete m_thread;
}

bool CsvImporter::start(const QString &filePath, const QString &name)
{
    if (m_thread)
        return false;
    auto run = std::make_shared<Run>();
    run->filePath = filePath;
    run->name = name;
    run->dataDirectory = m_dataDirectory;
    m_run = run;
    m_thread = QThread::create(&CsvImporter::work, this, run);
    m_thread->setObjectName(u"csv-import"_s);
    m_thread->start(QThread::LowPriority);
    Q_EMIT runningChanged(true);
    return true;
}

void CsvImporter::cancel()
{
    if (m_run)
        m_run->cancel = true;
}

void CsvImporter::cancelAndWait()
{
    if (!m_thread)
        return;
    m_run->cancel = true;
    // The result is delivered now; the queued delivery then finds no current run and is dropped.
    complete(m_run);
}

// Runs in the import thread: its own connection, opened and closed here.
void CsvImporter::work(CsvImporter *importer, std::shared_ptr<Run> run)
{
    const DatasetStore::Progress progress = [importer, run](qint64 bytesRead, qint64 totalBytes) {
        const int percent = totalBytes > 0
            ? int(qBound(qint64(0), bytesRead * 100 / totalBytes, qint64(100)))
            : 100;
        const bool due = run->lastPercent < 0 || percent == 100
            || run->sinceLast.elapsed() >= progressIntervalMs;
        if (percent > run->lastPercent && due) {
            run->lastPercent = percent;
            run->sinceLast.start();
            QMetaObject::invokeMethod(
                importer, [importer, run, percent] { importer->reportProgress(run, percent); },
                Qt::QueuedConnection);
        }
        return !run->cancel.load();
    };
    {
        DatasetStore store;
        if (StoreStatus failed = store.open(run->dataDirectory))
            run->result = *failed;
        else
            run->result = store.importFile(run->filePath, run->name, progress);
    }
    QMetaObject::invokeMethod(
        importer, [importer, run] { importer->complete(run); }, Qt::QueuedConnection);
}

void CsvImporter::reportProgress(const std::shared_ptr<Run> &run, int percent)
{
    if (run == m_run)
        Q_EMIT progress(percent);
}

void CsvImporter::complete(std::shared_ptr<Run> run)
{
    if (run != m_run)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_run.reset();
    Q_EMIT runningChanged(false);

    const StoreResult<DatasetSchema> &result = *run->result;
    if (result)
        Q_EMIT finished(*result);
    else if (run->cancel)
        Q_EMIT cancelled();
    else
        Q_EMIT failed(result.error().message);
}
