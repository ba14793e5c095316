#pragma once

#include "app/datasets/datasetstore.h"

#include <QByteArray>
#include <QString>

// Imports `csv` (the whole file's bytes) into `store` as the dataset `name`, through the same
// DatasetStore::import() that reads a file, from an in-memory buffer.
StoreResult<DatasetSchema> importBytes(DatasetStore &store, const QByteArray &csv,
    const QString &name = QStringLiteral("test"), const DatasetStore::Progress &progress = {});
