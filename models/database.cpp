#include "models/database.h"

#include "models/migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"chartroom-" + QString::number(++counter);
}

bool exec(QSqlDatabase &db, const QString &sql, QSqlError *error = nullptr)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError();
    return false;
}

StoreError error(StoreError::Code code, const QString &message, const QString &detail = {})
{
    return StoreError { code, message, detail };
}
} // namespace

Database::Database()
    : m_connectionName(nextConnectionName())
{
}

Database::~Database()
{
    close();
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
    if (!QDir().mkpath(directory)) {
        return error(StoreError::Code::CannotCreateDirectory,
            u"Cannot create the data folder " + QDir::toNativeSeparators(directory)
                + u". Check that its parent exists and is writable.");
    }
    return openFile(QDir(directory).filePath(QString::fromLatin1(fileName)));
}

StoreStatus Database::openFile(const QString &path)
{
    return openAt(path, Migrations::latestVersion());
}

StoreStatus Database::openFileAtVersion(const QString &path, int version)
{
    return openAt(path, version);
}

StoreStatus Database::openAt(const QString &path, int targetVersion)
{
    close();
    // The connection handle used inside setUp() must be gone before close() removes it.
    StoreStatus result = setUp(path, targetVersion);
    if (result)
        close();
    return result;
}

StoreStatus Database::setUp(const QString &path, int targetVersion)
{
    const bool inMemory = path == u":memory:";
    if (!inMemory) {
        const QFileInfo info(path);
        if (info.exists() && !info.isFile()) {
            return error(StoreError::Code::CannotOpen,
                QDir::toNativeSeparators(path) + u" exists but is not a file.");
        }
        if (!info.exists() && !QFileInfo(info.absolutePath()).isWritable()) {
            return error(StoreError::Code::CannotOpen,
                u"Cannot create the history database in "
                    + QDir::toNativeSeparators(info.absolutePath())
                    + u": the folder is not writable.");
        }
        if (info.exists() && !info.isWritable()) {
            return error(StoreError::Code::ReadOnly,
                u"The history database " + QDir::toNativeSeparators(path)
                    + u" is read-only. Chartroom needs to write to it.");
        }
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        return storeErrorFromSql(db.lastError(), u"Opening the history database"_s);
    }
    m_path = path;

    int userVersion = 0;
    if (StoreStatus owned = checkOwnership(db, &userVersion))
        return owned;
    if (userVersion > Migrations::latestVersion()) {
        return error(StoreError::Code::SchemaTooNew,
            u"The history database " + QDir::toNativeSeparators(path)
                + u" was written by a newer version of Chartroom (schema "
                + QString::number(userVersion) + u"; this version knows up to "
                + QString::number(Migrations::latestVersion())
                + u"). Update Chartroom to open it; the file was left unchanged.");
    }

    QSqlError sqlError;
    if (!inMemory && !exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &sqlError)) {
        return storeErrorFromSql(sqlError, u"Opening the history database"_s);
    }
    exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"));
    exec(db, QStringLiteral("PRAGMA foreign_keys=ON"));

    return Migrations::migrate(db, userVersion, targetVersion);
}

StoreStatus Database::checkOwnership(QSqlDatabase &db, int *userVersion)
{
    // Reading the header is the first thing that fails on a damaged file or a non-database.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
        return error(StoreError::Code::NotADatabase,
            u"The history database " + QDir::toNativeSeparators(m_path)
                + u" is damaged or is not an SQLite database. It was left "
                  u"unchanged; move it away to start a new history.",
            query.lastError().text());
    }
    const int appId = query.value(0).toInt();
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return error(StoreError::Code::NotADatabase, u"Cannot read the schema version."_s,
            query.lastError().text());
    }
    *userVersion = query.value(0).toInt();
    query.finish();

    if (appId == applicationId)
        return std::nullopt;
    if (appId != 0) {
        return error(StoreError::Code::NotChartroom,
            u"The file " + QDir::toNativeSeparators(m_path)
                + u" belongs to another program. It was left unchanged.");
    }
    // No application id: only an empty database may become ours.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
        return error(StoreError::Code::NotADatabase,
            u"The history database " + QDir::toNativeSeparators(m_path)
                + u" is damaged or is not an SQLite database. It was left "
                  u"unchanged; move it away to start a new history.",
            query.lastError().text());
    }
    if (query.value(0).toInt() > 0 || *userVersion != 0) {
        return error(StoreError::Code::NotChartroom,
            u"The file " + QDir::toNativeSeparators(m_path)
                + u" is an SQLite database of another program. It was left "
                  u"unchanged.");
    }
    return std::nullopt;
}

void Database::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_path.clear();
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}
