#pragma once

#include "app/datasets/datasetschema.h"
#include "app/datasets/datasetstore.h"
#include "models/storeerror.h"

#include <QSqlDatabase>

class QIODevice;

// One CSV import into an open dataset store, in two passes over a seekable device: the first
// reads every row (validating its shape and inferring the column types), the second converts
// and inserts the rows in batches with a reused prepared statement, then builds the dataset's
// rollup (when it is small enough to help), inside one transaction.
// Any bad row, failure or cancel leaves the store as it was.
class DatasetImporter
{
public:
    DatasetImporter(QSqlDatabase db, DatasetStore::Progress progress);

    StoreResult<DatasetSchema> run(
        QIODevice &device, const QString &datasetId, const QString &name, const QString &tableName);

    // How many bad rows an error names by line.
    static constexpr int reportedBadRows = 5;
    // A rollup is kept only when it has at most 1/rollupMinRatio of the dataset's rows.
    static constexpr qint64 rollupMinRatio = 4;

    // Creates the rollup of a dataset's table (QueryBuilder::rollupSql) as TABLE_rollup, in the
    // caller's transaction: its name, or an empty string when it would be too large to help (then
    // it is not kept).
    static StoreResult<QString> buildRollup(
        QSqlDatabase db, const DatasetSchema &schema, const QString &table);

private:
    StoreStatus inferPass(QIODevice &device, DatasetSchema *schema);
    StoreStatus insertPass(QIODevice &device, const DatasetSchema &schema, const QString &table);
    bool report(qint64 bytes);

    QSqlDatabase m_db;
    DatasetStore::Progress m_progress;
    qint64 m_start = 0;
    qint64 m_size = 0;
};
