#pragma once

#include <QString>

// Markdown to a clean HTML fragment by md4c's own HTML renderer, read by MarkdownPolicy (GitHub
// dialect, raw HTML as text): paragraphs, headings, bullet, numbered and task lists (nested),
// tables with a header row and aligned cells (`align` attributes), fenced code, block quotes,
// rules, bold, italic, strike-through, inline code and links. No inline styles; all text is
// escaped. Images in the Markdown become their alt text: the export loads nothing from outside.
class MarkdownHtml
{
public:
    static QString toHtml(const QString &markdown);
};
