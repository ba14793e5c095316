#pragma once

#include "models/storeerror.h"
#include "models/syncrecords.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

class Database;
class SyncWriter;

// The store side of a sync, on a thread of its own: each page is written in its transaction
// through a second connection to the same SQLite file (WAL lets the window's connection read
// meanwhile), so a page's inserts and their full-text indexing never hold up the event loop.
// A job's result is handed back on the thread that owns this object, in the order the jobs were
// given. A store that has no file (":memory:", for tests) is written on the owner's thread
// through its own connection, the results still handed back from the event loop.
class SyncStoreThread : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const StoreResult<SyncChanges> &changes)>;

    explicit SyncStoreThread(Database &database, QObject *parent = nullptr);
    // Waits for the job in flight, if any: a page being written is written whole.
    ~SyncStoreThread() override;

    // SyncWriter::writePage on the store thread.
    void writePage(const QString &backend, const QList<RemoteConversation> &conversations,
        const QString &cursor, Done done);
    // SyncWriter::finish on the store thread.
    void finish(const QString &backend, const std::optional<QSet<QString>> &present,
        const QString &cursor, const QDateTime &at, Done done);

private:
    using Job = std::function<StoreResult<SyncChanges>(SyncWriter &writer)>;
    void run(Job job, Done done);

    class Worker;
    std::unique_ptr<SyncWriter> m_inlineWriter; // on the owner's connection, when it has no file
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted there
};
