#pragma once

#include <QList>
#include <QString>

class QTextBlock;
class QTextFrame;
class QTextTable;

// Markdown (GitHub dialect) to a clean HTML fragment: paragraphs, headings, bullet, numbered and
// task lists (nested), tables with a header row and aligned cells, fenced code, block quotes,
// rules, bold, italic, strike-through, inline code and links. Parsed by QTextDocument (md4c);
// the HTML is written from its structure, so it carries no inline styles and all text is
// escaped. Images in the Markdown become their alt text: the export loads nothing from outside.
// Needs a QGuiApplication (text formats use fonts).
class MarkdownHtml
{
public:
    static QString toHtml(const QString &markdown);

private:
    explicit MarkdownHtml(QString &out);
    void frame(QTextFrame *frame);
    void block(const QTextBlock &block);
    void table(QTextTable *table);
    void closeLists(int toIndent);
    void closeQuote();
    void closeCode();
    // `header`: headings and table headers are bold already, so bold is not marked.
    static QString inlineHtml(const QTextBlock &block, bool header);

    QString &m_out;
    struct ListLevel
    {
        const void *list;
        int indent;
        bool ordered;
    };
    QList<ListLevel> m_lists;
    bool m_inQuote = false;
    bool m_inCode = false;
};
