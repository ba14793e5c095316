#pragma once

#include "app/export/exporterror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QJsonObject>

class QGraphicsScene;

// A workflow to a file: the graph as PNG (twice the scene's size, for sharp text) or SVG (real
// text, QSvgGenerator), or the definition as indented JSON. Graphs are drawn in the light look
// (exports go into documents), whatever the screen shows. Files are written atomically by
// ExportFile; what goes wrong comes back typed and in words ("Cannot write /x/y.png: the folder
// /x does not exist.", "…: the disk is full.").
class WorkflowGraphExport
{
    Q_DECLARE_TR_FUNCTIONS(WorkflowGraphExport)
public:
    enum class Format { Png, Svg, Json };
    static QString suffix(Format format); // "png"

    static QImage image(QGraphicsScene &scene, qreal scale = 2.0);
    static QByteArray png(QGraphicsScene &scene);
    static QByteArray svg(QGraphicsScene &scene, const QString &title);
    static QByteArray json(const QJsonObject &definition);

    // `definition` drawn with `font` (PNG, SVG) or as it is (JSON), written to `path`.
    static ExportStatus write(
        const QJsonObject &definition, Format format, const QString &path, const QFont &font);

    static constexpr int maxPixels = 16000; // the longer side of a PNG, at most
};
