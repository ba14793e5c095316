#pragma once

#include "app/export/chartimagerenderer.h"
#include "app/export/exportedconversation.h"
#include "app/export/exportprogress.h"

#include <QString>

// The conversation as one self-contained HTML page: inline CSS (HtmlStyle), each message's
// Markdown as HTML (MarkdownHtml), charts inlined as PNG data: URIs with their title as alt text
// and a "data as of …" caption, or a placeholder box when a chart cannot be drawn. Nothing is
// loaded from outside the file. Needs a QGuiApplication.
class HtmlExport
{
public:
    explicit HtmlExport(ChartImageRenderer renderer = {});

    // Counts each message on `progress`; stops early (an unfinished page) once it is cancelled.
    QString write(const ExportedConversation &exported, ExportProgress *progress = nullptr) const;

    static QSize chartSize() { return { 960, 480 }; }

private:
    QString message(const Message &message) const;
    QString chart(const Asset &asset) const;

    ChartImageRenderer m_renderer;
};
