#include "app/datasets/datasetimporter.h"

#include "app/datasets/csvreader.h"
#include "app/datasets/querybuilder.h"
#include "app/datasets/typeinference.h"
#include "app/datasets/valueparser.h"
#include "models/sqltransaction.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
constexpr int progressEveryRows = 8192;
constexpr int maxParametersPerStatement = 999;

StoreError importError(const QString &message, const QString &detail = {})
{
    return StoreError { StoreError::Code::QueryFailed, message, detail };
}

StoreError cancelled()
{
    return importError(u"The import was cancelled; nothing was imported."_s, u"cancelled"_s);
}

QString insertSql(const QString &table, qsizetype columns, int rows)
{
    QString one = u"("_s;
    for (qsizetype i = 0; i < columns; ++i)
        one += i == 0 ? u"?"_s : u",?"_s;
    one += u')';
    QString sql = u"INSERT INTO " + table + u" VALUES ";
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += u',';
        sql += one;
    }
    return sql;
}

QString sqlType(ColumnType type)
{
    switch (type) {
    case ColumnType::Datetime:
        return u"INTEGER"_s;
    case ColumnType::Numeric:
        return u"REAL"_s;
    case ColumnType::Hierarchy:
        break;
    }
    return u"TEXT"_s;
}

// The value to store, or an invalid QVariant with *ok false when the text does not fit.
QVariant convert(const QString &text, ColumnType type, bool *ok)
{
    *ok = true;
    const QStringView trimmed = QStringView(text).trimmed();
    if (trimmed.isEmpty())
        return QVariant();
    switch (type) {
    case ColumnType::Datetime:
        if (const auto dt = ValueParser::dateTime(trimmed))
            return QVariant(dt->seconds);
        break;
    case ColumnType::Numeric:
        if (const auto n = ValueParser::number(trimmed))
            return QVariant(*n);
        break;
    case ColumnType::Hierarchy:
        return QVariant(text);
    }
    *ok = false;
    return QVariant();
}
} // namespace

DatasetImporter::DatasetImporter(QSqlDatabase db, DatasetStore::Progress progress)
    : m_db(std::move(db))
    , m_progress(std::move(progress))
{
}

bool DatasetImporter::report(qint64 bytes)
{
    return !m_progress || m_progress(qMin(bytes, 2 * m_size), 2 * m_size);
}

StoreResult<DatasetSchema> DatasetImporter::run(
    QIODevice &device, const QString &datasetId, const QString &name, const QString &table)
{
    m_start = device.pos();
    m_size = qMax<qint64>(0, device.size() - m_start);
    DatasetSchema schema;
    schema.id = datasetId;
    schema.name = name;
    if (StoreStatus failed = inferPass(device, &schema))
        return *failed;
    if (!device.seek(m_start))
        return importError(u"Cannot read the file a second time: " + device.errorString());

    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return storeErrorFromSql(
            m_db.lastError(), QCoreApplication::translate("StoreError", "Importing the dataset"));
    if (StoreStatus failed = insertPass(device, schema, table))
        return *failed;
    const StoreResult<QString> rollup = buildRollup(m_db, schema, table);
    if (!rollup)
        return rollup.error();
    schema.rollupTable = *rollup;

    QSqlQuery q(m_db);
    schema.createdAt = QDateTime::currentDateTimeUtc();
    q.prepare(u"INSERT INTO datasets (id, name, table_name, created_at, row_count, rollup_table) "
              u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(schema.id);
    q.addBindValue(schema.name);
    q.addBindValue(table);
    q.addBindValue(schema.createdAt.toMSecsSinceEpoch());
    q.addBindValue(schema.rowCount);
    q.addBindValue(rollup->isEmpty() ? QVariant() : QVariant(*rollup));
    if (!q.exec())
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Saving the dataset"));
    q.prepare(u"INSERT INTO dataset_columns (dataset_id, position, id, name, type, "
              u"lowest_level, currency) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        const ColumnSchema &c = schema.columns.at(i);
        q.addBindValue(schema.id);
        q.addBindValue(int(i));
        q.addBindValue(c.id);
        q.addBindValue(c.name);
        q.addBindValue(columnTypeName(c.type));
        q.addBindValue(c.lowestLevel);
        q.addBindValue(c.currency ? 1 : 0);
        if (!q.exec())
            return storeErrorFromSql(q.lastError(),
                QCoreApplication::translate("StoreError", "Saving the dataset's columns"));
    }
    if (!report(2 * m_size))
        return cancelled();
    if (StoreStatus failed
        = transaction.commit(QCoreApplication::translate("StoreError", "Importing the dataset")))
        return *failed;
    return schema;
}

StoreResult<QString> DatasetImporter::buildRollup(
    QSqlDatabase db, const DatasetSchema &schema, const QString &table)
{
    const QString rollup = table + u"_rollup";
    QSqlQuery q(db);
    // At most one row more than it may have: enough to tell that it is too large.
    const qint64 limit = schema.rowCount / rollupMinRatio + 1;
    if (!q.exec(u"DROP TABLE IF EXISTS " + rollup)
        || !q.exec(
            QueryBuilder::rollupSql(schema, table, rollup) + u" LIMIT " + QString::number(limit)))
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Summarising the dataset"));
    if (!q.exec(u"SELECT count(*) FROM " + rollup) || !q.next())
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Summarising the dataset"));
    const qint64 rows = q.value(0).toLongLong();
    q.finish();
    if (rows * rollupMinRatio <= schema.rowCount)
        return rollup;
    if (!q.exec(u"DROP TABLE " + rollup))
        return storeErrorFromSql(
            q.lastError(), QCoreApplication::translate("StoreError", "Summarising the dataset"));
    return QString();
}

StoreStatus DatasetImporter::inferPass(QIODevice &device, DatasetSchema *schema)
{
    CsvReader reader(&device);
    if (!reader.readHeader())
        return importError(u"The file is empty: a CSV file needs a header row naming its "
                           u"columns. Nothing was imported."_s);
    const qsizetype expected = reader.header().size();
    TypeInference inference(reader.header());
    qint64 badCount = 0;
    QStringList bad;
    for (;;) {
        const CsvReader::Status status = reader.next();
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::BadRow) {
            if (++badCount <= reportedBadRows) {
                const QString line = QString::number(reader.line());
                bad.append(reader.problem() == CsvReader::Problem::UnterminatedQuote
                        ? QString(u"line " + line + u" opens a quote that is never closed")
                        : u"line " + line + u" has " + QString::number(reader.fields().size())
                            + u" fields instead of " + QString::number(expected));
            }
            continue;
        }
        inference.addRow(reader.fields());
        if (inference.rowCount() % progressEveryRows == 0 && !report(reader.bytesRead()))
            return cancelled();
    }
    if (!device.atEnd())
        return importError(u"Reading the file failed: " + device.errorString());
    if (badCount > 0) {
        QString message = u"The file has " + QString::number(badCount)
            + (badCount == 1 ? u" bad row: "_s : u" bad rows: "_s) + bad.join(u"; "_s);
        if (badCount > reportedBadRows)
            message += u"; and " + QString::number(badCount - reportedBadRows) + u" more";
        message += u". Every row needs as many fields as the header. Nothing was imported."_s;
        return importError(message);
    }
    if (inference.rowCount() == 0)
        return importError(u"The file has a header but no data rows. Nothing was imported."_s);
    schema->rowCount = inference.rowCount();
    schema->columns = inference.columns();
    for (ColumnSchema &c : schema->columns)
        c.id = DatasetStore::columnId(schema->id, c.name);
    return report(m_size) ? StoreStatus() : StoreStatus(cancelled());
}

StoreStatus DatasetImporter::insertPass(
    QIODevice &device, const DatasetSchema &schema, const QString &table)
{
    const qsizetype columnCount = schema.columns.size();
    QString create = u"CREATE TABLE " + table + u" (";
    for (qsizetype i = 0; i < columnCount; ++i) {
        create += (i == 0 ? u""_s : u", "_s) + DatasetStore::columnSqlName(int(i)) + u' '
            + sqlType(schema.columns.at(i).type);
    }
    create += u')';
    QSqlQuery ddl(m_db);
    if (!ddl.exec(create))
        return storeErrorFromSql(ddl.lastError(),
            QCoreApplication::translate("StoreError", "Creating the dataset's table"));

    const int batchRows = qMax(1, maxParametersPerStatement / int(columnCount));
    QSqlQuery insert(m_db);
    if (!insert.prepare(insertSql(table, columnCount, batchRows)))
        return storeErrorFromSql(
            insert.lastError(), QCoreApplication::translate("StoreError", "Importing the rows"));

    CsvReader reader(&device);
    if (!reader.readHeader())
        return importError(u"The file changed while it was imported. Nothing was imported."_s);
    int inBatch = 0;
    qint64 rows = 0;
    QVariantList pending;
    for (;;) {
        const CsvReader::Status status = reader.next();
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::BadRow)
            return importError(u"The file changed while it was imported. Nothing was imported."_s);
        const QStringList &fields = reader.fields();
        for (qsizetype i = 0; i < columnCount; ++i) {
            bool ok = true;
            const QVariant v = convert(fields.at(i), schema.columns.at(i).type, &ok);
            if (!ok) {
                return importError(u"The file changed while it was imported (line "
                    + QString::number(reader.line()) + u"). Nothing was imported.");
            }
            insert.bindValue(int(inBatch * columnCount + i), v);
        }
        ++rows;
        if (++inBatch == batchRows) {
            if (!insert.exec())
                return storeErrorFromSql(insert.lastError(),
                    QCoreApplication::translate("StoreError", "Importing the rows"));
            inBatch = 0;
        }
        if (rows % progressEveryRows == 0 && !report(m_size + reader.bytesRead()))
            return cancelled();
    }
    if (rows != schema.rowCount)
        return importError(u"The file changed while it was imported. Nothing was imported."_s);
    if (inBatch > 0) {
        // The last, shorter batch: rebind its values to a statement of its size.
        for (qsizetype i = 0; i < inBatch * columnCount; ++i)
            pending.append(insert.boundValue(int(i)));
        QSqlQuery tail(m_db);
        if (!tail.prepare(insertSql(table, columnCount, inBatch)))
            return storeErrorFromSql(
                tail.lastError(), QCoreApplication::translate("StoreError", "Importing the rows"));
        for (qsizetype i = 0; i < pending.size(); ++i)
            tail.bindValue(int(i), pending.at(i));
        if (!tail.exec())
            return storeErrorFromSql(
                tail.lastError(), QCoreApplication::translate("StoreError", "Importing the rows"));
    }
    for (qsizetype i = 0; i < columnCount; ++i) {
        if (schema.columns.at(i).type != ColumnType::Datetime)
            continue;
        const QString column = DatasetStore::columnSqlName(int(i));
        if (!ddl.exec(
                u"CREATE INDEX " + table + u'_' + column + u" ON " + table + u" (" + column + u')'))
            return storeErrorFromSql(
                ddl.lastError(), QCoreApplication::translate("StoreError", "Indexing the dataset"));
    }
    return std::nullopt;
}
