#pragma once

#include "app/export/chartimagerenderer.h"
#include "app/export/exportedconversation.h"

#include <QString>

// The conversation as one self-contained HTML page: inline CSS (HtmlStyle), each message's
// Markdown as HTML (MarkdownHtml), charts inlined as PNG data: URIs with their title as alt text
// and a "data as of …" caption, or a placeholder box when a chart cannot be drawn. Nothing is
// loaded from outside the file. Needs a QGuiApplication.
class HtmlExport
{
public:
    explicit HtmlExport(ChartImageRenderer renderer = {});

    QString write(const ExportedConversation &exported) const;

    static QSize chartSize() { return { 960, 480 }; }

private:
    QString message(const Message &message) const;
    QString chart(const Asset &asset) const;

    ChartImageRenderer m_renderer;
};
