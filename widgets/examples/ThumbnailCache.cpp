#include "ThumbnailCache.h"

#include "canvas/CanvasExporter.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"

#include <QHash>

namespace scalelab::widgets {

QPixmap ThumbnailCache::thumbnail(const QString& key, const model::Architecture& design, qreal devicePixelRatio)
{
    static QHash<QString, QPixmap> cache;
    const QString fullKey = key + QLatin1Char('@') + QString::number(devicePixelRatio);
    if (auto it = cache.constFind(fullKey); it != cache.constEnd())
        return *it;
    DesignDocument document;
    document.reset(design);
    CanvasScene scene(&document);
    QPixmap pixmap = QPixmap::fromImage(CanvasExporter::thumbnail(&scene, kSize * devicePixelRatio));
    pixmap.setDevicePixelRatio(devicePixelRatio);
    cache.insert(fullKey, pixmap);
    return pixmap;
}

} // namespace scalelab::widgets
