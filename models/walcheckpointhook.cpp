#include "models/walcheckpointhook.h"

#include "models/sqlitedeadline.h"

#include <QSqlDatabase>

#include <sqlite3.h>

WalCheckpointHook::WalCheckpointHook(
    const QSqlDatabase &connection, int pages, std::function<void()> due)
    : m_connectionName(connection.connectionName())
    , m_db(sqliteHandle(connection))
    , m_pages(pages)
    , m_due(std::move(due))
{
    if (m_db)
        sqlite3_wal_hook(m_db, &WalCheckpointHook::onCommit, this); // replaces the automatic one
}

WalCheckpointHook::~WalCheckpointHook()
{
    // A connection closed since has taken the hook with it; a new one never had it.
    if (m_db && QSqlDatabase::contains(m_connectionName)
        && sqliteHandle(QSqlDatabase::database(m_connectionName, false)) == m_db)
        sqlite3_wal_autocheckpoint(m_db, m_pages); // back to SQLite's own, at the same size
}

int WalCheckpointHook::onCommit(void *self, sqlite3 *, const char *, int pages)
{
    auto *hook = static_cast<WalCheckpointHook *>(self);
    if (pages >= hook->m_pages)
        hook->m_due();
    return SQLITE_OK;
}
