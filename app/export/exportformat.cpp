#include "app/export/exportformat.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

QList<ExportFormat> ExportFormats::all()
{
    return { ExportFormat::Html, ExportFormat::Pdf, ExportFormat::Markdown, ExportFormat::Json };
}

bool ExportFormats::fromName(const QString &name, ExportFormat *format)
{
    const QString n = name.trimmed().toLower();
    ExportFormat f;
    if (n == u"md" || n == u"markdown")
        f = ExportFormat::Markdown;
    else if (n == u"html" || n == u"htm")
        f = ExportFormat::Html;
    else if (n == u"pdf")
        f = ExportFormat::Pdf;
    else if (n == u"json")
        f = ExportFormat::Json;
    else
        return false;
    *format = f;
    return true;
}

bool ExportFormats::fromFileName(const QString &fileName, ExportFormat *format)
{
    const QString suffix = QFileInfo(fileName).suffix();
    return !suffix.isEmpty() && fromName(suffix, format);
}

QString ExportFormats::name(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return u"md"_s;
    case ExportFormat::Html:
        return u"html"_s;
    case ExportFormat::Pdf:
        return u"pdf"_s;
    case ExportFormat::Json:
        return u"json"_s;
    }
    return {};
}

QString ExportFormats::suffix(ExportFormat format)
{
    return name(format);
}

QString ExportFormats::mimeType(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return u"text/markdown"_s;
    case ExportFormat::Html:
        return u"text/html"_s;
    case ExportFormat::Pdf:
        return u"application/pdf"_s;
    case ExportFormat::Json:
        return u"application/json"_s;
    }
    return {};
}

QString ExportFormats::nameFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QCoreApplication::translate("ExportFormats", "Markdown (*.md)");
    case ExportFormat::Html:
        return QCoreApplication::translate("ExportFormats", "Web page, self-contained (*.html)");
    case ExportFormat::Pdf:
        return QCoreApplication::translate("ExportFormats", "PDF document (*.pdf)");
    case ExportFormat::Json:
        return QCoreApplication::translate("ExportFormats", "JSON (*.json)");
    }
    return {};
}

bool ExportFormats::fromNameFilter(const QString &filter, ExportFormat *format)
{
    for (ExportFormat f : all()) {
        if (nameFilter(f) == filter) {
            *format = f;
            return true;
        }
    }
    return false;
}
