#include "ui/workflow/workflowgraphexport.h"

#include "app/export/exportfile.h"
#include "ui/workflow/workflowgraphscene.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

QString WorkflowGraphExport::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return u"png"_s;
    case Format::Svg:
        return u"svg"_s;
    case Format::Json:
        return u"json"_s;
    }
    return {};
}

QImage WorkflowGraphExport::image(QGraphicsScene &scene, qreal scale)
{
    const QRectF source = scene.sceneRect();
    if (source.isEmpty())
        return {};
    scale = std::min(scale, maxPixels / std::max(source.width(), source.height()));
    const QSize size(
        int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene.backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source);
    painter.end();
    return image;
}

QByteArray WorkflowGraphExport::png(QGraphicsScene &scene)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image(scene).save(&buffer, "PNG"))
        return {};
    return bytes;
}

QByteArray WorkflowGraphExport::svg(QGraphicsScene &scene, const QString &title)
{
    const QRectF source = scene.sceneRect();
    const QSize size = source.size().toSize();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(tr("Workflow graph from Chartroom"));
    QPainter painter(&generator);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source);
    painter.end();
    return buffer.data();
}

QByteArray WorkflowGraphExport::json(const QJsonObject &definition)
{
    return QJsonDocument(definition).toJson(QJsonDocument::Indented);
}

ExportStatus WorkflowGraphExport::write(
    const QJsonObject &definition, Format format, const QString &path, const QFont &font)
{
    if (format == Format::Json)
        return ExportFile::write(path, json(definition));
    WorkflowGraphScene scene;
    scene.showDefinition(definition, WorkflowGraphStyle::forExport(font));
    if (scene.nodeCount() == 0)
        return ExportError { ExportError::Code::RenderFailed,
            tr("There is no workflow to draw: the definition has no nodes.") };
    const QByteArray bytes = format == Format::Png ? png(scene) : svg(scene, tr("Workflow"));
    if (bytes.isEmpty())
        return ExportError { ExportError::Code::RenderFailed,
            tr("The workflow graph could not be drawn as %1.").arg(suffix(format).toUpper()) };
    return ExportFile::write(path, bytes);
}
