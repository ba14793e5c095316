#include "ui/messagetext.h"

#include "app/export/markdownexport.h"
#include "app/export/markdownpolicy.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// What a block belongs to, for the blank lines: consecutive blocks of one kind (other than a
// paragraph) stay together.
enum class Group { Paragraph, List, Code, Quote };

Group groupOf(const QTextBlock &block)
{
    if (block.textList())
        return Group::List;
    const QTextBlockFormat format = block.blockFormat();
    if (format.hasProperty(QTextFormat::BlockCodeFence))
        return Group::Code;
    if (format.intProperty(QTextFormat::BlockQuoteLevel) > 0)
        return Group::Quote;
    return Group::Paragraph;
}

// Plain characters: hard line breaks as new lines, no-break spaces as spaces, no images.
QString plain(QString text)
{
    text.replace(QChar::LineSeparator, u'\n');
    text.replace(QChar::Nbsp, u' ');
    text.remove(QChar::ObjectReplacementCharacter);
    return text;
}

QString itemPrefix(const QTextBlock &block)
{
    const QTextList *list = block.textList();
    QString prefix(2 * std::max(0, list->format().indent() - 1), u' ');
    const QTextListFormat::Style style = list->format().style();
    const bool numbered = style == QTextListFormat::ListDecimal
        || style == QTextListFormat::ListLowerAlpha || style == QTextListFormat::ListUpperAlpha
        || style == QTextListFormat::ListLowerRoman || style == QTextListFormat::ListUpperRoman;
    prefix += numbered ? list->itemText(block) + u' ' : u"• "_s;
    switch (block.blockFormat().marker()) {
    case QTextBlockFormat::MarkerType::Checked:
        prefix += u"[x] "_s;
        break;
    case QTextBlockFormat::MarkerType::Unchecked:
        prefix += u"[ ] "_s;
        break;
    case QTextBlockFormat::MarkerType::NoMarker:
        break;
    }
    return prefix;
}

// One line per row, its cells' text a tab apart (a cell's own lines joined by spaces).
QString tableText(QTextTable *table)
{
    QStringList rows;
    for (int row = 0; row < table->rows(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(row, column);
            QTextCursor cursor = cell.firstCursorPosition();
            cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
            QString text = plain(cursor.selection().toPlainText());
            text.replace(u'\n', u' ');
            cells << text;
        }
        rows << cells.join(u'\t');
    }
    return rows.join(u'\n');
}

QString withCharts(QString text, const QStringList &charts, const QString &before,
    const QString &after, bool escape)
{
    for (const QString &chart : charts) {
        if (!text.isEmpty())
            text += text.endsWith(u'\n') ? u"\n"_s : u"\n\n"_s;
        text += before + (escape ? MarkdownExport::escaped(chart) : chart) + after;
    }
    return text;
}
} // namespace

QString MessageText::markdown(const QString &source, const QStringList &charts)
{
    return withCharts(source, charts, u"📈 *"_s, u"*"_s, true);
}

QString MessageText::plainText(const QString &source, const QStringList &charts)
{
    QTextDocument document;
    document.setMarkdown(source, MarkdownPolicy::documentFeatures());
    return withCharts(plainText(document), charts, u"📈 "_s, {}, false);
}

QString MessageText::plainText(const QTextDocument &document)
{
    QString out;
    bool first = true;
    Group previous = Group::Paragraph;
    const auto startLine = [&](Group group) {
        if (!first)
            out += group == previous && group != Group::Paragraph ? u"\n"_s : u"\n\n"_s;
        first = false;
        previous = group;
    };
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (QTextTable *table = QTextCursor(block).currentTable()) {
            startLine(Group::Paragraph);
            out += tableText(table);
            while (block.next().isValid() && QTextCursor(block.next()).currentTable() == table)
                block = block.next();
            continue;
        }
        const Group group = groupOf(block);
        // Empty blocks outside code (a rule, the parser's spacers) are no line of their own.
        if (group != Group::Code && block.text().trimmed().isEmpty())
            continue;
        startLine(group);
        if (group == Group::List)
            out += itemPrefix(block);
        else if (group == Group::Quote)
            out += QString(block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel), u'>')
                + u' ';
        out += plain(block.text());
    }
    return out;
}
