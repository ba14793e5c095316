#pragma once

class QTextDocument;

// The transcript's look for markdown: QTextDocument's markdown comes without spacing between
// blocks and with bare tables; this gives paragraphs and lists some air and tables a light grid
// with a shaded header row.
class MarkdownStyle
{
public:
    static void apply(QTextDocument *document);
};
