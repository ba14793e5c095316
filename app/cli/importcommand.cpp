#include "importcommand.h"

#include "datasetstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace {
QJsonObject toJson(const DatasetSchema &d)
{
    QJsonArray columns;
    for (const ColumnSchema &c : d.columns) {
        QJsonObject column { { u"id"_qs, c.id }, { u"name"_qs, c.name },
            { u"type"_qs, columnTypeName(c.type) } };
        if (c.type == ColumnType::Datetime)
            column.insert(u"lowestLevel"_qs, c.lowestLevel);
        if (c.type == ColumnType::Numeric)
            column.insert(u"currency"_qs, c.currency);
        columns.append(column);
    }
    return QJsonObject { { u"id"_qs, d.id }, { u"name"_qs, d.name },
        { u"rows"_qs, double(d.rowCount) }, { u"columns"_qs, columns } };
}

QString levelName(int level)
{
    static const QStringList names = { u"year"_qs, u"quarter"_qs, u"month"_qs, u"week"_qs,
        u"day"_qs, u"hour"_qs, u"minute"_qs, u"second"_qs, u"millisecond"_qs };
    return names.value(level - 1, QString::number(level));
}
} // namespace

ImportCommand::ImportCommand(const QString &dataDirectory, Output output)
    : m_dataDirectory(dataDirectory)
    , m_output(output)
{
}

QString ImportCommand::usage()
{
    return u"usage: chartroom-cli import FILE.csv [--name NAME] [--json] [--data-dir DIR]"_qs;
}

int ImportCommand::run(const QStringList &arguments)
{
    QString file;
    QString name;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--json") {
            m_json = true;
        } else if (a == u"--name" || a == u"--data-dir") {
            if (i + 1 >= arguments.size()) {
                m_output.error(a + u" needs a value. " + usage());
                return ExitUsage;
            }
            if (a == u"--name")
                name = arguments.at(i + 1);
            ++i; // --data-dir is resolved by the caller
        } else if (a.startsWith(u"--name=")) {
            name = a.mid(7);
        } else if (a.startsWith(u"--") || !file.isEmpty()) {
            m_output.error(u"Unexpected argument \"" + a + u"\". " + usage());
            return ExitUsage;
        } else {
            file = a;
        }
    }
    if (file.isEmpty()) {
        m_output.error(usage());
        return ExitUsage;
    }
    if (!QFileInfo::exists(file)) {
        m_output.error(u"The file " + file + u" does not exist.");
        return ExitFailure;
    }
    DatasetStore store;
    if (StoreStatus failed = store.open(m_dataDirectory)) {
        m_output.error(failed->message);
        return ExitFailure;
    }
    return import(store, file, name);
}

int ImportCommand::import(DatasetStore &store, const QString &file, const QString &name)
{
    const StoreResult<DatasetSchema> result = store.importFile(file, name);
    if (!result) {
        m_output.error(u"Cannot import " + file + u": " + result.error().message);
        return ExitFailure;
    }
    const DatasetSchema &d = *result;
    if (m_json) {
        m_output.json(toJson(d));
        return ExitOk;
    }
    m_output.line(u"Imported \"" + d.name + u"\": " + QString::number(d.rowCount) + u" rows, "
        + QString::number(d.columns.size()) + u" columns");
    m_output.line(u"id: " + d.id);
    for (const ColumnSchema &c : d.columns) {
        QString type = columnTypeName(c.type);
        if (c.type == ColumnType::Datetime)
            type += u" (" + levelName(c.lowestLevel) + u')';
        else if (c.currency)
            type += u" (currency)"_qs;
        m_output.line(
            u"  " + c.name.leftJustified(20) + u' ' + type.leftJustified(20) + u' ' + c.id);
    }
    return ExitOk;
}
