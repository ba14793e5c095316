#pragma once

#include "app/export/exportedconversation.h"

#include <QString>

// The conversation as one Markdown text: "# Title", a metadata line, then each message under
// "### You · 2024-05-14 10:03" with its Markdown verbatim, a "> ⚠ Interrupted: …" note for
// answers that did not complete, and a line per chart ("📈 *Line chart: Monthly revenue*
// (asset 12)"): no links to files, so the text is self-contained. Copy as Markdown uses it too.
class MarkdownExport
{
public:
    static QString write(const ExportedConversation &exported);
    // Backslash-escapes the characters that would start emphasis, code or links.
    static QString escaped(const QString &text);
};
