#pragma once

#include <QString>
#include <QStringList>

class QTextDocument;

// What "Copy Message as Text" and "Copy Message as Markdown" put on the clipboard: the whole
// message, however much of it the transcript shows. Its chart assets are not part of its text;
// each gets one line naming it after the text ("📈 Line chart · Monthly revenue"), so a pasted
// answer says that a chart was there, as the conversation's Markdown export does. Pure.
class MessageText
{
public:
    // The stored markdown as it is, then one line per chart: 📈 *Line chart · Monthly revenue*
    // (the name escaped, so it reads as plain words).
    static QString markdown(const QString &source, const QStringList &charts);
    // The markdown as the transcript renders it (the same parser and dialect), in plain text:
    // one line per paragraph, heading or list item and a blank line between them (none inside a
    // list, a table or a code block); list items start with "• " or their number ("1. "), two
    // spaces deeper per nesting level, task items with "[ ] " or "[x] "; a table's row is one
    // line, its cells a tab apart; a code block's lines are as written; a quote's lines start
    // with "> ". Emphasis, links and images leave only their words. Then one line per chart.
    static QString plainText(const QString &source, const QStringList &charts);
    // The plain text (as above, without charts) of a document made from markdown.
    static QString plainText(const QTextDocument &document);
};
