#pragma once
// Pictures of designs for the gallery, drawn by the canvas itself (no image
// files to keep in step) and kept for the life of the program: the built-in
// designs never change, and building a scene for each one is the slow part
// of opening the gallery.
#include "model/Architecture.h"

#include <QPixmap>

namespace scalelab::widgets {

class ThumbnailCache {
public:
    static constexpr QSize kSize{200, 100};

    // The design's picture at kSize (device-independent pixels), rendered on first use.
    static QPixmap thumbnail(const QString& key, const model::Architecture& design, qreal devicePixelRatio = 1.0);
};

} // namespace scalelab::widgets
