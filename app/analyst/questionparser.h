#pragma once

#include "app/analyst/intent.h"
#include "app/datasets/datasetschema.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

struct QuestionWords;

// What the parser knows about a dataset's data: the distinct values of its category columns
// (for filters such as "for EMEA") and the first and latest dates (relative periods such as
// "last quarter" are anchored at the latest date).
struct DataFacts
{
    QHash<QString, QStringList> values; // hierarchy column id → its distinct values
    QDate first;
    QDate last;
};

// Maps a question to an Intent over one dataset. Pure. Every word that names a column, a value
// or a period is used, or the Intent's `missing` names it.
class QuestionParser
{
public:
    explicit QuestionParser(DatasetSchema schema, DataFacts facts = {});
    QuestionParser(DatasetSchema schema, QHash<QString, QStringList> categoryValues);

    Intent parse(const QString &question) const;
    // A follow-up ("and only for laptops?", "now by product"): starts from `previous` and
    // changes only what the question names.
    Intent parse(const QString &question, const Intent &previous) const;
    // Whether a question reads as a follow-up of the one before it.
    static bool isFollowUp(const QString &question);

    const DataFacts &facts() const { return m_facts; }

private:
    using Words = QuestionWords;

    void parsePeriods(Words &w, Intent &intent) const;
    void parseTime(Words &w, Intent &intent, bool averaging) const;
    Aggregation parseAggregation(Words &w) const;
    void parseRanking(Words &w, Intent &intent) const;
    void parseDerived(Words &w, Intent &intent) const;
    void parseValues(Words &w, Intent &intent) const;
    void parseColumns(Words &w, Intent &intent, Aggregation aggregation) const;
    void reportUnread(const Words &w, Intent &intent) const;
    // The first numeric column whose name matches `idea` (a canonical word such as "cost").
    const ColumnSchema *numericColumn(const QString &idea) const;
    // The column whose name starts at word i (all of the name's words match), or nullptr.
    std::optional<int> columnAt(const Words &w, qsizetype i, qsizetype *length) const;
    QString valueList() const;
    QString coverage() const; // "1 January 2022 to 31 December 2024"

    DatasetSchema m_schema;
    DataFacts m_facts;
};
