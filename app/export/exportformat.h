#pragma once

#include <QList>
#include <QString>

enum class ExportFormat { Markdown, Html, Pdf, Json };

// Names, file suffixes and file-dialog filters of the export formats.
class ExportFormats
{
public:
    static QList<ExportFormat> all();
    // "md" (or "markdown"), "html" (or "htm"), "pdf", "json"; case-insensitive.
    static bool fromName(const QString &name, ExportFormat *format);
    // From the file name's suffix: report.md → Markdown.
    static bool fromFileName(const QString &fileName, ExportFormat *format);
    static QString name(ExportFormat format); // "md", "html", "pdf", "json"
    static QString suffix(ExportFormat format); // without the dot
    static QString mimeType(ExportFormat format);
    // "Markdown (*.md)", ...: the file dialog's name filters, in all() order.
    static QString nameFilter(ExportFormat format);
    // The filter's format; false when `filter` is none of nameFilter()'s.
    static bool fromNameFilter(const QString &filter, ExportFormat *format);
};
