#pragma once

#include "app/datasets/dataquery.h"
#include "models/expected.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

// A Luzmo aggregation formula (ad-hoc, as in a slot's `formula` field), e.g.
//   (SUM({<dataset>:<revenue>}) - SUM({<dataset>:<cost>})) / SUM({<dataset>:<revenue>})
// The functions are those Luzmo's formula resource documents: SUM, AVG, COUNT, COUNTD, MIN, MAX
// over a {dataset:column} reference and COUNTR() (rows); combined with + - * /, parentheses,
// unary minus and numbers. Each aggregate is a `term` the query engine computes per group; the
// formula then combines a group's term values. A division by zero or a null term gives null.
class AggregationFormula
{
public:
    // Parses `expression`; every reference must name `datasetId`. The error says what is wrong.
    static Expected<AggregationFormula, QString> parse(
        const QString &expression, const QString &datasetId);

    // The aggregates the formula needs, in first-use order, without repeats.
    const QList<QueryMeasure> &terms() const { return m_terms; }
    // The formula's value for one group, from its term values (in `terms()` order).
    std::optional<double> evaluate(const QList<std::optional<double>> &termValues) const;

    // An expression that computes `measure` alone, e.g. "SUM({ds:col})".
    static QString termExpression(const QString &datasetId, const QueryMeasure &measure);

    struct Node;

private:
    QList<QueryMeasure> m_terms;
    std::shared_ptr<const Node> m_root;
};

// Runs a DataQuery some of whose measures are formulas: the query the engine runs asks for the
// formulas' terms in their place; each result row then gets the formula values back in the
// measures' places. Ordering on a formula measure (and the limit after it) is done here.
namespace FormulaExpansion {
bool needed(const DataQuery &query);
// The query to run, or an error in words. `formulas` receives one parsed formula per measure
// of `query` (nullopt for a plain measure).
Expected<DataQuery, QString> expand(
    const DataQuery &query, QList<std::optional<AggregationFormula>> *formulas);
// The rows of `query` from the rows of its expansion.
QList<QJsonArray> collapse(const DataQuery &query,
    const QList<std::optional<AggregationFormula>> &formulas, QList<QJsonArray> expandedRows);
} // namespace FormulaExpansion
