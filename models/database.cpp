#include "models/database.h"

#include "models/migrations.h"
#include "models/searchrank.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Database::Database()
    : m_db(SqliteSchema {
        .connectionPrefix = u"chartroom"_s,
        .name = u"history database"_s,
        .damagedAdvice = u"; move it away to start a new history"_s,
        .applicationId = applicationId,
        .migrations = Migrations::steps(),
        // 16 MB of page cache instead of SQLite's 2 MB: a search reads a few MB of index,
        // message and row-size pages, which then stay for the next keystroke's search instead
        // of being read again from the OS (bench_store: the phrase query 9.2 -> 6.7 ms p50).
        // It fills only as pages are read: a fresh start reads few.
        .extraPragmas = { u"PRAGMA cache_size = -16000"_s },
    })
{
}

QString Database::resolveDataDirectory(const QString &fromCommandLine)
{
    if (!fromCommandLine.isEmpty())
        return QDir(fromCommandLine).absolutePath();
    const QString env = qEnvironmentVariable("CHARTROOM_DATA_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

StoreStatus Database::open(const QString &directory)
{
    return prepared(m_db.openIn(directory, QString::fromLatin1(fileName)));
}

StoreStatus Database::openFile(const QString &path)
{
    return prepared(m_db.openFile(path));
}

StoreStatus Database::openFileAtVersion(const QString &path, int version)
{
    return prepared(m_db.openFile(path, version));
}

StoreStatus Database::prepared(StoreStatus opened)
{
    if (opened)
        return opened;
    // The search's ranking function (Repository::search).
    if (StoreStatus failed = SearchRank::install(m_db.connection())) {
        m_db.close();
        return failed;
    }
    return std::nullopt;
}
