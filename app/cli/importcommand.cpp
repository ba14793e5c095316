#include "app/cli/importcommand.h"

#include "app/datasets/datasetstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
QJsonObject toJson(const DatasetSchema &d)
{
    QJsonArray columns;
    for (const ColumnSchema &c : d.columns) {
        QJsonObject column { { u"id"_s, c.id }, { u"name"_s, c.name },
            { u"type"_s, columnTypeName(c.type) } };
        if (c.type == ColumnType::Datetime)
            column.insert(u"lowestLevel"_s, c.lowestLevel);
        if (c.type == ColumnType::Numeric)
            column.insert(u"currency"_s, c.currency);
        columns.append(column);
    }
    return QJsonObject { { u"id"_s, d.id }, { u"name"_s, d.name },
        { u"rows"_s, double(d.rowCount) }, { u"columns"_s, columns } };
}

QString levelName(int level)
{
    static const QStringList names = { u"year"_s, u"quarter"_s, u"month"_s, u"week"_s, u"day"_s,
        u"hour"_s, u"minute"_s, u"second"_s, u"millisecond"_s };
    return names.value(level - 1, QString::number(level));
}
} // namespace

ImportCommand::ImportCommand(const QString &dataDirectory, CommandLine line, const Output &output)
    : Command(output)
    , m_dataDirectory(dataDirectory)
    , m_line(std::move(line))
    , m_json(m_line.json())
{
}

QList<QCommandLineOption> ImportCommand::options()
{
    return { { u"name"_s, u"import: the dataset's name."_s, u"NAME"_s } };
}

QString ImportCommand::usage()
{
    return u"usage: chartroom-cli import FILE.csv [--name NAME] [--json] [--data-dir DIR]"_s;
}

int ImportCommand::run()
{
    if (const auto &failure = m_line.failure()) {
        m_output.error(failure->kind == CommandLine::Failure::Kind::MissingValue
                ? QString(failure->option + u" needs a value. " + usage())
                : QString(u"Unexpected argument \"" + failure->option + u"\". " + usage()));
        return ExitUsage;
    }
    const QStringList files = m_line.positional();
    if (files.size() > 1) {
        m_output.error(u"Unexpected argument \"" + files.at(1) + u"\". " + usage());
        return ExitUsage;
    }
    if (files.isEmpty()) {
        m_output.error(usage());
        return ExitUsage;
    }
    const QString file = files.constFirst();
    const QString name = m_line.value(u"name"_s);
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
            type += u" (currency)"_s;
        m_output.line(
            u"  " + c.name.leftJustified(20) + u' ' + type.leftJustified(20) + u' ' + c.id);
    }
    return ExitOk;
}
