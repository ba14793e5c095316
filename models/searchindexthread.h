#pragma once

#include "models/storeerror.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

// Indexes for search, on a thread of its own with its own connection to the history file, the
// messages whose indexing was deferred and that are final (DeferredIndex): in the app a long
// answer or a long pasted question, whose FTS5 indexing (~35 ms per MB) would otherwise stall
// the window. One message per transaction, so the window's own writes wait at most for one;
// WAL lets it read meanwhile. Until a message is indexed, search does not find it.
class SearchIndexThread : public QObject
{
    Q_OBJECT
public:
    // `path` is the history file (not ":memory:").
    explicit SearchIndexThread(const QString &path, QObject *parent = nullptr);
    // Waits for the message being indexed, if any; the others stay marked for the next start.
    ~SearchIndexThread() override;

    // Indexes every marked, final message; calls made while a run is queued are one run.
    void indexPending();

Q_SIGNALS:
    // On the owner's thread: a run ended, having indexed `count` messages.
    void indexed(int count);
    void failed(const StoreError &error);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted there
    std::atomic_bool m_queued = false;
};
