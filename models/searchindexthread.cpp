#include "models/searchindexthread.h"

#include "models/database.h"
#include "models/deferredindex.h"
#include "models/repositoryrows.h"
#include "models/sqltransaction.h"

#include <QCoreApplication>
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
        const QString what
            = QCoreApplication::translate("StoreError", "Indexing messages for search");
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
        const QString what = QCoreApplication::translate("StoreError", "Writing the history file");
        if (StoreStatus failed = open())
            return *failed;
        QSqlQuery q(m_database.connection());
        if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) || !q.next())
            return storeErrorFromSql(q.lastError(), what);
        return std::pair { q.value(1).toInt(), q.value(2).toInt() };
    }

    StoreResult<Message> addMessage(Message message)
    {
        const QString what = QCoreApplication::translate("StoreError", "Saving the message");
        if (StoreStatus failed = open())
            return *failed;
        const QSqlDatabase db = m_database.connection();
        SqlTransaction transaction(db);
        if (StoreStatus e = RepositoryRows::insertMessage(db, &message, true))
            return *e;
        if (StoreStatus e = transaction.commit(what))
            return *e;
        return message;
    }

    StoreResult<Message> updateMessage(Message message, Repository::MessageFields fields)
    {
        const QString what = QCoreApplication::translate("StoreError", "Saving the message");
        if (StoreStatus failed = open())
            return *failed;
        const QSqlDatabase db = m_database.connection();
        const qint64 now = RepositoryRows::nowMs();
        SqlTransaction transaction(db);
        if (StoreStatus e = RepositoryRows::updateMessageRow(db, message, fields, now, true))
            return *e;
        if (StoreStatus e = transaction.commit(what))
            return *e;
        message.updatedAt = RepositoryRows::fromMs(now);
        return message;
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
    // A write still queued is the user's text: it runs (after the jobs queued before it).
    if (m_writesPending > 0)
        QMetaObject::invokeMethod(
            m_worker, [] {}, Qt::BlockingQueuedConnection);
    m_thread.quit(); // after the run in flight; the runs still queued are dropped with the loop
    m_thread.wait();
}

// Runs `job` on the worker, then `report` with its value here (or emits failed()). Calls made
// while one is queued are that one; a call made once it has started is another job, which may
// see newer rows. The destructor waits for the thread, so `this` outlives every job that starts.
template<typename Job, typename Report>
void SearchIndexThread::post(std::atomic_bool &queued, Job job, Report report)
{
    if (queued.exchange(true))
        return;
    QMetaObject::invokeMethod(m_worker, [this, &queued, job, report] {
        queued = false;
        const auto result = job(*m_worker);
        QMetaObject::invokeMethod(
            this,
            [this, result, report] {
                if (result)
                    report(*result);
                else
                    Q_EMIT failed(result.error());
            },
            Qt::QueuedConnection);
    });
}

void SearchIndexThread::checkpoint()
{
    post(
        m_checkpointQueued, [](Worker &worker) { return worker.checkpoint(); },
        [this](std::pair<int, int> frames) { Q_EMIT checkpointed(frames.first, frames.second); });
}

void SearchIndexThread::indexPending()
{
    post(
        m_queued, [](Worker &worker) { return worker.run(); },
        [this](int count) { Q_EMIT indexed(count); });
}

template<typename Write>
void SearchIndexThread::postWrite(
    Write write, std::function<void(const StoreResult<Message> &)> done)
{
    ++m_writesPending;
    QMetaObject::invokeMethod(m_worker, [this, write = std::move(write), done]() mutable {
        const StoreResult<Message> stored = write(*m_worker);
        --m_writesPending;
        QMetaObject::invokeMethod(
            this, [stored, done] { done(stored); }, Qt::QueuedConnection);
    });
}

void SearchIndexThread::addMessage(Message message, const QuestionText &text,
    std::function<void(const StoreResult<Message> &)> done)
{
    postWrite(
        [message = std::move(message), text](Worker &worker) mutable {
            message.text = text.joined();
            return worker.addMessage(std::move(message));
        },
        std::move(done));
}

void SearchIndexThread::updateMessage(Message message, Repository::MessageFields fields,
    std::function<void(const StoreResult<Message> &)> done)
{
    postWrite(
        [message = std::move(message), fields](
            Worker &worker) mutable { return worker.updateMessage(std::move(message), fields); },
        std::move(done));
}
