#pragma once

#include "models/sqlitedatabase.h"

#include <QList>

// The ordered schema migrations of the history database. Version N is reached by applying
// migrations 1..N in order; SqliteDatabase runs each in its own transaction together with the
// `PRAGMA user_version` bump.
namespace Migrations {
int latestVersion();
QList<SqliteMigration> steps();
} // namespace Migrations
