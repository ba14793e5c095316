#pragma once

#include "datasetschema.h"
#include "intent.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// Maps a question to an Intent over one dataset. Pure: the distinct values of the dataset's
// hierarchy columns (for filters such as "for EMEA") are given by the caller.
class QuestionParser
{
public:
    // categoryValues: hierarchy column id → its distinct values.
    explicit QuestionParser(DatasetSchema schema, QHash<QString, QStringList> categoryValues = {});

    Intent parse(const QString &question) const;

private:
    struct Words;

    void parseYears(Words &w, Intent &intent) const;
    void parseTime(Words &w, Intent &intent) const;
    Aggregation parseAggregation(const Words &w) const;
    void parseDerived(Words &w, Intent &intent) const;
    void parseValues(Words &w, Intent &intent) const;
    void parseColumns(Words &w, Intent &intent, Aggregation aggregation) const;
    // The first numeric column whose name matches `idea` (a canonical word such as "cost").
    const ColumnSchema *numericColumn(const QString &idea) const;
    // The column whose name starts at word i (all of the name's words match), or nullptr.
    std::optional<int> columnAt(const Words &w, qsizetype i, qsizetype *length) const;

    DatasetSchema m_schema;
    QHash<QString, QStringList> m_values;
};
