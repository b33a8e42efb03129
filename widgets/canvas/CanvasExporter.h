#pragma once
// Renders the design (not the view: the whole design, whatever is scrolled
// into sight) to an image: PNG for slides and chat, SVG via QSvgGenerator
// for documents that scale. Also renders thumbnails for the examples gallery.
#include <QImage>
#include <QSizeF>
#include <QString>

class QPainter;

namespace scalelab::widgets {

class CanvasScene;

class CanvasExporter {
public:
    // Both return an empty string on success, else a one-line reason.
    static QString exportPng(CanvasScene* scene, const QString& path, double scale = 2.0);
    static QString exportSvg(CanvasScene* scene, const QString& path, const QString& title = {});
    // The design scaled to fit `size`, on white, centred.
    static QImage thumbnail(CanvasScene* scene, QSize size);
    // Paints the design at scale 1 with its top-left margin corner at (0, 0)
    // on any painter (a QPicture for reports); returns the size painted.
    static QSizeF paint(CanvasScene* scene, QPainter* painter);

private:
    // Selection outlines and the editing grid do not belong in an export.
    static QRectF prepare(CanvasScene* scene);
    static void restore(CanvasScene* scene);
};

} // namespace scalelab::widgets
