#pragma once

#include <QString>
#include <QStringList>

// Word-level matching used by the question parser: tokenizing, singular forms, synonyms and
// typo tolerance (optimal string alignment distance ≤ 1 for words of 4+ letters, ≤ 2 for 8+,
// same first letter, never for the parser's own keywords).
class TextMatch
{
public:
    // Words (letters and digits), in order; lower-case unless `lower` is false.
    static QStringList words(const QString &text, bool lower = true);
    // Optimal string alignment (restricted Damerau-Levenshtein) distance.
    static int distance(const QString &a, const QString &b);
    // "regions" → "region", "categories" → "category", "sales" → "sale"; else unchanged.
    static QString singular(const QString &word);
    // The canonical concept of a synonym ("sales" → "revenue"), or the singular word itself.
    static QString canonical(const QString &word);
    // Whether a question word names `target` (a lower-case word of a column name or a value):
    // equal, same singular, same synonym group, or a small typo of one of those.
    static bool matches(const QString &word, const QString &target);
    // Words that are part of the question grammar and never fuzzy-match a column.
    static bool isKeyword(const QString &word);
    // Words that name nothing in a dataset ("the", "show", "please", "sold"): a question's other
    // words name a column, a value or a period, or are reported as not understood.
    static bool isFiller(const QString &word);
};
