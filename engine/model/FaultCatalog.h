#pragma once
// The fault actions ScaleLab can inject, with what each targets and what its
// value means. The file reader, the validator, the simulator and the Faults
// panel all read this list.
#include "Fault.h"

#include <string>
#include <vector>

namespace scalelab::model {

struct Architecture;

struct FaultSpec {
    enum class Target { Block, Link, Region };

    std::string action;
    std::string label;
    Target target = Target::Block;
    bool everyBlock = false; // applies to every block but a client; otherwise to kinds that list it (BlockSpec::faults)
    bool hasValue = false;
    std::string valueLabel;
    double defaultValue = 0, minValue = 0, maxValue = 0;
    std::string help;
    bool wholeNumber = false; // the value counts something (instances)

    bool appliesTo(const std::string& kind) const;
    // Block faults: the registry kinds it applies to, in registry order.
    std::vector<std::string> kinds() const;
};

const std::vector<FaultSpec>& faultSpecs();
const FaultSpec* findFaultSpec(const std::string& action);

// Why `fault` cannot apply to `design` ("" if it can): unknown action,
// missing block, wrong kind, value out of range.
std::string faultRefusal(const Fault& fault, const Architecture& design);
// "crash 2 instances of api", "cut link api -> db" for logs and lists.
std::string describeFault(const Fault& fault);

} // namespace scalelab::model
