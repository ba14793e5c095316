#include "app/datasets/datasetstore.h"

#include "app/datasets/datasetimporter.h"
#include "models/sqltransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
StoreError error(StoreError::Code code, const QString &message, const QString &detail = {})
{
    return StoreError { code, message, detail };
}

// Namespace of the deterministic ids (UUID v5) of the bundled sample.
const QUuid sampleNamespace(u"6f1f5d0c-2b7e-4f4e-9a57-3c1c2f0b8a11"_s);

const QString datasetColumns = u"id, name, created_at, row_count, rollup_table"_s;

DatasetSchema readDataset(const QSqlQuery &q)
{
    DatasetSchema d;
    d.id = q.value(0).toString();
    d.name = q.value(1).toString();
    d.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    d.rowCount = q.value(3).toLongLong();
    d.rollupTable = q.value(4).toString();
    return d;
}

StoreStatus readColumns(QSqlDatabase db, DatasetSchema *d)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT id, name, type, lowest_level, currency FROM dataset_columns "
              u"WHERE dataset_id = ? ORDER BY position"_s);
    q.addBindValue(d->id);
    if (!q.exec())
        return storeErrorFromSql(q.lastError(),
            QCoreApplication::translate("StoreError", "Reading the dataset's columns"));
    while (q.next()) {
        ColumnSchema c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        parseColumnType(q.value(2).toString(), &c.type);
        c.lowestLevel = q.value(3).toInt();
        c.currency = q.value(4).toBool();
        d->columns.append(c);
    }
    return std::nullopt;
}

// Version 1: the catalogue of datasets and their columns.
SqliteMigration createCatalogue()
{
    return SqliteMigration::statements(
        QCoreApplication::translate("StoreError", "Creating the datasets database"),
        {
            u"CREATE TABLE datasets (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
            u"table_name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, "
            u"row_count INTEGER NOT NULL)"_s,
            u"CREATE TABLE dataset_columns (dataset_id TEXT NOT NULL REFERENCES datasets(id) "
            u"ON DELETE CASCADE, position INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, "
            u"type TEXT NOT NULL, lowest_level INTEGER NOT NULL, currency INTEGER NOT NULL, "
            u"PRIMARY KEY (dataset_id, position), UNIQUE (dataset_id, id))"_s,
        });
}

// Version 2: the catalogue's rollup_table column, and the rollups of the datasets.
StoreStatus addRollups(QSqlDatabase &db)
{
    const QString what
        = QCoreApplication::translate("StoreError", "Upgrading the datasets database");
    QSqlQuery q(db);
    if (!q.exec(u"ALTER TABLE datasets ADD COLUMN rollup_table TEXT"_s))
        return storeErrorFromSql(q.lastError(), what);
    if (!q.exec(u"SELECT " + datasetColumns + u", table_name FROM datasets"))
        return storeErrorFromSql(q.lastError(), what);
    QList<QPair<DatasetSchema, QString>> tables;
    while (q.next())
        tables.append({ readDataset(q), q.value(5).toString() });
    q.finish();
    for (auto &[schema, table] : tables) {
        if (StoreStatus e = readColumns(db, &schema))
            return e;
        const StoreResult<QString> rollup = DatasetImporter::buildRollup(db, schema, table);
        if (!rollup)
            return rollup.error();
        if (rollup->isEmpty())
            continue;
        q.prepare(u"UPDATE datasets SET rollup_table = ? WHERE id = ?"_s);
        q.addBindValue(*rollup);
        q.addBindValue(schema.id);
        if (!q.exec())
            return storeErrorFromSql(q.lastError(), what);
    }
    return std::nullopt;
}
} // namespace

DatasetStore::DatasetStore()
    : m_db(SqliteSchema {
        .connectionPrefix = u"chartroom-datasets"_s,
        .name = u"datasets database"_s,
        .damagedAdvice = {},
        .applicationId = applicationId,
        .migrations = { createCatalogue(),
            { QCoreApplication::translate("StoreError", "Upgrading the datasets database"),
                &addRollups } },
        .extraPragmas = { u"PRAGMA cache_size=-16000"_s },
    })
{
    Q_ASSERT(m_db.latestVersion() == schemaVersion);
}

QString DatasetStore::sampleDatasetId()
{
    return QUuid::createUuidV5(sampleNamespace, u"chartroom:sample:sales"_s)
        .toString(QUuid::WithoutBraces);
}

QString DatasetStore::columnId(const QString &datasetId, const QString &columnName)
{
    const QUuid ns = QUuid::fromString(datasetId);
    return QUuid::createUuidV5(ns.isNull() ? sampleNamespace : ns, columnName.toLower())
        .toString(QUuid::WithoutBraces);
}

QString DatasetStore::columnSqlName(int position)
{
    return u"c" + QString::number(position);
}

StoreStatus DatasetStore::open(const QString &directory)
{
    return m_db.openIn(directory, QString::fromLatin1(fileName));
}

StoreStatus DatasetStore::openFile(const QString &path)
{
    return m_db.openFile(path);
}

StoreResult<DatasetSchema> DatasetStore::import(
    QIODevice &device, const QString &name, const Progress &progress)
{
    return importWithId(device, QUuid::createUuid().toString(QUuid::WithoutBraces), name, progress);
}

StoreResult<DatasetSchema> DatasetStore::importWithId(
    QIODevice &device, const QString &datasetId, const QString &name, const Progress &progress)
{
    if (!isOpen())
        return error(StoreError::Code::CannotOpen, u"The datasets database is not open."_s);
    if (!device.isOpen() || !device.isReadable())
        return error(StoreError::Code::CannotOpen, u"The file is not open for reading."_s);
    const QString displayName = name.trimmed().isEmpty() ? u"Dataset"_s : name.trimmed();
    const QString table = u"d_" + QString(datasetId).remove(u'-');
    if (device.isSequential()) {
        // Two passes need a seekable file: spool the stream to a temporary one.
        QTemporaryFile spool;
        if (!spool.open())
            return error(StoreError::Code::CannotOpen, u"Cannot create a temporary file."_s);
        QByteArray block;
        while (!(block = device.read(1 << 16)).isEmpty()) {
            if (spool.write(block) != block.size())
                return error(StoreError::Code::DiskFull, u"Cannot copy the input: disk full?"_s);
        }
        spool.seek(0);
        return DatasetImporter(connection(), progress).run(spool, datasetId, displayName, table);
    }
    return DatasetImporter(connection(), progress).run(device, datasetId, displayName, table);
}

StoreResult<DatasetSchema> DatasetStore::importFile(
    const QString &filePath, const QString &name, const Progress &progress)
{
    const QFileInfo info(filePath);
    if (!info.exists()) {
        return error(StoreError::Code::NotFound,
            u"The file " + QDir::toNativeSeparators(filePath) + u" does not exist.");
    }
    QFile file(filePath);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return error(StoreError::Code::CannotOpen,
            u"Cannot read " + QDir::toNativeSeparators(filePath) + u": " + file.errorString());
    }
    return import(file, name.isEmpty() ? info.completeBaseName() : name, progress);
}

StoreResult<QList<DatasetSchema>> DatasetStore::datasets() const
{
    QSqlQuery q(connection());
    if (!q.exec(u"SELECT " + datasetColumns + u" FROM datasets ORDER BY created_at, name"))
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Listing the datasets"));
    QList<DatasetSchema> result;
    while (q.next())
        result.append(readDataset(q));
    for (DatasetSchema &d : result) {
        if (StoreStatus failed = readColumns(connection(), &d))
            return *failed;
    }
    return result;
}

StoreResult<DatasetSchema> DatasetStore::dataset(const QString &id) const
{
    QSqlQuery q(connection());
    q.prepare(u"SELECT " + datasetColumns + u" FROM datasets WHERE id = ?");
    q.addBindValue(id);
    if (!q.exec())
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Reading the dataset"));
    if (!q.next())
        return error(StoreError::Code::NotFound, u"There is no dataset with id " + id + u'.');
    DatasetSchema d = readDataset(q);
    if (StoreStatus failed = readColumns(connection(), &d))
        return *failed;
    return d;
}

StoreResult<QString> DatasetStore::tableName(const QString &datasetId) const
{
    QSqlQuery q(connection());
    q.prepare(u"SELECT table_name FROM datasets WHERE id = ?"_s);
    q.addBindValue(datasetId);
    if (!q.exec())
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Reading the dataset"));
    if (!q.next())
        return error(
            StoreError::Code::NotFound, u"There is no dataset with id " + datasetId + u'.');
    return q.value(0).toString();
}

StoreStatus DatasetStore::remove(const QString &id)
{
    const StoreResult<QString> table = tableName(id);
    if (!table)
        return table.error();
    const StoreResult<DatasetSchema> schema = dataset(id);
    if (!schema)
        return schema.error();
    SqlTransaction transaction(connection());
    QSqlQuery q(connection());
    q.prepare(u"DELETE FROM datasets WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Removing the dataset"));
    if (!q.exec(u"DROP TABLE IF EXISTS " + *table))
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Removing the dataset"));
    if (!schema->rollupTable.isEmpty() && !q.exec(u"DROP TABLE IF EXISTS " + schema->rollupTable))
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Removing the dataset"));
    return transaction.commit(QCoreApplication::translate("StoreError", "Removing the dataset"));
}

StoreStatus DatasetStore::ensureSampleDataset()
{
    QSqlQuery q(connection());
    if (!q.exec(u"SELECT count(*) FROM datasets"_s) || !q.next())
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Listing the datasets"));
    if (q.value(0).toLongLong() > 0)
        return std::nullopt;
    q.finish();
    QFile sample(u":/sample/sales.csv"_s);
    if (!sample.open(QIODevice::ReadOnly)) {
        return error(StoreError::Code::NotFound,
            u"The bundled sample dataset is missing from this build."_s);
    }
    const auto imported = importWithId(sample, sampleDatasetId(), u"Sales"_s, {});
    if (!imported)
        return imported.error();
    return std::nullopt;
}
