#include "models/searchindexthread.h"

#include "models/database.h"
#include "models/deferredindex.h"
#include "models/sqltransaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <utility>

using namespace Qt::StringLiterals;

// Owns the thread's connection, opened there by the first run (a connection is used only by the
// thread that made it).
class SearchIndexThread::Worker : public QObject
{
public:
    explicit Worker(QString path)
        : m_path(std::move(path))
    {
    }

    StoreResult<int> run()
    {
        const QString what = u"Indexing messages for search"_s;
        if (StoreStatus failed = open())
            return *failed;
        const QSqlDatabase db = m_database.connection();
        auto ids = DeferredIndex::finishedIds(db, what);
        if (!ids)
            return ids.error();
        for (qint64 id : *ids) {
            SqlTransaction transaction(db);
            if (StoreStatus e = DeferredIndex::indexMessage(db, id, what))
                return *e;
            if (StoreStatus e = transaction.commit(what))
                return *e;
        }
        return int(ids->size());
    }

    // (frames in the log, frames copied into the file)
    StoreResult<std::pair<int, int>> checkpoint()
    {
        const QString what = u"Writing the history file"_s;
        if (StoreStatus failed = open())
            return *failed;
        QSqlQuery q(m_database.connection());
        if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) || !q.next())
            return storeErrorFromSql(q.lastError(), what);
        return std::pair { q.value(1).toInt(), q.value(2).toInt() };
    }

private:
    StoreStatus open()
    {
        if (m_database.isOpen())
            return std::nullopt;
        return m_database.openFile(m_path);
    }

    const QString m_path;
    Database m_database;
};

SearchIndexThread::SearchIndexThread(const QString &path, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"search-index"_s);
    m_worker = new Worker(path);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

SearchIndexThread::~SearchIndexThread()
{
    m_thread.quit(); // after the run in flight; the runs still queued are dropped with the loop
    m_thread.wait();
}

void SearchIndexThread::checkpoint()
{
    if (m_checkpointQueued.exchange(true))
        return;
    QMetaObject::invokeMethod(m_worker, [this] {
        m_checkpointQueued = false;
        const auto result = m_worker->checkpoint();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                if (result)
                    Q_EMIT checkpointed(result->first, result->second);
                else
                    Q_EMIT failed(result.error());
            },
            Qt::QueuedConnection);
    });
}

void SearchIndexThread::indexPending()
{
    if (m_queued.exchange(true))
        return;
    // The destructor waits for the thread, so `this` outlives every run that starts.
    QMetaObject::invokeMethod(m_worker, [this] {
        m_queued = false; // a call from now on is another run: it may see newer rows
        const StoreResult<int> result = m_worker->run();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                if (result)
                    Q_EMIT indexed(*result);
                else
                    Q_EMIT failed(result.error());
            },
            Qt::QueuedConnection);
    });
}
