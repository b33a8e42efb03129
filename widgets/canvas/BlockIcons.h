#pragma once
// Icons of block kinds, from the SVGs compiled in as :/icons/<name>.svg
// (resources/resources.qrc). The resources live in this static library, so
// they are registered here, once, before the first look-up.
#include <QIcon>
#include <QString>

#include <string>

class QSvgRenderer;

namespace scalelab::widgets {

class BlockIcons {
public:
    // Makes the compiled-in resources (icons, examples) available; idempotent.
    static void ensureResources();
    static QString path(const std::string& iconName);
    static QIcon icon(const std::string& iconName);
    // Shared renderer for painting on the canvas; never null (may be invalid).
    static QSvgRenderer* renderer(const std::string& iconName);
};

} // namespace scalelab::widgets
