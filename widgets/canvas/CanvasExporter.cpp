#include "CanvasExporter.h"

#include "CanvasScene.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QPainter>
#include <QSvgGenerator>

namespace scalelab::widgets {

namespace {
constexpr double kMargin = 24;
}

QRectF CanvasExporter::prepare(CanvasScene* scene)
{
    scene->setShowGrid(false);
    QRectF source = scene->designRect();
    if (source.isEmpty())
        source = QRectF(0, 0, 200, 100);
    return source.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

void CanvasExporter::restore(CanvasScene* scene) { scene->setShowGrid(true); }

QString CanvasExporter::exportPng(CanvasScene* scene, const QString& path, double scale)
{
    // Hide the selection without touching it: render() paints what the items
    // would paint, so clearing and re-selecting would also fire selection signals.
    const QList<QGraphicsItem*> selected = scene->selectedItems();
    for (QGraphicsItem* item : selected)
        item->setSelected(false);
    const QRectF source = prepare(scene);
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    }
    restore(scene);
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
    if (!image.save(path, "PNG"))
        return QObject::tr("cannot write %1").arg(QFileInfo(path).fileName());
    return {};
}

QString CanvasExporter::exportSvg(CanvasScene* scene, const QString& path, const QString& title)
{
    const QList<QGraphicsItem*> selected = scene->selectedItems();
    for (QGraphicsItem* item : selected)
        item->setSelected(false);
    const QRectF source = prepare(scene);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title.isEmpty() ? QStringLiteral("ScaleLab design") : title);
    generator.setDescription(QStringLiteral("Exported from ScaleLab"));
    bool ok = false;
    {
        QPainter painter;
        ok = painter.begin(&generator);
        if (ok)
            scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    restore(scene);
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
    if (!ok || !QFileInfo(path).exists())
        return QObject::tr("cannot write %1").arg(QFileInfo(path).fileName());
    return {};
}

QImage CanvasExporter::thumbnail(CanvasScene* scene, QSize size)
{
    const QRectF source = prepare(scene);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        scene->render(&painter, QRectF(QPointF(0, 0), size), source, Qt::KeepAspectRatio);
    }
    restore(scene);
    return image;
}

QSizeF CanvasExporter::paint(CanvasScene* scene, QPainter* painter)
{
    const QList<QGraphicsItem*> selected = scene->selectedItems();
    for (QGraphicsItem* item : selected)
        item->setSelected(false);
    const QRectF source = prepare(scene);
    scene->render(painter, QRectF(QPointF(0, 0), source.size()), source);
    restore(scene);
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
    return source.size();
}

} // namespace scalelab::widgets
