#pragma once

#include "app/datasets/datasetschema.h"

#include <QList>
#include <QStringList>

// Infers each column's type from every row it is shown, in one streamed pass: a column is
// datetime when every non-empty value parses as a date or date-time, numeric when every one
// parses as a number, otherwise hierarchy (text). Empty values (after trimming) are nulls and
// say nothing. Datetime columns get their lowest level (5 day when no value has a time);
// numeric columns named like money (revenue, cost, price, ...) get the currency hint.
class TypeInference
{
public:
    explicit TypeInference(const QStringList &header);

    void addRow(const QStringList &fields);
    qint64 rowCount() const { return m_rows; }

    // Columns with names and types; ids are left for the store to assign.
    QList<ColumnSchema> columns() const;

    static bool looksLikeCurrency(const QString &columnName);
    // Unique, non-empty display names for a header ("Column 3", "Region (2)").
    static QStringList columnNames(const QStringList &header);

private:
    struct State
    {
        bool maybeDatetime = true;
        bool maybeNumeric = true;
        qint64 values = 0;
        int level = 5;
    };
    QStringList m_names;
    QList<State> m_states;
    qint64 m_rows = 0;
};
