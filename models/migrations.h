#pragma once

#include "models/storeerror.h"

#include <QSqlDatabase>

// The ordered schema migrations. Version N is reached by applying migrations 1..N in order,
// each in its own transaction together with the `PRAGMA user_version` bump.
namespace Migrations {
int latestVersion();
StoreStatus migrate(QSqlDatabase &db, int fromVersion, int toVersion);
} // namespace Migrations
