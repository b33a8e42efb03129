#include "BlockFigures.h"

#include "QtText.h"
#include "model/Choices.h"
#include "model/InstanceTypes.h"
#include "model/NumberText.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace scalelab::widgets {

namespace {

// A client's traffic model is one idea that several parameters spell out
// together, and the first thing a reader of the diagram wants to know:
// "open, ramp, 1,000 rps" or "closed, 100 VUs, think 1,000 ms". Returns the
// figures and the parameters they cover, so the generic loop skips them.
QStringList trafficModel(const model::Block& block, const model::BlockSpec& spec, std::set<std::string>& covered)
{
    if (!spec.param("arrival_model") || !spec.param("profile"))
        return {};
    covered = {"arrival_model", "profile", "rate_rps", "virtual_users", "think_time_ms"};
    if (block.choice<model::ArrivalModel>("arrival_model") == model::ArrivalModel::Closed)
        return {QStringLiteral("closed, %1 VUs").arg(BlockFigures::compactNumber(block.param("virtual_users"))),
                QStringLiteral("think %1 ms").arg(BlockFigures::compactNumber(block.param("think_time_ms")))};
    const std::string shape(model::choiceName(block.choice<model::TrafficShape>("profile")));
    return {QStringLiteral("open, %1").arg(toQString(shape)),
            BlockFigures::compactNumber(block.param("rate_rps")) + " rps"};
}

// A retry backoff ("call_retry_backoff_ms") of a block that does not retry
// ("call_retries" 0) never applies.
bool backoffWithoutRetries(const model::Block& block, const model::BlockSpec& spec, const std::string& key)
{
    static const std::string suffix = "retry_backoff_ms";
    if (key.size() < suffix.size() || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    const std::string retries = key.substr(0, key.size() - suffix.size()) + "retries";
    return spec.param(retries) && block.param(retries) == 0;
}

} // namespace

QString BlockFigures::compactNumber(double value)
{
    return toQString(model::compactNumber(value));
}

QStringList BlockFigures::parts(const model::Block& block)
{
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    if (!spec)
        return {};
    std::set<std::string> covered;
    QStringList parts = trafficModel(block, *spec, covered);
    const bool pooled = spec->param("instances") && spec->param("workers");
    if (pooled)
        parts << QStringLiteral("%1 × %2 workers")
                     .arg(compactNumber(block.param("instances")), compactNumber(model::workersOf(block)));
    // A pool with one time (a service time) reads well as the bare number;
    // with several (read and write times) each needs its label.
    const auto durations = std::count_if(spec->params.begin(), spec->params.end(), [](const auto& p) {
        return p.type == model::ParamType::Duration && p.key.find("timeout") == std::string::npos;
    });
    bool firstTime = true;
    for (const auto& param : spec->params) {
        if (covered.count(param.key))
            continue;
        const double value = block.param(param.key);
        const QString label = toQString(param.label).toLower();
        switch (param.type) {
        case model::ParamType::Rate:
            parts << compactNumber(value) + " " + toQString(param.unit);
            break;
        case model::ParamType::Enum: {
            // "none", "off" and "custom" (no catalogue instance type) say a
            // feature is unused; bare on a card they read as noise.
            const QString choice = toQString(param.choiceName(value));
            if (choice != "none" && choice != "off" && choice != "custom")
                parts << QString(choice).replace('_', ' ');
            break;
        }
        case model::ParamType::Duration:
            // Zero means "off" for timeouts and backoffs: nothing worth a figure.
            if (value == 0 || backoffWithoutRetries(block, *spec, param.key))
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
