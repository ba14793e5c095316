#pragma once

#include <QString>

#include <functional>

class QSqlDatabase;
struct sqlite3;

// Moves SQLite's WAL checkpoints off a connection's thread. By default the connection that
// commits a transaction leaving 1,000 or more pages in the write-ahead log copies them back
// into the database file itself, there and then (about 40 ms for a 4 MB message, on the
// window's thread). With this hook installed, that connection only calls `due` (on its own
// thread, inside the commit: it must only post work elsewhere), and another connection is to
// run the checkpoint (SearchIndexThread::checkpoint()). Removed again by the destructor, if the
// connection is still the one it was installed on.
class WalCheckpointHook
{
public:
    WalCheckpointHook(const QSqlDatabase &connection, int pages, std::function<void()> due);
    ~WalCheckpointHook();
    WalCheckpointHook(const WalCheckpointHook &) = delete;
    WalCheckpointHook &operator=(const WalCheckpointHook &) = delete;

    bool installed() const { return m_db != nullptr; }

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int pages);

    QString m_connectionName; // not a QSqlDatabase copy: that would keep the connection in use
    sqlite3 *m_db = nullptr;
    int m_pages = 1000;
    std::function<void()> m_due;
};
