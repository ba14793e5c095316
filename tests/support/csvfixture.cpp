#include "tests/support/csvfixture.h"

#include <QBuffer>

StoreResult<DatasetSchema> importBytes(DatasetStore &store, const QByteArray &csv,
    const QString &name, const DatasetStore::Progress &progress)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return store.import(buffer, name, progress);
}
