#include "SnapshotJson.h"

#include "model/Registry.h"

#include <cmath>

namespace scalelab::cli {

nlohmann::ordered_json errorsToJson(const stats::ErrorCounts& errors)
{
    nlohmann::ordered_json json;
    for (int kind = 1; kind < sim::kOutcomeCount; ++kind) {
        const auto outcome = static_cast<sim::Outcome>(kind);
        json[sim::outcomeName(outcome)] = errors[outcome];
    }
    return json;
}

nlohmann::ordered_json latencyToJson(const stats::LatencySummary& latency, bool full)
{
    nlohmann::ordered_json json;
    json["mean"] = latency.meanMs;
    json["p50"] = latency.p50Ms;
    json["p95"] = latency.p95Ms;
    json["p99"] = latency.p99Ms;
    if (full) {
        json["p999"] = latency.p999Ms;
        json["max"] = latency.maxMs;
    }
    return json;
}

nlohmann::ordered_json snapshotToJson(const stats::Snapshot& snapshot, double wallSeconds)
{
    nlohmann::ordered_json json;
    json["sim_seconds"] = snapshot.measuredSeconds;
    json["wall_seconds"] = wallSeconds;
    json["events"] = snapshot.events;
    if (snapshot.cells > 1)
        json["cells"] = snapshot.cells; // counts below are the whole design's, scaled from one cell
    if (snapshot.sampled)
        json["sampled"] = true; // counts below are estimates from a sample of the shards (run/ShardSampling.h)
    if (!snapshot.sampling.empty())
        json["sampling"] = snapshot.sampling;
    json["requests"] = snapshot.requests;
    json["completed"] = snapshot.completed;
    json["errors"] = errorsToJson(snapshot.errors);
    json["throughput_rps"] = snapshot.throughputRps;
    json["latency_ms"] = latencyToJson(snapshot.latency, true);
    json["cost"] = {{"per_hour", snapshot.costPerHour}, {"per_month", snapshot.costPerHour * stats::kHoursPerMonth}};
    nlohmann::ordered_json blocks = nlohmann::ordered_json::object();
    for (const auto& block : snapshot.blocks) {
        nlohmann::ordered_json entry;
        entry["kind"] = block.kind;
        entry["name"] = block.name;
        entry["instances"] = block.instances;
        // Blocks without workers (clients, balancers, caches) have no utilisation.
        entry["utilization"] = block.hasWorkers ? nlohmann::ordered_json(block.utilization) : nullptr;
        entry["mean_queue"] = block.hasWorkers ? nlohmann::ordered_json(block.meanQueue) : nullptr;
        entry["arrivals"] = block.arrivals;
        entry["completed"] = block.completed;
        entry["errors"] = errorsToJson(block.errors);
        entry["latency_ms"] = latencyToJson(block.latency, false);
        entry["cost_per_hour"] = block.costPerHour;
        // A gauge that is a state (a breaker's closed/open/half_open) is
        // written by name, as the registry names its values.
        const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
        const std::vector<std::string>* states = spec && !spec->gauge.states.empty() ? &spec->gauge.states : nullptr;
        for (const auto& [key, value] : block.extras) {
            const auto index = static_cast<long long>(std::llround(value));
            if (key == "state" && states && index >= 0 && index < static_cast<long long>(states->size()))
                entry[key] = (*states)[static_cast<size_t>(index)];
            else
                entry[key] = value;
        }
        blocks[block.id] = std::move(entry);
    }
    json["blocks"] = std::move(blocks);
    nlohmann::ordered_json log = nlohmann::ordered_json::array();
    for (const auto& event : snapshot.eventLog) {
        nlohmann::ordered_json entry;
        entry["at_s"] = event.atS;
        entry["kind"] = event.kind == stats::EventLogEntry::Kind::Fault      ? "fault"
                        : event.kind == stats::EventLogEntry::Kind::Recovery ? "recovery"
                        : event.kind == stats::EventLogEntry::Kind::Design   ? "design"
                                                                             : "reaction";
        entry["blocks"] = event.blocks;
        entry["text"] = event.text;
        log.push_back(std::move(entry));
    }
    json["event_log"] = std::move(log);
    return json;
}

} // namespace scalelab::cli
