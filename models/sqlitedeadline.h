#pragma once

#include <QDeadlineTimer>

class QSqlDatabase;
struct sqlite3;

// The SQLite connection under a Qt QSQLITE connection, or null for another driver.
sqlite3 *sqliteHandle(const QSqlDatabase &connection);

// Bounds the statements run on an SQLite connection in time: while an instance lives, SQLite's
// progress handler stops any statement on that connection once `deadline` has passed, and the
// statement fails with SQLITE_INTERRUPT (StoreError::Code::Interrupted). A forever deadline
// installs nothing. One at a time per connection; not copyable.
class SqliteDeadline
{
public:
    SqliteDeadline(const QSqlDatabase &connection, QDeadlineTimer deadline);
    ~SqliteDeadline();
    SqliteDeadline(const SqliteDeadline &) = delete;
    SqliteDeadline &operator=(const SqliteDeadline &) = delete;

    bool expired() const { return m_deadline.hasExpired(); }

private:
    sqlite3 *m_db = nullptr;
    QDeadlineTimer m_deadline;
};
