#pragma once

#include "models/repository.h"
#include "models/storeerror.h"
#include "models/types.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

// Indexes for search, on a thread of its own with its own connection to the history file, the
// messages whose indexing was deferred and that are final (DeferredIndex): in the app a long
// answer or a long pasted question, whose FTS5 indexing (~35 ms per MB) would otherwise stall
// the window. One message per transaction, so the window's own writes wait at most for one;
// WAL lets it read meanwhile. Until a message is indexed, search does not find it.
// It also runs the WAL checkpoints the window's connection leaves to it (WalCheckpointHook),
// and writes the long questions and answers the window should not wait for (addMessage,
// updateMessage).
class SearchIndexThread : public QObject
{
    Q_OBJECT
public:
    // `path` is the history file (not ":memory:").
    explicit SearchIndexThread(const QString &path, QObject *parent = nullptr);
    // Waits for the message being indexed, if any; the others stay marked for the next start.
    // Every write asked for (addMessage, updateMessage) is done first.
    ~SearchIndexThread() override;

    // Indexes every marked, final message; calls made while a run is queued are one run.
    void indexPending();
    // Copies the write-ahead log back into the history file: a passive checkpoint, which never
    // waits for the window's writes. Calls made while one is queued are one.
    void checkpoint();
    // Writes `message`, its text being `text` joined (here, on the thread), as
    // Repository::addMessage would (marked for indexing), then calls `done` here with the stored
    // message or the error. Each call is a write of its own, in call order.
    void addMessage(Message message, const QuestionText &text,
        std::function<void(const StoreResult<Message> &)> done);

    // Writes `fields` of `message` (not its assets) as Repository::updateMessage would, here, a
    // text marked for indexing (DeferredIndex); then calls `done` here with the message as
    // stored (its update time) or the error. In call order with addMessage().
    void updateMessage(Message message, Repository::MessageFields fields,
        std::function<void(const StoreResult<Message> &)> done);

    // Whether a write asked for has not been done yet.
    bool writesPending() const { return m_writesPending > 0; }

Q_SIGNALS:
    // On the owner's thread: a run ended, having indexed `count` messages.
    void indexed(int count);
    void failed(const StoreError &error);
    // A checkpoint ended: `copied` of the log's `frames` pages are in the file (all of them,
    // unless a reader still needed the older ones).
    void checkpointed(int frames, int copied);

private:
    class Worker;
    template<typename Job, typename Report>
    void post(std::atomic_bool &queued, Job job, Report report);
    // Runs `write` on the worker, then `done` with its result here; counted in m_writesPending.
    template<typename Write>
    void postWrite(Write write, std::function<void(const StoreResult<Message> &)> done);

    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted there
    std::atomic_bool m_queued = false;
    std::atomic_bool m_checkpointQueued = false;
    std::atomic_int m_writesPending = 0;
};
