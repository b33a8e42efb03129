#pragma once
// The price table of instance types a service or database may run on, and
// the one rule that turns a type into the block's workers and hourly price.
// A block whose instance_type is "custom" (the default, and what every file
// written before the table existed holds) keeps its own workers and
// cost_per_hour parameters, so old designs run exactly as they did.
//
// The table is AWS's general-purpose m5 family, on-demand Linux prices in
// us-east-1 (the seeds' cost example: m5.xlarge $0.192/h, m5.4xlarge
// $0.768/h, m5.12xlarge $2.304/h). Each size up doubles vCPUs, memory and
// price, so within the family scaling up costs the same per vCPU as scaling
// out; what it cannot do is pass the largest size (the ceiling of vertical
// scaling) or change size without restarting the instance.
#include "Block.h"
#include "ParamSpec.h"

#include <string>
#include <vector>

namespace scalelab::model {

struct InstanceType {
    std::string name; // "m5.large": the choice's name in files and the CLI
    int vcpus = 0;
    int memoryGiB = 0;
    double pricePerHour = 0; // $ per instance-hour, on demand
};

// The rule, stated once: one worker per vCPU. A worker is a request in
// service (sim/InstancePool.h); a CPU-bound request occupies one core, so a
// type's capacity is vCPUs / service time, and M/M/c with c = vCPUs predicts it.
inline constexpr int kWorkersPerVcpu = 1;

// Smallest first; the last is the ceiling.
const std::vector<InstanceType>& instanceTypes();
// The block's type, or null when it is custom (or its kind has no types).
const InstanceType* instanceTypeOf(const Block& block);
// What the block's instances run with: from the type when one is chosen,
// otherwise the block's own parameters.
int workersOf(const Block& block);
double pricePerHourOf(const Block& block);
// `block` with workers and cost_per_hour set from its type (unchanged when
// custom): what the simulator configures a block from.
Block withInstanceType(Block block);
// True for the parameters a chosen type overrides (workers, cost_per_hour):
// the property editor shows the type's values there and locks them.
bool isSetByInstanceType(const Block& block, const std::string& key);

// The registry's parameters: the type ("custom" first, then the table) and
// the restart a change of type costs a running instance.
ParamSpec instanceTypeParam();
ParamSpec resizeRestartParam();
ParamSpec rollingResizeParam();

} // namespace scalelab::model
