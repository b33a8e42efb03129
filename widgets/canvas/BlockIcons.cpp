#include "BlockIcons.h"

#include <QFile>
#include <QSvgRenderer>

#include <map>
#include <memory>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initScaleLabResources() { Q_INIT_RESOURCE(resources); }

namespace scalelab::widgets {

void BlockIcons::ensureResources()
{
    static const bool done = [] {
        initScaleLabResources();
        return true;
    }();
    (void)done;
}

QString BlockIcons::path(const std::string& iconName)
{
    ensureResources();
    const QString candidate = ":/icons/" + QString::fromStdString(iconName) + ".svg";
    // A kind added to the registry before its icon is drawn still shows something.
    return QFile::exists(candidate) ? candidate : QStringLiteral(":/icons/service.svg");
}

QIcon BlockIcons::icon(const std::string& iconName) { return QIcon(path(iconName)); }

QSvgRenderer* BlockIcons::renderer(const std::string& iconName)
{
    static std::map<std::string, std::unique_ptr<QSvgRenderer>> cache;
    auto& slot = cache[iconName];
    if (!slot)
        slot = std::make_unique<QSvgRenderer>(path(iconName));
    return slot.get();
}

} // namespace scalelab::widgets
