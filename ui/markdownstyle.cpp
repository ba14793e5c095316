#include "ui/markdownstyle.h"

#include <QColor>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

namespace {
void styleTable(QTextTable *table)
{
    QTextTableFormat format = table->format();
    format.setBorder(1);
    format.setBorderBrush(QColor(0xc8, 0xcc, 0xd2));
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setCellPadding(5);
    format.setCellSpacing(0);
    table->setFormat(format);
    for (int row = 0; row < table->rows(); ++row) {
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(row, column);
            QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
            cellFormat.setBackground(row == 0 ? QColor(0xe3, 0xe6, 0xeb) : QColor(Qt::white));
            cellFormat.setLeftPadding(8);
            cellFormat.setRightPadding(8);
            cell.setFormat(cellFormat);
        }
    }
}
} // namespace

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
