#include "app/export/pdfexport.h"

#include "app/export/chartlabel.h"
#include "app/export/exporttext.h"
#include "app/export/htmlexport.h"
#include "app/export/markdownpolicy.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal chartWidth = 600; // document units (1/96 inch): the text width of A4
constexpr int placeholderProperty = QTextFormat::UserProperty + 1; // marks a chart's box

// Markdown's links take the application palette's link colour (a light blue while the window is
// dark, unreadable on paper): the page's own blue instead, as the HTML export's `a`.
void colourLinks(QTextDocument *document, int from, int to)
{
    QList<std::pair<int, int>> links;
    for (QTextBlock b = document->findBlock(from); b.isValid() && b.position() <= to;
         b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor())
                links.append({ it.fragment().position(), it.fragment().length() });
        }
    }
    QTextCharFormat blue;
    blue.setForeground(QColor(0x2f6fd0));
    for (const auto &[at, length] : std::as_const(links)) {
        QTextCursor c(document);
        c.setPosition(at);
        c.setPosition(at + length, QTextCursor::KeepAnchor);
        c.mergeCharFormat(blue);
    }
}

QTextCharFormat textFormat(const QColor &color, qreal points = 0, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (points > 0)
        f.setFontPointSize(points);
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    return f;
}

QTextBlockFormat spaced(qreal top, qreal bottom = 0)
{
    QTextBlockFormat f;
    f.setTopMargin(top);
    f.setBottomMargin(bottom);
    return f;
}

// Tables from the Markdown: thin collapsed borders, padding, a shaded header row repeated on
// each page.
void styleTables(QTextFrame *frame)
{
    for (QTextFrame *child : frame->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(child);
        if (table && table->format().hasProperty(placeholderProperty))
            continue;
        if (!table) {
            styleTables(child);
            continue;
        }
        QTextTableFormat f = table->format();
        f.setBorder(0.5);
        f.setBorderBrush(QColor(0xc8cdd4));
        f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        f.setCellPadding(4);
        f.setCellSpacing(0);
        f.setHeaderRowCount(1);
        f.setTopMargin(4);
        f.setBottomMargin(6);
        table->setFormat(f);
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(0, column);
            QTextTableCellFormat cf = cell.format().toTableCellFormat();
            cf.setBackground(QColor(0xf0f2f5));
            cell.setFormat(cf);
        }
    }
}
} // namespace

PdfExport::PdfExport(ChartImageRenderer renderer)
    : m_renderer(std::move(renderer))
{
}

void PdfExport::build(
    const ExportedConversation &exported, QTextDocument &document, ExportProgress *progress) const
{
    QFont font(QStringList { u"Noto Sans"_s, u"DejaVu Sans"_s, u"Arial"_s }, 10);
    font.setStyleHint(QFont::SansSerif);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    QTextCursor cursor(&document);
    cursor.setBlockFormat(spaced(0, 4));
    cursor.insertText(ExportText::title(exported.conversation), textFormat(0x1f2328, 18, true));
    cursor.insertBlock(spaced(0, 6), textFormat(0x6a727d, 8.5));
    cursor.insertText(ExportText::metadata(exported));
    for (const Message &m : exported.messages) {
        if (progress && progress->cancelled())
            return;
        message(m, cursor);
        if (progress)
            progress->advance();
    }
    cursor.insertBlock(spaced(14), textFormat(0x8a929c, 8));
    cursor.insertText(ExportText::footer());
    styleTables(document.rootFrame());
}

void PdfExport::message(const Message &m, QTextCursor &cursor) const
{
    const bool user = m.role == MessageRole::User;
    QTextFrameFormat frame;
    frame.setTopMargin(10);
    frame.setPadding(9);
    frame.setBorder(0.75);
    frame.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    frame.setBorderBrush(QColor(user ? 0xcddff7 : 0xdfe2e7));
    frame.setBackground(QColor(user ? 0xeef4fd : 0xffffff));
    if (user)
        frame.setLeftMargin(48);
    QTextFrame *inserted = cursor.insertFrame(frame);

    cursor.setBlockFormat(spaced(0, 4));
    cursor.insertText(
        ExportText::speaker(m), textFormat(user ? QColor(0x2f6fd0) : QColor(0x5b3fd6), 9, true));
    cursor.insertText(u"  " + ExportText::time(m.createdAt), textFormat(0x6a727d, 8.5));
    if (!m.text.trimmed().isEmpty()) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        const int start = cursor.position();
        cursor.insertMarkdown(m.text.trimmed(), MarkdownPolicy::documentFeatures());
        colourLinks(cursor.document(), start, cursor.position());
    }
    for (const Asset &asset : m.assets) {
        cursor = inserted->lastCursorPosition();
        chart(asset, cursor);
    }
    cursor = inserted->lastCursorPosition();
    if (const QString note = ExportText::statusNote(m); !note.isEmpty()) {
        QTextBlockFormat block = spaced(6);
        const bool error = m.status == MessageStatus::Error;
        block.setBackground(QColor(error ? 0xfdecea : 0xfff6e0));
        cursor.insertBlock(block, textFormat(error ? 0x8a1c12 : 0x7a5300, 9));
        cursor.insertText(u"⚠ " + note);
    }
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
}

void PdfExport::chart(const Asset &asset, QTextCursor &cursor) const
{
    const ChartLabel label = ChartLabel::fromAsset(asset);
    const QImage image = m_renderer ? m_renderer(asset, HtmlExport::chartSize()) : QImage();
    QTextBlockFormat centered = spaced(8);
    centered.setAlignment(Qt::AlignHCenter);
    if (!image.isNull()) {
        const QUrl name(u"chartroom-asset-" + QString::number(asset.id) + u".png");
        cursor.document()->addResource(QTextDocument::ImageResource, name, image);
        cursor.insertBlock(centered, QTextCharFormat());
        QTextImageFormat f;
        f.setName(name.toString());
        f.setWidth(chartWidth);
        f.setHeight(chartWidth * image.height() / qMax(1, image.width()));
        cursor.insertImage(f);
        QString caption = label.headline();
        if (!label.dataAsOf().isEmpty())
            caption += u" · " + label.dataAsOf();
        QTextBlockFormat captionBlock = spaced(2, 2);
        captionBlock.setAlignment(Qt::AlignHCenter);
        cursor.insertBlock(captionBlock, textFormat(0x6a727d, 8));
        cursor.insertText(caption);
        return;
    }
    cursor.insertBlock(spaced(8), QTextCharFormat());
    QTextTableFormat box;
    box.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    box.setBorder(1);
    box.setBorderStyle(QTextFrameFormat::BorderStyle_Dashed);
    box.setBorderBrush(QColor(0xb9c0c9));
    box.setBackground(QColor(0xf7f8fa));
    box.setCellPadding(16);
    box.setCellSpacing(0);
    box.setProperty(placeholderProperty, true);
    QTextTable *table = cursor.insertTable(1, 1, box);
    QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
    QTextBlockFormat middle;
    middle.setAlignment(Qt::AlignHCenter);
    cell.setBlockFormat(middle);
    cell.insertText(label.typeLabel().toUpper(), textFormat(0x6a727d, 7.5));
    if (!label.title().isEmpty()) {
        cell.insertBlock(middle, textFormat(0x1f2328, 11, true));
        cell.insertText(label.title());
    }
    cell.insertBlock(middle, textFormat(0x4a525c, 9));
    cell.insertText(label.notRenderedReason(bool(m_renderer)));
}

QByteArray PdfExport::write(const ExportedConversation &exported, ExportProgress *progress) const
{
    QTextDocument document;
    build(exported, document, progress);
    if (progress && progress->cancelled())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(ExportText::title(exported.conversation));
        writer.setCreator(u"Chartroom"_s);
        // Not paginated beforehand: print() lays out A4 with 2 cm margins and page numbers.
        document.print(&writer);
    }
    return bytes;
}
