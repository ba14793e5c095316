#pragma once

#include "app/datasets/dataquery.h"

#include <QDate>
#include <QList>
#include <QString>

// What a question asks for, in terms of one dataset's columns (the output of QuestionParser):
// the interpretation shown with the answer. Pure data; an Intent with a non-empty `missing`
// could not be mapped and says why in words.

// A simple ratio or difference of two measures, computed from its operands (see `measures`).
enum class DerivedMeasure {
    None,
    Margin, // (revenue - cost) / revenue
    Profit, // revenue - cost
    PricePerUnit, // revenue / units
    Share, // the first measure's share of its total, in percent
};

// The column name of a derived measure whose name does not depend on its operands ("Margin"),
// or an empty string (None, Share).
inline QString derivedMeasureName(DerivedMeasure derived)
{
    switch (derived) {
    case DerivedMeasure::Margin:
        return QStringLiteral("Margin");
    case DerivedMeasure::Profit:
        return QStringLiteral("Profit");
    case DerivedMeasure::PricePerUnit:
        return QStringLiteral("Price per unit");
    case DerivedMeasure::Share:
    case DerivedMeasure::None:
        break;
    }
    return {};
}

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

// A period of the date column: [from, to), named as the answer names it ("Q3 2023").
struct DatePeriod
{
    QDate from;
    QDate to; // exclusive
    QString label;

    bool isValid() const { return from.isValid() && to.isValid(); }
    bool operator==(const DatePeriod &) const = default;
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
    DatePeriod period; // the date filter, or invalid for all dates
    // A second period to compare with `period` ("2023 vs 2024"; growth: the previous period).
    DatePeriod comparePeriod;
    QList<CategoryFilter> filters;
    // "average revenue per quarter": the average of the totals per period at this level.
    int perLevel = 0;
    int top = 0; // rankings: how many rows to show (0 = no ranking)
    bool ascending = false; // rankings: lowest first ("bottom 3", "fewest")
    bool growth = false; // change from comparePeriod to period, per split value
    bool wantsChart = false; // "chart", "plot", "line", "trend", "over time", …
    bool compare = false; // "compare", "vs", "versus"
    QString missing; // why the question could not be mapped; empty when it could

    bool isValid() const { return missing.isEmpty() && !measures.isEmpty(); }
};
