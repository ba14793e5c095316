#pragma once

#include "app/export/chartimagerenderer.h"
#include "tests/support/tempstore.h"

// A realistic conversation in a temporary store for the export tests: a question, an answer in
// Markdown with a table, a list and two charts (one with a data snapshot, one without), an
// interrupted answer, a question with HTML-like text and an answer that failed.
struct ExportFixture
{
    ExportFixture();

    TempStore store;
    qint64 conversationId = 0;
    qint64 chartWithData = 0; // asset ids
    qint64 chartWithoutData = 0;
    QDateTime snapshotAt;

    static const QString title;
    static const QString answer; // the first answer's Markdown
    static const QString trickyQuestion; // text with <, &, > and a <script> tag
    static const QString errorDetail;

    // Draws a 2-colour test image of the asked size when the asset has data; null otherwise
    // (like the real renderer without a snapshot). Counts its calls.
    static ChartImageRenderer fakeRenderer(int *calls = nullptr);
    static QColor fakeColour() { return QColor(0x12, 0x84, 0xd6); }
};
