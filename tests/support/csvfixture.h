#pragma once

#include "app/datasets/datasetstore.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Imports `csv` (the whole file's bytes) into `store` as the dataset `name`, through the same
// DatasetStore::import() that reads a file, from an in-memory buffer.
StoreResult<DatasetSchema> importBytes(DatasetStore &store, const QByteArray &csv,
    const QString &name = QStringLiteral("test"), const DatasetStore::Progress &progress = {});

// Writes a CSV file of Date,Region,Revenue with `rows` data rows to `path`; the row on line
// `raggedLine` (when given) misses a field. Returns the path, or an empty string.
QString writeSales(const QString &path, int rows, int raggedLine = 0);
// The datasets stored in `directory`, through a fresh connection.
QList<DatasetSchema> datasetsIn(const QString &directory);
// Tables of datasets left in the file (a half import would leave one), or -1.
int datasetTables(const QString &directory);
