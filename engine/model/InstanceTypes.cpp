#include "InstanceTypes.h"

#include "SpecBuilders.h"

#include <charconv>
#include <sstream>

namespace scalelab::model {

namespace {

constexpr const char* kTypeKey = "instance_type";

// "m5.32xlarge" is refused with the ceiling, not with the whole list: the
// lesson of a name past the table is that scaling up stops there.
std::string refuseType(const std::string& name)
{
    const std::string prefix = "m5.", suffix = "xlarge";
    if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return {};
    int size = 0;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size() - suffix.size();
    if (auto [end, error] = std::from_chars(first, last, size); error != std::errc() || end != last)
        return {};
    const InstanceType& largest = instanceTypes().back();
    if (size * 4 <= largest.vcpus)
        return {}; // an m5 size between two of the table's: the list says which exist
    return "\"" + name + "\" is larger than " + largest.name + " (" + std::to_string(largest.vcpus) + " vCPU, " +
           std::to_string(largest.memoryGiB) + " GiB), the largest instance type: the ceiling of scaling up. "
           "Add instances (scale out) instead";
}

std::string priceText(double dollars)
{
    std::ostringstream out;
    out << dollars; // $0.096, $4.608: the list's own digits
    return out.str();
}

} // namespace

const std::vector<InstanceType>& instanceTypes()
{
    static const std::vector<InstanceType> types = {
        {"m5.large", 2, 8, 0.096},       {"m5.xlarge", 4, 16, 0.192},     {"m5.2xlarge", 8, 32, 0.384},
        {"m5.4xlarge", 16, 64, 0.768},   {"m5.8xlarge", 32, 128, 1.536},  {"m5.12xlarge", 48, 192, 2.304},
        {"m5.16xlarge", 64, 256, 3.072}, {"m5.24xlarge", 96, 384, 4.608},
    };
    return types;
}

const InstanceType* instanceTypeOf(const Block& block)
{
    const auto it = block.params.find(kTypeKey);
    if (it == block.params.end())
        return nullptr;
    const auto index = static_cast<size_t>(it->second); // 0 = custom
    return index >= 1 && index <= instanceTypes().size() ? &instanceTypes()[index - 1] : nullptr;
}

int workersOf(const Block& block)
{
    if (const InstanceType* type = instanceTypeOf(block))
        return type->vcpus * kWorkersPerVcpu;
    return static_cast<int>(block.param("workers"));
}

double pricePerHourOf(const Block& block)
{
    if (const InstanceType* type = instanceTypeOf(block))
        return type->pricePerHour;
    const auto it = block.params.find("cost_per_hour");
    return it == block.params.end() ? 0.0 : it->second;
}

Block withInstanceType(Block block)
{
    if (const InstanceType* type = instanceTypeOf(block)) {
        block.params["workers"] = type->vcpus * kWorkersPerVcpu;
        block.params["cost_per_hour"] = type->pricePerHour;
    }
    return block;
}

bool isSetByInstanceType(const Block& block, const std::string& key)
{
    return (key == "workers" || key == "cost_per_hour") && instanceTypeOf(block);
}

ParamSpec instanceTypeParam()
{
    std::string sizes;
    for (const InstanceType& type : instanceTypes())
        sizes += (sizes.empty() ? "" : ", ") + type.name + " " + std::to_string(type.vcpus) + " vCPU $" +
                 priceText(type.pricePerHour) + "/h";
    ParamSpec spec = specs::number(kTypeKey, "Instance type", ParamType::Enum, "", 0, 0,
                                   static_cast<double>(instanceTypes().size()), 1,
                                   "The machine each instance runs on (AWS m5, on demand, us-east-1): " + sizes +
                                       ". It sets the workers (one per vCPU) and the cost per instance-hour; "
                                       "custom keeps the Workers and Cost parameters. Each size up doubles "
                                       "capacity and price; m5.24xlarge is the ceiling.");
    spec.choices.push_back("custom");
    for (const InstanceType& type : instanceTypes())
        spec.choices.push_back(type.name);
    spec.choiceRule = &refuseType;
    return spec;
}

ParamSpec resizeRestartParam()
{
    return specs::number("resize_restart_s", "Resize restart", ParamType::Double, "s", 60, 0, 3600, 10,
                         "Changing the instance type of a running instance means stop, resize, start: each "
                         "instance is down this long and fails what reaches it meanwhile. 0 = no downtime.");
}

ParamSpec rollingResizeParam()
{
    return specs::flag("rolling_resize", "Rolling resize", false,
                       "On: a change of instance type restarts one instance at a time (the others serve). "
                       "Off: every instance restarts at once, as a single machine must.");
}

} // namespace scalelab::model
