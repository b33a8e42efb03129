#include "BlockFigures.h"

#include "QtText.h"
#include "model/Registry.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

QString BlockFigures::compactNumber(double value)
{
    const double magnitude = std::abs(value);
    auto trimmed = [](double v, const char* suffix) {
        return QString::number(v, 'f', v < 10 ? 1 : 0).remove(QRegularExpression("\\.0$")) + suffix;
    };
    if (magnitude >= 1e6)
        return trimmed(value / 1e6, "M");
    if (magnitude >= 1e4)
        return trimmed(value / 1e3, "k");
    if (magnitude >= 1000)
        return QString::number(value / 1000, 'f', 3).replace('.', ',');
    return QString::number(value, 'g', 4);
}

QStringList BlockFigures::parts(const model::Block& block)
{
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    if (!spec)
        return {};
    QStringList parts;
    const bool pooled = spec->param("instances") && spec->param("workers");
    if (pooled)
        parts << QStringLiteral("%1 × %2 workers")
                     .arg(compactNumber(block.param("instances")), compactNumber(block.param("workers")));
    // A pool with one time (a service time) reads well as the bare number;
    // with several (read and write times) each needs its label.
    const auto durations = std::count_if(spec->params.begin(), spec->params.end(), [](const auto& p) {
        return p.type == model::ParamType::Duration && p.key.find("timeout") == std::string::npos;
    });
    bool firstTime = true;
    for (const auto& param : spec->params) {
        const double value = block.param(param.key);
        const QString label = toQString(param.label).toLower();
        switch (param.type) {
        case model::ParamType::Rate:
            parts << compactNumber(value) + " " + toQString(param.unit);
            break;
        case model::ParamType::Enum:
            parts << toQString(param.choiceName(value)).replace('_', ' ');
            break;
        case model::ParamType::Duration:
            // Zero means "off" for timeouts and backoffs: nothing worth a figure.
            if (value == 0)
                break;
            // A pool's first time is its service time: the number alone reads well.
            parts << ((pooled && firstTime && durations == 1) ? "" : label + " ") + compactNumber(value) + " ms";
            firstTime = false;
            break;
        case model::ParamType::Double:
            if (param.min == 0 && param.max == 1 && param.key.find("ratio") != std::string::npos)
                parts << label + " " + QString::number(value * 100, 'g', 3) + "%";
            break;
        case model::ParamType::Int:
        case model::ParamType::Bool:
        case model::ParamType::Text: // a small language of its own: too long for a card
            break;
        }
    }
    return parts;
}

} // namespace scalelab::widgets
