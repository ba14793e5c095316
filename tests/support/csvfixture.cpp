#include "tests/support/csvfixture.h"

#include <QBuffer>
#include <QDate>
#include <QFile>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

StoreResult<DatasetSchema> importBytes(DatasetStore &store, const QByteArray &csv,
    const QString &name, const DatasetStore::Progress &progress)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return store.import(buffer, name, progress);
}

QString writeSales(const QString &path, int rows, int raggedLine)
{
    static const char *const regions[] = { "North", "South", "East", "West" };
    QByteArray csv = "Date,Region,Revenue\n";
    csv.reserve(rows * 32);
    const QDate first(2023, 1, 1);
    for (int i = 0; i < rows; ++i) {
        const int line = i + 2;
        csv += first.addDays(i % 730).toString(Qt::ISODate).toLatin1();
        csv += ',';
        csv += regions[i % 4];
        if (line != raggedLine) {
            csv += ',';
            csv += QByteArray::number(100 + (i * 37) % 900) + ".50";
        }
        csv += '\n';
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
        return {};
    return path;
}

QList<DatasetSchema> datasetsIn(const QString &directory)
{
    DatasetStore store;
    if (StoreStatus failed = store.open(directory)) {
        qWarning("%s", qUtf8Printable(failed->message));
        return {};
    }
    const auto all = store.datasets();
    return all ? *all : QList<DatasetSchema>();
}

int datasetTables(const QString &directory)
{
    DatasetStore store;
    if (store.open(directory))
        return -1;
    QSqlQuery q(store.connection());
    if (!q.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'd\\_%' "
                u"ESCAPE '\\'"_s)
        || !q.next())
        return -1;
    return q.value(0).toInt();
}
