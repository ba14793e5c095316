#include "models/searchquery.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

// Keeps letters and digits; everything else (apostrophes, dashes, underscores) separates
// words, as FTS5's unicode61 tokenizer splits on them anyway: "e-mail" becomes the phrase
// "e mail". So no phrase is left without a word (FTS5 would drop it and renumber the others).
QString wordCharacters(const QString &word)
{
    QString out;
    out.reserve(word.size());
    for (const QChar c : word)
        out += c.isLetterOrNumber() ? c : u' ';
    return out.simplified();
}

// The MATCH expression's parts in order: quoted phrases (a prefix one ends in *) and operators.
QStringList termsOf(const QString &input)
{
    QStringList terms;
    bool pendingOperator = false; // an operator waits for its right-hand term
    const qsizetype n = input.size();
    qsizetype i = 0;
    while (i < n) {
        if (input[i].isSpace()) {
            ++i;
            continue;
        }
        if (input[i] == u'"') {
            const qsizetype close = input.indexOf(u'"', i + 1);
            const qsizetype end = close < 0 ? n : close;
            const QString phrase = wordCharacters(input.mid(i + 1, end - i - 1));
            if (!phrase.isEmpty()) {
                terms << quoted(phrase);
                pendingOperator = false;
            }
            i = close < 0 ? n : close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && !input[end].isSpace() && input[end] != u'"')
            ++end;
        const QString raw = input.mid(i, end - i);
        i = end;
        if (raw == u"AND" || raw == u"OR" || raw == u"NOT") {
            if (!terms.isEmpty() && !pendingOperator) {
                terms << raw;
                pendingOperator = true;
            }
            continue;
        }
        const bool prefix = raw.endsWith(u'*');
        const QString word = wordCharacters(raw);
        if (word.isEmpty())
            continue;
        terms << (prefix ? quoted(word) + u'*' : quoted(word));
        pendingOperator = false;
    }
    if (pendingOperator)
        terms.removeLast();
    return terms;
}
} // namespace

QString SearchQuery::toFts5(const QString &input)
{
    return termsOf(input).join(u' ');
}

QStringList SearchQuery::phrases(const QString &input)
{
    QStringList phrases = termsOf(input);
    phrases.removeIf([](const QString &term) { return !term.startsWith(u'"'); });
    return phrases;
}
