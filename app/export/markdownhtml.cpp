#include "app/export/markdownhtml.h"

#include "app/export/markdownpolicy.h"

#include <QByteArray>
#include <QRegularExpression>

#include <md4c-html.h>

using namespace Qt::StringLiterals;

namespace {
void append(const MD_CHAR *text, MD_SIZE size, void *out)
{
    static_cast<QByteArray *>(out)->append(text, qsizetype(size));
}

// md4c writes an image as <img src="…" alt="…"[ title="…"]>, its attributes escaped. With raw
// HTML off, every "<img" in its output is one of those (a "<" in the text is "&lt;").
QString imagesAsAltText(QString html)
{
    static const QRegularExpression image(
        uR"re(<img src="[^"]*" alt="([^"]*)"(?: title="[^"]*")?>)re"_s);
    QString out;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : image.globalMatch(html)) {
        const QString alt = m.captured(1);
        out += QStringView(html).mid(from, m.capturedStart() - from);
        out += u'[' + (alt.isEmpty() ? u"image"_s : alt) + u']';
        from = m.capturedEnd();
    }
    if (from == 0)
        return html;
    out += QStringView(html).mid(from);
    return out;
}
} // namespace

QString MarkdownHtml::toHtml(const QString &markdown)
{
    const QByteArray input = markdown.toUtf8();
    QByteArray html;
    html.reserve(input.size() * 3 / 2 + 64);
    if (md_html(input.constData(), MD_SIZE(input.size()), append, &html,
            MarkdownPolicy::md4cFlags(), MD_HTML_FLAG_SKIP_UTF8_BOM)
        != 0)
        return u"<p>"_s + markdown.toHtmlEscaped() + u"</p>\n"; // md4c ran out of memory
    return imagesAsAltText(QString::fromUtf8(html));
}
