#include "ui/chart/chartexport.h"

#include "app/charts/isotime.h"
#include "ui/chart/chartrenderer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
ChartError writeError(const QString &path, const QString &reason)
{
    return { ChartError::Code::Write,
        QCoreApplication::translate("ChartExport", "Could not write “%1”: %2").arg(path, reason) };
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString csvValue(const QJsonValue &v, bool datetime)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isNull() || v.isUndefined())
        return QString();
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (datetime) {
        if (const std::optional<qint64> at = IsoTime::utcMsecs(v.toString()))
            return QDateTime::fromMSecsSinceEpoch(*at, Qt::UTC).date().toString(Qt::ISODate);
    }
    return v.toVariant().toString();
}

void drawPdf(QIODevice *device, const ChartData &data, QSize size, const QString &caption)
{
    QPdfWriter pdf(device);
    pdf.setCreator(u"Chartroom"_s);
    pdf.setTitle(data.title);
    pdf.setResolution(96); // one logical pixel per PDF unit of 1/96 inch
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&pdf);
    const QRect page = painter.viewport();
    ChartRenderer::paint(&painter, QRectF(page), data, size, caption, Theme::light());
}
} // namespace

std::optional<ChartExport::Format> ChartExport::parseFormat(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (const Format f : { Format::Png, Format::Svg, Format::Pdf, Format::Csv, Format::Json }) {
        if (suffix(f) == n)
            return f;
    }
    return std::nullopt;
}

QString ChartExport::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return u"png"_s;
    case Format::Svg:
        return u"svg"_s;
    case Format::Pdf:
        return u"pdf"_s;
    case Format::Csv:
        return u"csv"_s;
    case Format::Json:
        return u"json"_s;
    }
    return QString();
}

QString ChartExport::caption(const QDateTime &takenAt)
{
    if (!takenAt.isValid())
        return QString();
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return QCoreApplication::translate("ChartExport", "Data as of %1")
        .arg(english.toString(takenAt.toLocalTime(), u"d MMM yyyy, HH:mm"_s));
}

QByteArray ChartExport::svg(const ChartData &data, QSize size, const QString &caption)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(data.title);
    generator.setDescription(
        QCoreApplication::translate("ChartExport", "Line chart from Chartroom"));
    QPainter painter(&generator);
    ChartRenderer::paint(
        &painter, QRectF(QPointF(0, 0), QSizeF(size)), data, size, caption, Theme::light());
    painter.end();
    return buffer.data();
}

QByteArray ChartExport::csv(const ChartData &data)
{
    QStringList lines;
    QStringList header;
    for (const QString &h : data.headers)
        header << csvField(h);
    lines << header.join(u',');
    const bool datetime = data.xKind == ChartData::XKind::Datetime;
    for (const QJsonValue &row : data.rows) {
        QStringList fields;
        const QJsonArray values = row.toArray();
        for (qsizetype i = 0; i < values.size(); ++i)
            fields << csvField(csvValue(values.at(i), datetime && i == 0));
        lines << fields.join(u',');
    }
    return (lines.join(u"\r\n"_s) + u"\r\n"_s).toUtf8();
}

QByteArray ChartExport::json(const ChartData &data)
{
    return QJsonDocument(data.item).toJson(QJsonDocument::Indented);
}

std::optional<ChartError> ChartExport::write(
    const ChartData &data, Format format, const QString &path, QSize size, const QString &caption)
{
    if (size.width() < 50 || size.height() < 50 || size.width() > 20000 || size.height() > 20000) {
        return ChartError { ChartError::Code::Write,
            QCoreApplication::translate(
                "ChartExport", "The size %1×%2 is not usable; use 50 to 20000 pixels each way.")
                .arg(size.width())
                .arg(size.height()) };
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    bool ok = true;
    switch (format) {
    case Format::Png:
        ok = ChartRenderer::image(data, size, 1.0, caption, Theme::light()).save(&file, "PNG");
        break;
    case Format::Svg:
        ok = file.write(svg(data, size, caption)) >= 0;
        break;
    case Format::Pdf:
        drawPdf(&file, data, size, caption);
        break;
    case Format::Csv:
        ok = file.write(csv(data)) >= 0;
        break;
    case Format::Json:
        ok = file.write(json(data)) >= 0;
        break;
    }
    if (!ok || !file.commit())
        return writeError(path, file.errorString());
    return std::nullopt;
}

QImage ChartExport::image(const Asset &asset, const QSize &size)
{
    const auto result = ChartData::fromAsset(asset.type, asset.valueJson, asset.dataJson);
    if (!result || size.isEmpty())
        return QImage();
    return ChartRenderer::image(*result, size, 1.0, caption(asset.dataTakenAt), Theme::light());
}
