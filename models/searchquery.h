#pragma once

#include <QString>

// Turns what a person types into a safe FTS5 MATCH expression.
//   revenue margin    -> both words (AND)
//   rev*              -> prefix
//   "monthly revenue" -> phrase
//   revenue OR margin -> either (OR, AND, NOT in capitals are operators)
// Punctuation that FTS5 would read as syntax is dropped from words, so no input is a syntax
// error. An input with no searchable word gives an empty string.
namespace SearchQuery {
QString toFts5(const QString &input);
}
