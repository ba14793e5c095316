#pragma once

#include "ui/codeblocklayout.h"

#include <QList>
#include <QRect>
#include <QString>

class QFont;
class QPainter;
class QTextDocument;

// A message's fenced code blocks as the transcript shows them: in the system's fixed font (the
// one QTextMarkdownImporter gives code, kept), wrapped rather than cut at the bubble's edge, on a
// shaded box with some padding, and with a small "Copy" button at the box's top-right that puts
// the block's code (its lines as written, without the fences) on the clipboard. CodeBlockLayout
// is the geometry; this reads and styles the document and paints.
class CodeBlocks
{
public:
    struct Block
    {
        QRect box; // the shaded box, in the document's coordinates
        QString code; // the lines between the fences, '\n' apart
    };

    // Whether `markdown` may hold a fenced code block (a cheap test, to skip the rest).
    static bool mayHaveCode(const QString &markdown);
    // Gives `document`'s code blocks (set with setMarkdown) their padding and room for the
    // button, whose text is drawn in Theme::smallFont(`font`); before the document is laid out.
    static void style(QTextDocument *document, const QFont &font);
    // The code blocks of the laid-out `document`: each one's box (as wide as the text is
    // shown: the ideal width, at most the text width) and its code.
    static QList<Block> find(const QTextDocument &document);
    // The boxes of `blocks` moved by `offset` (the text's place in the row) and their buttons.
    static CodeBlockLayout layout(const QList<Block> &blocks, QPoint offset, const QFont &font);
    // Paints the boxes and buttons of `layout` (before the document's text).
    static void paint(QPainter *painter, const CodeBlockLayout &layout, const QFont &font);
    // The button's text.
    static QString buttonText();
};
