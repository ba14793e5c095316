#pragma once

#include "app/datasets/datasetschema.h"
#include "models/sqlitedatabase.h"
#include "models/storeerror.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

class QIODevice;

// The local analyst server's datasets, in their own SQLite file (DIR/datasets.sqlite, WAL):
// a catalogue (datasets, dataset_columns) and one table per dataset with typed columns
// (datetime as INTEGER Unix seconds UTC, numeric as REAL, hierarchy as TEXT). Table and column
// names in SQL are generated ("d_<uuid hex>", "c0", "c1", ...), never taken from input. A dataset
// with many rows per combination of its categories and dates also has a rollup table
// ("d_<uuid hex>_rollup", see QueryBuilder::rollupSql) that most queries read instead.
class DatasetStore
{
public:
    static constexpr auto fileName = "datasets.sqlite";
    static constexpr int applicationId = 0x43524453; // "CRDS"
    static constexpr int schemaVersion = 2; // 2: rollups (see QueryBuilder)

    // Called while importing with the bytes read so far and the total; both passes over the file
    // count, so totalBytes is twice the file's size. Return false to cancel the import.
    using Progress = std::function<bool(qint64 bytesRead, qint64 totalBytes)>;

    DatasetStore();
    DatasetStore(const DatasetStore &) = delete;
    DatasetStore &operator=(const DatasetStore &) = delete;

    // Opens (creating if needed) DIR/datasets.sqlite.
    StoreStatus open(const QString &directory);
    // Opens a specific file (tests).
    StoreStatus openFile(const QString &path);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    QSqlDatabase connection() const { return m_db.connection(); }

    // Imports a CSV (see CsvReader) as a new dataset, all or nothing in one transaction. The
    // device must be open; a sequential device is first copied to a temporary file. Bad rows
    // fail the import with their line numbers.
    StoreResult<DatasetSchema> import(
        QIODevice &device, const QString &name, const Progress &progress = {});
    // Opens and imports a file; the name defaults to the file's base name.
    StoreResult<DatasetSchema> importFile(
        const QString &filePath, const QString &name = {}, const Progress &progress = {});

    StoreResult<QList<DatasetSchema>> datasets() const; // by creation time
    StoreResult<DatasetSchema> dataset(const QString &id) const; // NotFound when unknown
    StoreStatus remove(const QString &id); // NotFound when unknown

    // Imports the bundled sample (":/sample/sales.csv") as "Sales" when the store holds no dataset
    // yet; does nothing otherwise.
    StoreStatus ensureSampleDataset();
    // The sample's fixed dataset id, and the column ids derived from it.
    static QString sampleDatasetId();
    static QString columnId(const QString &datasetId, const QString &columnName);

    // For the query engine: the SQL table of a dataset and the SQL name of a column position.
    StoreResult<QString> tableName(const QString &datasetId) const;
    static QString columnSqlName(int position);

private:
    StoreResult<DatasetSchema> importWithId(
        QIODevice &device, const QString &datasetId, const QString &name, const Progress &progress);

    SqliteDatabase m_db;
};
