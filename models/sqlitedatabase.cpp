#include "models/sqlitedatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
QString nextConnectionName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return prefix + u'-' + QString::number(++counter);
}

StoreError error(StoreError::Code code, const QString &message, const QString &detail = {})
{
    return StoreError { code, message, detail };
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}
} // namespace

SqliteMigration SqliteMigration::statements(const QString &what, const QStringList &sql)
{
    return { what, [what, sql](QSqlDatabase &db) -> StoreStatus {
                QSqlQuery query(db);
                for (const QString &statement : sql) {
                    if (!query.exec(statement))
                        return storeErrorFromSql(query.lastError(), what);
                }
                return std::nullopt;
            } };
}

SqliteDatabase::SqliteDatabase(SqliteSchema schema)
    : m_schema(std::move(schema))
    , m_connectionName(nextConnectionName(m_schema.connectionPrefix))
{
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

StoreStatus SqliteDatabase::makeDirectory(const QString &directory)
{
    if (QDir().mkpath(directory))
        return std::nullopt;
    return error(StoreError::Code::CannotCreateDirectory,
        u"Cannot create the data folder " + native(directory)
            + u". Check that its parent exists and is writable.");
}

StoreStatus SqliteDatabase::openIn(const QString &directory, const QString &fileName)
{
    if (StoreStatus failed = makeDirectory(directory))
        return failed;
    return openFile(QDir(directory).filePath(fileName));
}

StoreStatus SqliteDatabase::openFile(const QString &path, int version)
{
    close();
    // The connection handle used inside setUp() must be gone before close() removes it.
    StoreStatus result = setUp(path, version < 0 ? latestVersion() : version);
    if (result)
        close();
    return result;
}

StoreStatus SqliteDatabase::checkFile(const QString &path) const
{
    if (path == u":memory:")
        return std::nullopt;
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return error(StoreError::Code::CannotOpen, native(path) + u" exists but is not a file.");
    if (!info.exists() && !QFileInfo(info.absolutePath()).isWritable()) {
        return error(StoreError::Code::CannotOpen,
            u"Cannot create the " + m_schema.name + u" in " + native(info.absolutePath())
                + u": the folder is not writable.");
    }
    if (info.exists() && !info.isWritable()) {
        return error(StoreError::Code::ReadOnly,
            u"The " + m_schema.name + u' ' + native(path)
                + u" is read-only. Chartroom needs to write to it.");
    }
    return std::nullopt;
}

StoreStatus SqliteDatabase::setUp(const QString &path, int version)
{
    if (StoreStatus unusable = checkFile(path))
        return unusable;
    const QString opening = u"Opening the " + m_schema.name;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return storeErrorFromSql(db.lastError(), opening);
    m_path = path;

    int userVersion = 0;
    if (StoreStatus foreign = checkOwnership(db, &userVersion))
        return foreign;
    if (userVersion > latestVersion()) {
        return error(StoreError::Code::SchemaTooNew,
            u"The " + m_schema.name + u' ' + native(path)
                + u" was written by a newer version of Chartroom (schema "
                + QString::number(userVersion) + u"; this version knows up to "
                + QString::number(latestVersion())
                + u"). Update Chartroom to open it; the file was left unchanged.");
    }

    // Only now that the file is known to be ours may anything be written to it.
    QSqlQuery query(db);
    if (path != u":memory:" && !query.exec(u"PRAGMA journal_mode=WAL"_s))
        return storeErrorFromSql(query.lastError(), opening);
    QStringList pragmas { u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s };
    pragmas << m_schema.extraPragmas;
    for (const QString &pragma : std::as_const(pragmas))
        query.exec(pragma);
    query.finish();
    return migrate(db, userVersion, version);
}

StoreError SqliteDatabase::damaged(const QString &detail) const
{
    return error(StoreError::Code::NotADatabase,
        u"The " + m_schema.name + u' ' + native(m_path)
            + u" is damaged or is not an SQLite database. It was left unchanged"
            + m_schema.damagedAdvice + u'.',
        detail);
}

StoreStatus SqliteDatabase::checkOwnership(QSqlDatabase &db, int *userVersion) const
{
    // Reading the header is the first thing that fails on a damaged file or a non-database.
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return damaged(query.lastError().text());
    const int appId = query.value(0).toInt();
    query.finish();
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        return error(StoreError::Code::NotADatabase, u"Cannot read the schema version."_s,
            query.lastError().text());
    }
    *userVersion = query.value(0).toInt();
    query.finish();

    if (appId != 0 && appId == m_schema.applicationId)
        return std::nullopt;
    if (appId != 0) {
        return error(StoreError::Code::NotChartroom,
            u"The file " + native(m_path) + u" belongs to another program. It was left unchanged.");
    }
    if (m_schema.applicationId == 0)
        return std::nullopt; // a kind of file that is never marked
    // No application id: only an empty database may become ours.
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next())
        return damaged(query.lastError().text());
    if (query.value(0).toInt() > 0 || *userVersion != 0) {
        return error(StoreError::Code::NotChartroom,
            u"The file " + native(m_path)
                + u" is an SQLite database of another program. It was left unchanged.");
    }
    return std::nullopt;
}

StoreStatus SqliteDatabase::migrate(QSqlDatabase &db, int fromVersion, int toVersion) const
{
    for (int version = fromVersion + 1; version <= toVersion; ++version) {
        const SqliteMigration &step = m_schema.migrations.at(version - 1);
        if (!db.transaction())
            return storeErrorFromSql(db.lastError(), step.what);
        StoreStatus failed = step.apply(db);
        QSqlQuery query(db);
        if (!failed && version == 1 && m_schema.applicationId != 0
            && !query.exec(u"PRAGMA application_id = " + QString::number(m_schema.applicationId)))
            failed = storeErrorFromSql(query.lastError(), step.what);
        if (!failed && !query.exec(u"PRAGMA user_version = " + QString::number(version)))
            failed = storeErrorFromSql(query.lastError(), step.what);
        query.finish();
        if (failed) {
            if (failed->code == StoreError::Code::QueryFailed)
                failed->code = StoreError::Code::MigrationFailed;
            db.rollback();
            return failed;
        }
        if (!db.commit()) {
            const StoreError e = storeErrorFromSql(db.lastError(), step.what);
            db.rollback();
            return e;
        }
    }
    return std::nullopt;
}

void SqliteDatabase::close()
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

bool SqliteDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int SqliteDatabase::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(u"PRAGMA user_version"_s) && query.next())
        return query.value(0).toInt();
    return -1;
}

QSqlDatabase SqliteDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}
