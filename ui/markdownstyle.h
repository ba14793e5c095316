#pragma once

#include <QString>

class QTextDocument;

// The transcript's look for markdown: QTextDocument's markdown comes without spacing between
// blocks and with bare tables; this gives paragraphs and lists some air and tables a light grid
// with a shaded header row.
class MarkdownStyle
{
public:
    static void apply(QTextDocument *document);
    // Where to cut `markdown` so that at most `limit` characters of it are shown: its length when
    // it is no longer than that, else the end of the last paragraph (blank line) that fits, else
    // of the last line, else of the last word, in the second half of the limit; else the limit
    // itself (never between the two halves of a surrogate pair).
    static qsizetype cutPoint(const QString &markdown, qsizetype limit);
};
