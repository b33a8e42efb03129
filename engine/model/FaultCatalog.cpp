#include "FaultCatalog.h"

#include "Architecture.h"
#include "MessageText.h"
#include "Registry.h"
#include "core/SimTime.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace scalelab::model {

namespace {

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

bool FaultSpec::appliesTo(const std::string& kind) const
{
    const BlockSpec* spec = Registry::instance().find(kind);
    if (!spec || target != Target::Block)
        return false;
    if (everyBlock)
        return spec->tier != Tier::Source;
    return std::find(spec->faults.begin(), spec->faults.end(), action) != spec->faults.end();
}

std::vector<std::string> FaultSpec::kinds() const
{
    std::vector<std::string> result;
    for (const BlockSpec& spec : Registry::instance().blocks())
        if (appliesTo(spec.kind))
            result.push_back(spec.kind);
    return result;
}

const std::vector<FaultSpec>& faultSpecs()
{
    using T = FaultSpec::Target;
    static const std::vector<FaultSpec> specs = [] {
        std::vector<FaultSpec> list = {
        {"crash", "Crash instances", T::Block, false, true, "instances", 1, 1, 100'000,
         "The last N instances die: their queued and running requests fail, and a load balancer keeps "
         "sending them traffic until its health checks notice."},
        {"slow", "Slow down", T::Block, false, true, "x slower", 5, 1, 1000,
         "Every request's work takes this many times longer (a bad deploy, a noisy neighbour, GC pauses)."},
        {"error_rate", "Add errors", T::Block, true, true, "error probability", 0.5, 0, 1,
         "Each call that reaches the block fails at once with this probability."},
        {"flush", "Flush cache", T::Block, false, false, "", 0, 0, 0,
         "Every cached entry is gone: the next reads all miss and fall on the origin."},
        {"crash_cache", "Crash cache node", T::Block, false, false, "", 0, 0, 0,
         "The cache process dies and restarts empty: every cached entry is gone, and every write-behind "
         "write not yet flushed to the database is lost (counted as lost_writes). With a duration the cache "
         "stays down that long and calls to it fail; without one it is back at once."},
        {"kill_primary", "Kill database primary", T::Block, false, false, "", 0, 0, 0,
         "The primary dies; writes fail until a replica is promoted after the failover time."},
        {"lose_projection", "Lose read model", T::Block, false, false, "", 0, 0, 0,
         "An event store's read model (its projection) is lost and rebuilt by replaying the whole log: "
         "events in the log / replay rate seconds, during which reads are refused or stale."},
        {"cut_link", "Cut link", T::Link, false, false, "", 0, 0, 0,
         "Calls on the link vanish (a network partition): callers wait for their timeout, or for ever "
         "without one."},
        {"lose_region", "Lose region", T::Region, false, false, "", 0, 0, 0,
         "Every block in the region fails every call, as when a cloud region goes dark."},
        {"lose_zone", "Lose zone", T::Region, false, true, "zone", 1, 1, 6,
         "One availability zone of the region goes dark: every service and database instance in it dies "
         "(instance i is in zone i mod zones + 1). A block spread over several zones keeps the rest, and "
         "a load balancer's health checks route around the dead; a block in one zone loses everything.",
         true},
        };
        list.front().wholeNumber = true; // crash: a number of instances
        return list;
    }();
    return specs;
}

const FaultSpec* findFaultSpec(const std::string& action)
{
    for (const auto& spec : faultSpecs())
        if (spec.action == action)
            return &spec;
    return nullptr;
}

std::string faultRefusal(const Fault& fault, const Architecture& design)
{
    const FaultSpec* spec = findFaultSpec(fault.action);
    if (!spec) {
        std::string known;
        for (const auto& s : faultSpecs())
            known += (known.empty() ? "" : ", ") + s.action;
        return "unknown fault action " + inQuotes(fault.action) + "; known actions: " + known;
    }
    // A time beyond the longest run could never happen: refused rather than
    // silently ignored (before saturating conversions, 1e10 s struck at t=0).
    const std::string longest = "at most " + std::to_string(static_cast<long long>(sim::kLongestSpanSeconds)) +
                                " s (about 115 days, the longest span ScaleLab simulates)";
    if (fault.atS < 0 || !std::isfinite(fault.atS))
        return "at_s must be >= 0, got " + number(fault.atS);
    if (fault.atS > sim::kLongestSpanSeconds)
        return "at_s must be " + longest + ", got " + number(fault.atS);
    if (fault.durationS < 0 || !std::isfinite(fault.durationS))
        return "duration_s must be >= 0, got " + number(fault.durationS);
    if (fault.durationS > sim::kLongestSpanSeconds)
        return "duration_s must be " + longest + ", got " + number(fault.durationS);
    if (spec->wholeNumber && fault.value != static_cast<double>(static_cast<long long>(fault.value)))
        return spec->valueLabel + " must be a whole number, got " + number(fault.value);
    if (spec->hasValue && !(fault.value >= spec->minValue && fault.value <= spec->maxValue))
        return spec->valueLabel + " must be in [" + number(spec->minValue) + ", " + number(spec->maxValue) +
               "], got " + number(fault.value);
    switch (spec->target) {
    case FaultSpec::Target::Region: {
        const bool used = std::any_of(design.blocks.begin(), design.blocks.end(),
                                      [&](const Block& b) { return !b.region.empty() && b.region == fault.region; });
        return used ? std::string() : "no block is in region " + inQuotes(fault.region);
    }
    case FaultSpec::Target::Link: {
        const bool linked = std::any_of(design.links.begin(), design.links.end(),
                                        [&](const Link& l) { return l.from == fault.block && l.to == fault.to; });
        return linked ? std::string() : "no link " + fault.block + " -> " + fault.to;
    }
    case FaultSpec::Target::Block:
        break;
    }
    const Block* block = design.findBlock(fault.block);
    if (!block)
        return "no block with id " + inQuotes(fault.block);
    if (!spec->appliesTo(block->kind))
        return "a " + block->kind + " cannot take the fault " + fault.action;
    return {};
}

std::string describeFault(const Fault& fault)
{
    const FaultSpec* spec = findFaultSpec(fault.action);
    const std::string label = spec ? spec->label : fault.action;
    std::string text;
    if (fault.action == "crash")
        text = "crash " + number(fault.value) + (fault.value == 1 ? " instance" : " instances") + " of " + fault.block;
    else if (fault.action == "slow")
        text = "slow " + fault.block + " " + number(fault.value) + "x";
    else if (fault.action == "error_rate")
        text = number(fault.value * 100) + "% errors at " + fault.block;
    else if (fault.action == "cut_link")
        text = "cut link " + fault.block + " -> " + fault.to;
    else if (fault.action == "crash_cache")
        text = "crash cache node " + fault.block;
    else if (fault.action == "lose_region")
        text = "lose region " + fault.region;
    else if (fault.action == "lose_zone")
        text = "lose zone " + number(fault.value) + " of " + fault.region;
    else
        text = label + ": " + fault.block;
    if (fault.durationS > 0)
        text += " for " + number(fault.durationS) + " s";
    return text;
}

} // namespace scalelab::model
