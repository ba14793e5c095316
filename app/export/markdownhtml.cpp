#include "markdownhtml.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

namespace {
QString escapedText(QString text)
{
    text = text.toHtmlEscaped();
    text.replace(QChar::LineSeparator, u"<br>"_qs);
    text.remove(QChar::ObjectReplacementCharacter);
    return text;
}

bool isCode(const QTextBlockFormat &format)
{
    return format.nonBreakableLines() || format.hasProperty(QTextFormat::BlockCodeFence);
}

QString alignAttribute(Qt::Alignment alignment)
{
    if (alignment & Qt::AlignRight)
        return u" style=\"text-align:right\""_qs;
    if (alignment & Qt::AlignHCenter)
        return u" style=\"text-align:center\""_qs;
    return {};
}
} // namespace

MarkdownHtml::MarkdownHtml(QString &out)
    : m_out(out)
{
}

QString MarkdownHtml::toHtml(const QString &markdown)
{
    QTextDocument document;
    // Raw HTML in a message is text to show, not markup to interpret.
    document.setMarkdown(markdown,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    QString out;
    MarkdownHtml writer(out);
    writer.frame(document.rootFrame());
    writer.closeLists(-1);
    writer.closeQuote();
    writer.closeCode();
    return out;
}

void MarkdownHtml::frame(QTextFrame *frame)
{
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        if (auto *t = qobject_cast<QTextTable *>(it.currentFrame())) {
            closeLists(-1);
            closeQuote();
            closeCode();
            table(t);
        } else if (QTextFrame *child = it.currentFrame()) {
            this->frame(child);
        } else {
            block(it.currentBlock());
        }
    }
}

void MarkdownHtml::block(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    if (isCode(format)) {
        closeLists(-1);
        closeQuote();
        if (!m_inCode) {
            const QString language = format.stringProperty(QTextFormat::BlockCodeLanguage);
            m_out += language.isEmpty()
                ? u"<pre><code>"_qs
                : u"<pre><code class=\"language-" + language.toHtmlEscaped() + u"\">";
            m_inCode = true;
        } else {
            m_out += u'\n';
        }
        m_out += escapedText(block.text()).replace(u"<br>"_qs, u"\n"_qs);
        return;
    }
    closeCode();
    if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
        closeLists(-1);
        closeQuote();
        m_out += u"<hr>\n"_qs;
        return;
    }
    const QString content = inlineHtml(block, format.headingLevel() > 0);
    if (QTextList *list = block.textList()) {
        const int indent = list->format().indent();
        const bool ordered = list->format().style() <= QTextListFormat::ListDecimal;
        closeLists(indent);
        if (!m_lists.isEmpty() && m_lists.last().indent == indent && m_lists.last().list != list)
            closeLists(indent - 1);
        if (!m_lists.isEmpty() && m_lists.last().indent == indent) {
            m_out += u"</li>\n"_qs;
        } else {
            m_out += ordered ? u"<ol>\n"_qs : u"<ul>\n"_qs;
            m_lists.append({ list, indent, ordered });
        }
        QString marker;
        if (format.marker() == QTextBlockFormat::MarkerType::Checked)
            marker = u"☑ "_qs;
        else if (format.marker() == QTextBlockFormat::MarkerType::Unchecked)
            marker = u"☐ "_qs;
        m_out += u"<li>" + marker + content;
        return;
    }
    closeLists(-1);
    if (content.isEmpty())
        return;
    const bool quoted = format.intProperty(QTextFormat::BlockQuoteLevel) > 0;
    if (quoted && !m_inQuote) {
        m_out += u"<blockquote>\n"_qs;
        m_inQuote = true;
    } else if (!quoted) {
        closeQuote();
    }
    const int level = format.headingLevel();
    const QString tag = level > 0 ? u"h" + QString::number(qMin(level, 6)) : u"p"_qs;
    m_out
        += u'<' + tag + alignAttribute(format.alignment()) + u'>' + content + u"</" + tag + u">\n";
}

void MarkdownHtml::table(QTextTable *table)
{
    m_out += u"<table>\n"_qs;
    const int headerRows = qMax(1, table->format().headerRowCount());
    for (int row = 0; row < table->rows(); ++row) {
        if (row == 0)
            m_out += u"<thead>\n"_qs;
        if (row == headerRows)
            m_out += u"<tbody>\n"_qs;
        m_out += u"<tr>"_qs;
        const QString tag = row < headerRows ? u"th"_qs : u"td"_qs;
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(row, column);
            if (cell.row() != row || cell.column() != column)
                continue; // covered by a spanning cell
            QStringList parts;
            for (auto it = cell.begin(); !it.atEnd(); ++it) {
                if (const QTextBlock b = it.currentBlock(); b.isValid())
                    parts << inlineHtml(b, row < headerRows);
            }
            // Markdown aligns whole columns; the header cells do not always carry it.
            const QTextTableCell body = table->cellAt(qMin(headerRows, table->rows() - 1), column);
            const Qt::Alignment alignment
                = body.firstCursorPosition().block().blockFormat().alignment();
            m_out += u'<' + tag + alignAttribute(alignment) + u'>' + parts.join(u"<br>"_qs) + u"</"
                + tag + u'>';
        }
        m_out += u"</tr>\n"_qs;
        if (row == headerRows - 1)
            m_out += u"</thead>\n"_qs;
    }
    if (table->rows() > headerRows)
        m_out += u"</tbody>\n"_qs;
    m_out += u"</table>\n"_qs;
}

QString MarkdownHtml::inlineHtml(const QTextBlock &block, bool header)
{
    QString html;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat f = fragment.charFormat();
        if (f.isImageFormat()) {
            // An image in the text would load from outside the file: keep its description.
            const QString alt = f.stringProperty(QTextFormat::ImageAltText);
            html += u"[" + (alt.isEmpty() ? u"image"_qs : alt).toHtmlEscaped() + u"]";
            continue;
        }
        QString text = escapedText(fragment.text());
        if (text.isEmpty())
            continue;
        if (f.fontFixedPitch() || f.fontFamilies().toStringList().contains(u"monospace"_qs))
            text = u"<code>" + text + u"</code>";
        if (f.fontStrikeOut())
            text = u"<del>" + text + u"</del>";
        if (f.fontItalic())
            text = u"<em>" + text + u"</em>";
        if (f.fontWeight() >= QFont::DemiBold && !header)
            text = u"<strong>" + text + u"</strong>";
        if (f.isAnchor() && !f.anchorHref().isEmpty())
            text = u"<a href=\"" + f.anchorHref().toHtmlEscaped() + u"\">" + text + u"</a>";
        html += text;
    }
    return html;
}

void MarkdownHtml::closeLists(int toIndent)
{
    while (!m_lists.isEmpty() && m_lists.last().indent > toIndent) {
        m_out += m_lists.last().ordered ? u"</li>\n</ol>\n"_qs : u"</li>\n</ul>\n"_qs;
        m_lists.removeLast();
    }
}

void MarkdownHtml::closeQuote()
{
    if (m_inQuote)
        m_out += u"</blockquote>\n"_qs;
    m_inQuote = false;
}

void MarkdownHtml::closeCode()
{
    if (m_inCode)
        m_out += u"</code></pre>\n"_qs;
    m_inCode = false;
}
