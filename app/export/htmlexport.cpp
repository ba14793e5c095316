#include "app/export/htmlexport.h"

#include "app/export/chartlabel.h"
#include "app/export/exporttext.h"
#include "app/export/htmlstyle.h"
#include "app/export/markdownhtml.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

namespace {
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString roleClass(MessageRole role)
{
    switch (role) {
    case MessageRole::User:
        return u"user"_s;
    case MessageRole::Assistant:
        return u"assistant"_s;
    case MessageRole::System:
        return u"system"_s;
    }
    return {};
}

QString noteClass(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Interrupted:
        return u"interrupted"_s;
    case MessageStatus::Error:
        return u"error"_s;
    default:
        return u"incomplete"_s;
    }
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}
} // namespace

HtmlExport::HtmlExport(ChartImageRenderer renderer)
    : m_renderer(std::move(renderer))
{
}

QString HtmlExport::write(const ExportedConversation &exported, ExportProgress *progress) const
{
    const QString title = esc(ExportText::title(exported.conversation));
    QString html = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   u"<meta name=\"generator\" content=\"Chartroom\">\n<title>"
        + title + u"</title>\n<style>" + HtmlStyle::css() + u"</style>\n</head>\n<body>\n<main>\n"
        + u"<header>\n<h1 class=\"title\">" + title + u"</h1>\n<div class=\"meta\">"
        + esc(ExportText::metadata(exported)) + u"</div>\n</header>\n";
    for (const Message &m : exported.messages) {
        if (progress && progress->cancelled())
            return {};
        html += message(m);
        if (progress)
            progress->advance();
    }
    html += u"<footer>" + esc(ExportText::footer()) + u"</footer>\n</main>\n</body>\n</html>\n";
    return html;
}

QString HtmlExport::message(const Message &m) const
{
    QString html = u"<section class=\"message " + roleClass(m.role) + u"\" id=\"message-"
        + QString::number(m.id) + u"\">\n<div class=\"speaker\">" + esc(ExportText::speaker(m))
        + u" <time datetime=\"" + m.createdAt.toUTC().toString(Qt::ISODate) + u"\">"
        + esc(ExportText::time(m.createdAt)) + u"</time></div>\n";
    if (!m.text.trimmed().isEmpty())
        html += u"<div class=\"body\">\n" + MarkdownHtml::toHtml(m.text) + u"</div>\n";
    for (const Asset &asset : m.assets)
        html += chart(asset);
    if (const QString note = ExportText::statusNote(m); !note.isEmpty())
        html += u"<div class=\"note " + noteClass(m.status) + u"\">⚠ " + esc(note) + u"</div>\n";
    html += u"</section>\n"_s;
    return html;
}

QString HtmlExport::chart(const Asset &asset) const
{
    const ChartLabel label = ChartLabel::fromAsset(asset);
    const QImage image = m_renderer ? m_renderer(asset, chartSize()) : QImage();
    const QByteArray bytes = image.isNull() ? QByteArray() : png(image);
    QString html = u"<figure class=\"chart\" id=\"asset-" + QString::number(asset.id) + u"\">\n";
    if (bytes.isEmpty()) {
        html += u"<div class=\"placeholder\" role=\"img\" aria-label=\"" + esc(label.headline())
            + u"\">\n<div class=\"chart-type\">" + esc(label.typeLabel()) + u"</div>\n";
        if (!label.title().isEmpty())
            html += u"<div class=\"chart-title\">" + esc(label.title()) + u"</div>\n";
        html += u"<div class=\"chart-note\">" + esc(label.notRenderedReason(bool(m_renderer)))
            + u"</div>\n</div>\n";
    } else {
        const QString alt = label.title().isEmpty() ? label.typeLabel() : label.title();
        html += u"<img src=\"data:image/png;base64," + QString::fromLatin1(bytes.toBase64())
            + u"\" width=\"" + QString::number(image.width()) + u"\" height=\""
            + QString::number(image.height()) + u"\" alt=\"" + esc(alt) + u"\">\n";
        QString caption = label.headline();
        if (!label.dataAsOf().isEmpty())
            caption += u" · " + label.dataAsOf();
        html += u"<figcaption>" + esc(caption) + u"</figcaption>\n";
    }
    html += u"</figure>\n"_s;
    return html;
}
