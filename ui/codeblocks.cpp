#include "ui/codeblocks.h"

#include "ui/theme/theme.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal boxRadius = 6;
constexpr int gap = 8; // between the box and the text above or below it (MarkdownStyle's)

bool isCode(const QTextBlock &block)
{
    return block.isValid() && block.blockFormat().hasProperty(QTextFormat::BlockCodeFence);
}

QSize labelSize(const QFont &font)
{
    return QFontMetrics(Theme::smallFont(font)).size(Qt::TextSingleLine, CodeBlocks::buttonText());
}
} // namespace

QString CodeBlocks::buttonText()
{
    return QCoreApplication::translate("CodeBlocks", "Copy");
}

bool CodeBlocks::mayHaveCode(const QString &markdown)
{
    return markdown.contains(u"```"_s) || markdown.contains(u"~~~"_s);
}

void CodeBlocks::style(QTextDocument *document, const QFont &font)
{
    const CodeBlockLayout::Metrics metrics;
    const int firstRight = CodeBlockLayout::firstLineRightMargin(labelSize(font), metrics);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (!isCode(block))
            continue;
        const bool first = !isCode(block.previous());
        const bool last = !isCode(block.next());
        QTextBlockFormat format = block.blockFormat();
        format.setNonBreakableLines(false); // wrapped, not cut at the bubble's edge
        format.setLeftMargin(metrics.paddingX);
        format.setRightMargin(first ? firstRight : metrics.paddingX);
        format.setTopMargin(first ? metrics.paddingY + (block.previous().isValid() ? gap : 0) : 0);
        format.setBottomMargin(last ? metrics.paddingY + (block.next().isValid() ? gap : 0) : 0);
        QTextCursor(block).setBlockFormat(format);
    }
}

QList<CodeBlocks::Block> CodeBlocks::find(const QTextDocument &document)
{
    QList<Block> blocks;
    const CodeBlockLayout::Metrics metrics;
    const qreal ideal = std::ceil(document.idealWidth());
    const int width
        = int(document.textWidth() >= 0 ? std::min(ideal, document.textWidth()) : ideal);
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    qreal top = 0;
    QStringList lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (!isCode(block))
            continue;
        const QRectF rect = layout->blockBoundingRect(block);
        if (!isCode(block.previous())) {
            top = rect.top() - metrics.paddingY;
            lines.clear();
        }
        lines << block.text();
        if (!isCode(block.next())) {
            const int y = int(std::floor(top));
            const int bottom = int(std::ceil(rect.bottom() + metrics.paddingY));
            blocks << Block { QRect(0, y, width, bottom - y), lines.join(u'\n') };
        }
    }
    return blocks;
}

CodeBlockLayout CodeBlocks::layout(const QList<Block> &blocks, QPoint offset, const QFont &font)
{
    QList<QRect> boxes;
    for (const Block &block : blocks)
        boxes << block.box.translated(offset);
    return CodeBlockLayout(boxes, labelSize(font));
}

void CodeBlocks::paint(QPainter *painter, const CodeBlockLayout &layout, const QFont &font)
{
    const Theme::Tokens &theme = Theme::current();
    painter->save();
    for (int i = 0; i < layout.count(); ++i) {
        QPainterPath box;
        box.addRoundedRect(QRectF(layout.boxRect(i)), boxRadius, boxRadius);
        painter->fillPath(box, theme.codeBackground);
        const QRectF button = QRectF(layout.buttonRect(i)).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath outline;
        outline.addRoundedRect(button, 4, 4);
        painter->fillPath(outline, theme.surface);
        painter->setPen(theme.controlBorder);
        painter->drawPath(outline);
        painter->setFont(Theme::smallFont(font));
        painter->setPen(theme.mutedText);
        painter->drawText(layout.buttonRect(i), Qt::AlignCenter, buttonText());
    }
    painter->restore();
}
