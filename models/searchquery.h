#pragma once

#include <QString>
#include <QStringList>

// Turns what a person types into a safe FTS5 MATCH expression.
//   revenue margin    -> both words (AND)
//   rev*              -> prefix
//   "monthly revenue" -> phrase
//   revenue OR margin -> either (OR, AND, NOT in capitals are operators)
// Punctuation that FTS5 would read as syntax is dropped from words, so no input is a syntax
// error. An input with no searchable word gives an empty string.
namespace SearchQuery {
QString toFts5(const QString &input);
// The phrases of toFts5(input) in order, each a MATCH expression of its own ("\"rev\"*"); FTS5
// numbers a query's phrases the same way (its ranking functions report them by that number).
QStringList phrases(const QString &input);
} // namespace SearchQuery
