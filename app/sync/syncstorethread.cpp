#include "app/sync/syncstorethread.h"

#include "models/database.h"
#include "models/syncwriter.h"

using namespace Qt::StringLiterals;

// Owns the store thread's connection, opened on the thread by the first job (a connection is
// used only by the thread that made it).
class SyncStoreThread::Worker : public QObject
{
public:
    explicit Worker(QString path)
        : m_path(std::move(path))
    {
    }

    StoreResult<SyncChanges> run(const Job &job)
    {
        if (!m_writer) {
            if (StoreStatus failed = m_database.openFile(m_path))
                return *failed;
            m_writer = std::make_unique<SyncWriter>(m_database);
        }
        return job(*m_writer);
    }

private:
    const QString m_path;
    Database m_database;
    std::unique_ptr<SyncWriter> m_writer;
};

SyncStoreThread::SyncStoreThread(Database &database, QObject *parent)
    : QObject(parent)
{
    if (!database.hasFile()) {
        m_inlineWriter = std::make_unique<SyncWriter>(database);
        return;
    }
    m_thread.setObjectName(u"sync-store"_s);
    m_worker = new Worker(database.path());
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

SyncStoreThread::~SyncStoreThread()
{
    if (!m_worker)
        return;
    m_thread.quit(); // after the jobs already queued; their results are dropped with this object
    m_thread.wait();
}

void SyncStoreThread::writePage(const QString &backend,
    const QList<RemoteConversation> &conversations, const QString &cursor, Done done)
{
    run([=](SyncWriter &writer) { return writer.writePage(backend, conversations, cursor); },
        std::move(done));
}

void SyncStoreThread::finish(const QString &backend, const std::optional<QSet<QString>> &present,
    const QString &cursor, const QDateTime &at, Done done)
{
    run([=](SyncWriter &writer) { return writer.finish(backend, present, cursor, at); },
        std::move(done));
}

void SyncStoreThread::run(Job job, Done done)
{
    // Handed back through this object's event queue: dropped if it is destroyed first.
    const auto handBack = [this, done = std::move(done)](const StoreResult<SyncChanges> &changes) {
        QMetaObject::invokeMethod(
            this, [done, changes] { done(changes); }, Qt::QueuedConnection);
    };
    if (!m_worker) {
        handBack(job(*m_inlineWriter));
        return;
    }
    // The destructor waits for the thread, so `this` outlives every job that starts.
    QMetaObject::invokeMethod(m_worker,
        [worker = m_worker, job = std::move(job), handBack] { handBack(worker->run(job)); });
}
