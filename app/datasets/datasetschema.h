#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// What the local analyst knows about a dataset: its columns and their types, in the Luzmo
// vocabulary (dataset `get` returns the same shape as JSON).
enum class ColumnType { Numeric, Hierarchy, Datetime };

struct ColumnSchema
{
    QString id; // stable column id (UUID-like), used in item slots and data queries
    QString name; // as in the CSV header, e.g. "Revenue"
    ColumnType type = ColumnType::Hierarchy;
    // Datetime columns: the lowest level the data has (5 = day). Numeric: whether the values look
    // like money (format hint only).
    int lowestLevel = 5;
    bool currency = false;
};

struct DatasetSchema
{
    QString id; // dataset id (UUID-like)
    QString name; // e.g. "Sales"
    qint64 rowCount = 0;
    QList<ColumnSchema> columns;
    QDateTime createdAt; // UTC, when it was imported
    // The dataset's rollup in the store (see QueryBuilder::rollupSql), or empty when it has none:
    // the query builder answers from it the queries it can answer exactly.
    QString rollupTable;

    const ColumnSchema *column(const QString &columnId) const
    {
        for (const ColumnSchema &c : columns) {
            if (c.id == columnId)
                return &c;
        }
        return nullptr;
    }
};

QString columnTypeName(ColumnType type); // "numeric", "hierarchy", "datetime"
bool parseColumnType(const QString &name, ColumnType *type);
