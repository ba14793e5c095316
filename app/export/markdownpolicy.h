#pragma once

#include <QTextDocument>

// How a message's markdown is read wherever it is shown: the transcript and the PDF export
// (QTextDocument, which parses with md4c) and the HTML export (md4c's own HTML renderer). One
// set of md4c parser flags for all three: GitHub's dialect (tables, task lists, strike-through,
// autolinks; `_x_` is emphasis, as on GitHub) and no raw HTML, so `<b>` or `<img src=…>` in a
// message is text to show, never markup to interpret or a resource to load.
namespace MarkdownPolicy {
// MD_DIALECT_GITHUB | MD_FLAG_NOHTML, for md_parse() / md_html().
unsigned md4cFlags();
// The same flags for QTextDocument::setMarkdown() and QTextCursor::insertMarkdown(): Qt hands
// its MarkdownFeatures to md4c as they are.
QTextDocument::MarkdownFeatures documentFeatures();
} // namespace MarkdownPolicy
