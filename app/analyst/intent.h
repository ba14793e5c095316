#pragma once

#include "dataquery.h"

#include <QList>
#include <QString>

// What a question asks for, in terms of one dataset's columns (the output of QuestionParser).
// Pure data; an Intent with a non-empty `missing` could not be mapped and says why.

// A simple ratio or difference of two measures, computed from its operands (see `measures`).
enum class DerivedMeasure {
    None,
    Margin, // (revenue - cost) / revenue
    Profit, // revenue - cost
    PricePerUnit, // revenue / units
};

struct MeasureSpec
{
    QString columnId; // empty for a count of rows
    Aggregation aggregation = Aggregation::Sum;
    QString label; // e.g. "Revenue"

    bool operator==(const MeasureSpec &) const = default;
};

struct CategoryFilter
{
    QString columnId;
    QString value; // as spelled in the data, e.g. "EMEA"

    bool operator==(const CategoryFilter &) const = default;
};

struct Intent
{
    QString datasetId;
    // The measures to query. For a derived measure: its operands, [revenue, cost] or
    // [revenue, units], always summed.
    QList<MeasureSpec> measures;
    DerivedMeasure derived = DerivedMeasure::None;
    QString dateColumnId; // the dataset's first datetime column, if any
    int level = 0; // Luzmo datetime level: 1 year … 5 day; 0 = no time axis asked for
    QString splitColumnId; // split by this category (legend slot), or empty
    int yearFrom = 0; // year filter (inclusive), 0 = none
    int yearTo = 0;
    QList<CategoryFilter> filters;
    bool wantsChart = false; // "chart", "plot", "line", "trend", "over time", …
    bool compare = false; // "compare", "vs", "versus"
    QString missing; // why the question could not be mapped; empty when it could

    bool isValid() const { return missing.isEmpty() && !measures.isEmpty(); }
};
