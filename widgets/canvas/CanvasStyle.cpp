#include "CanvasStyle.h"

#include <QHash>
#include <QString>

#include <array>
#include <map>

namespace scalelab::widgets::style {

QColor categoryColor(const std::string& category)
{
    static const std::map<std::string, QColor> known{
        {"Traffic", QColor(0x1f, 0x6f, 0xeb)},
        {"Routing", QColor(0x82, 0x50, 0xdf)},
        {"Compute", QColor(0x1a, 0x7f, 0x37)},
        {"Data", QColor(0xbc, 0x4c, 0x00)},
    };
    if (auto it = known.find(category); it != known.end())
        return it->second;
    // Categories added to the registry later still get a stable, distinct colour.
    static const std::array<QColor, 4> spare{QColor(0x0a, 0x7e, 0x8c), QColor(0xbf, 0x38, 0x89),
                                             QColor(0x6e, 0x77, 0x81), QColor(0x9a, 0x67, 0x00)};
    return spare[qHash(QString::fromStdString(category)) % spare.size()];
}

} // namespace scalelab::widgets::style
