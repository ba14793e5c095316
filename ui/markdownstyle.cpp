#include "ui/markdownstyle.h"

#include "ui/theme/theme.h"

#include <QColor>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The colours are the theme's when the document is laid out; the transcript lays its documents
// out again when the theme changes (MainWindow clears the delegate's cache).
void styleTable(QTextTable *table)
{
    const Theme::Tokens &theme = Theme::current();
    QTextTableFormat format = table->format();
    format.setBorder(1);
    format.setBorderBrush(theme.tableBorder);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setCellPadding(5);
    format.setCellSpacing(0);
    table->setFormat(format);
    for (int row = 0; row < table->rows(); ++row) {
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(row, column);
            QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
            cellFormat.setBackground(row == 0 ? theme.codeBackground : theme.surface);
            cellFormat.setLeftPadding(8);
            cellFormat.setRightPadding(8);
            cell.setFormat(cellFormat);
        }
    }
}
} // namespace

qsizetype MarkdownStyle::cutPoint(const QString &markdown, qsizetype limit)
{
    if (markdown.size() <= limit)
        return markdown.size();
    limit = std::max<qsizetype>(limit, 1);
    // The separator may start at `limit` at the latest: the text before it is `limit` long.
    for (const QString &separator : { u"\n\n"_s, u"\n"_s, u" "_s }) {
        const qsizetype at = markdown.lastIndexOf(separator, limit);
        if (at >= limit / 2)
            return at;
    }
    return markdown.at(limit - 1).isHighSurrogate() ? limit - 1 : limit;
}

void MarkdownStyle::apply(QTextDocument *document)
{
    QSet<QTextTable *> styled;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        if (QTextTable *table = cursor.currentTable()) {
            if (!styled.contains(table)) {
                styled.insert(table);
                styleTable(table);
            }
            continue;
        }
        const QTextBlock next = block.next();
        QTextBlockFormat format = block.blockFormat();
        format.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        if (next.isValid()) {
            const bool sameList = block.textList() && block.textList() == next.textList();
            format.setBottomMargin(sameList ? 3 : std::max<qreal>(format.bottomMargin(), 8));
        } else {
            format.setBottomMargin(0);
        }
        cursor.setBlockFormat(format);
    }
}
