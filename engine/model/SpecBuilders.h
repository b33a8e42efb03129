#pragma once
// Short builders for registry entries, shared by the files that define the
// block kinds (Registry.cpp, ResilienceSpecs.cpp).
#include "ParamSpec.h"

#include <string>
#include <vector>

namespace scalelab::model::specs {

inline ParamSpec number(std::string key, std::string label, ParamType type, std::string unit, double def, double min,
                 double max, double step, std::string help)
{
    ParamSpec spec;
    spec.key = std::move(key);
    spec.label = std::move(label);
    spec.type = type;
    spec.unit = std::move(unit);
    spec.defaultValue = def;
    spec.min = min;
    spec.max = max;
    spec.step = step;
    spec.help = std::move(help);
    return spec;
}

inline ParamSpec choice(std::string key, std::string label, std::vector<std::string> choices, int def, std::string help)
{
    ParamSpec spec = number(std::move(key), std::move(label), ParamType::Enum, "", def, 0,
                            static_cast<double>(choices.size()) - 1, 1, std::move(help));
    spec.choices = std::move(choices);
    return spec;
}

inline ParamSpec text(std::string key, std::string label, std::string def, std::string (*rule)(const std::string&),
               std::string help)
{
    ParamSpec spec = number(std::move(key), std::move(label), ParamType::Text, "", 0, 0, 0, 0, std::move(help));
    spec.defaultText = std::move(def);
    spec.textRule = rule;
    return spec;
}

inline constexpr double kHour = 3'600'000; // ms

inline ParamSpec flag(std::string key, std::string label, bool def, std::string help)
{
    return number(std::move(key), std::move(label), ParamType::Bool, "", def ? 1 : 0, 0, 1, 1, std::move(help));
}

} // namespace scalelab::model::specs
