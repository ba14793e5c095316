#pragma once

#include "app/export/chartimagerenderer.h"
#include "app/export/exportedconversation.h"
#include "app/export/exportprogress.h"

#include <QByteArray>

class QTextCursor;
class QTextDocument;

// The conversation as an A4 PDF with vector text and page numbers: the same content as the HTML
// export, laid out by QTextDocument (each message in a frame, its Markdown inserted as rich
// text, tables with a repeated header row) and printed with QPdfWriter. Charts are images drawn
// by the renderer, or a placeholder box. Needs a QGuiApplication (the offscreen platform will
// do). Light whatever the window's theme, as the HTML export (see HtmlStyle).
class PdfExport
{
public:
    explicit PdfExport(ChartImageRenderer renderer = {});

    // Counts each message on `progress`; returns nothing once it is cancelled.
    QByteArray write(
        const ExportedConversation &exported, ExportProgress *progress = nullptr) const;
    // The laid-out document before printing (for tests and previews).
    void build(const ExportedConversation &exported, QTextDocument &document,
        ExportProgress *progress = nullptr) const;

private:
    void message(const Message &message, QTextCursor &cursor) const;
    void chart(const Asset &asset, QTextCursor &cursor) const;

    ChartImageRenderer m_renderer;
};
