#include "models/sqlitedeadline.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace {
// How many SQLite virtual machine steps run between two looks at the clock: a few
// microseconds of work, so a query stops within a millisecond of its deadline.
constexpr int stepsPerCheck = 1000;

int stopWhenExpired(void *deadline)
{
    return static_cast<const QDeadlineTimer *>(deadline)->hasExpired() ? 1 : 0;
}
} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteDeadline::SqliteDeadline(const QSqlDatabase &connection, QDeadlineTimer deadline)
    : m_deadline(deadline)
{
    if (m_deadline.isForever())
        return;
    m_db = sqliteHandle(connection);
    if (m_db)
        sqlite3_progress_handler(m_db, stepsPerCheck, stopWhenExpired, &m_deadline);
}

SqliteDeadline::~SqliteDeadline()
{
    if (m_db)
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
}
