#pragma once
// Short builders for registry entries, shared by the files that define the
// block kinds (Registry.cpp, ResilienceSpecs.cpp) and the tiers they call.
#include "BlockSpec.h"
#include "ChoiceNames.h"
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

// A choice parameter read as the enum E (model/Choices.h): its choices are
// E's names, in E's order, so `block.choice<E>(key)` cannot misread it.
template <ChoiceEnum E>
ParamSpec choice(std::string key, std::string label, E def, std::string help)
{
    const auto& names = ChoiceNames<E>::names;
    ParamSpec spec = number(std::move(key), std::move(label), ParamType::Enum, "", static_cast<int>(def), 0,
                            static_cast<double>(names.size()) - 1, 1, std::move(help));
    spec.choices.assign(names.begin(), names.end());
    return spec;
}

// A text parameter: `format` is its grammar in brief ("DURATION:RPS, ..."),
// what the reference shows where a number shows its range.
inline ParamSpec text(std::string key, std::string label, std::string def, std::string format,
                      std::string (*rule)(const std::string&), std::string help)
{
    ParamSpec spec = number(std::move(key), std::move(label), ParamType::Text, "", 0, 0, 0, 0, std::move(help));
    spec.defaultText = std::move(def);
    spec.textFormat = std::move(format);
    spec.textRule = rule;
    return spec;
}

inline constexpr double kHour = 3'600'000; // ms

// What an app, a balancer or a guard may call: anything that serves requests
// but the edge (CDN, GeoDNS face the users only).
inline const std::vector<Tier> kServingTiers = {Tier::Router, Tier::Compute, Tier::Database, Tier::Cache,
                                                Tier::Queue,  Tier::Topic,   Tier::Guard,    Tier::Function,
                                                Tier::Fanout, Tier::Stream,  Tier::Connections};

inline ParamSpec flag(std::string key, std::string label, bool def, std::string help)
{
    return number(std::move(key), std::move(label), ParamType::Bool, "", def ? 1 : 0, 0, 1, 1, std::move(help));
}

// A count or rate of identical things (instances, consumers, requests per
// second) that the cell reduction divides among cells (sim/CellReduction.h).
inline ParamSpec perCell(ParamSpec spec)
{
    spec.perCell = true;
    return spec;
}

// What a database charges for each row of a batched write after the first
// (databases of every kind take write-behind batches).
inline ParamSpec batchRowParam()
{
    return number("batch_row_ms", "Batch row time", ParamType::Duration, "ms", 1, 0, kHour, 0.5,
                  "Time each row after the first adds to a batched write (a write-behind flush: one multi-row "
                  "statement, one commit): a batch of n rows takes write time + (n - 1) x this. The commit and "
                  "the round trip, most of a single write's cost, are paid once per batch.");
}

// Parameters shared by every pooled compute block (service, database): the
// pool's shape, its queue, its own timeout and the service-time distribution.
inline std::vector<ParamSpec> poolParams(int instances, int workers, int queueCapacity)
{
    return {
        perCell(number("instances", "Instances", ParamType::Int, "", instances, 1, 100'000, 1,
               "Identical instances behind this block. A load balancer in front spreads requests over them; "
               "without one, callers take them in turn.")),
        number("workers", "Workers per instance", ParamType::Int, "", workers, 1, 100'000, 1,
               "Requests one instance serves at the same time (threads, event-loop slots). A worker stays "
               "busy while it waits for its downstream calls."),
        number("queue_capacity", "Queue capacity", ParamType::Int, "", queueCapacity, 0, 10'000'000, 10,
               "Requests that may wait per instance when every worker is busy. One more is rejected with 503."),
        number("timeout_ms", "Timeout", ParamType::Duration, "ms", 0, 0, kHour, 10,
               "Longest time a request may spend here (queue, work and downstream calls) before this block "
               "gives up and answers its caller with a timeout, freeing the worker. 0 = never."),
        number("service_cv", "Service-time variability", ParamType::Double, "", 1, 0, 10, 0.1,
               "Coefficient of variation of the service time: 0 = deterministic, 1 = exponential, "
               "other values = log-normal with that CV."),
    };
}

// Availability zones of a pooled block (service, database): multi-AZ, and
// what a zone outage (the lose_zone fault) takes down.
inline ParamSpec zonesParam()
{
    return number("zones", "Availability zones", ParamType::Int, "", 1, 1, 6, 1,
                  "Zones of its region the instances are spread over, in turn (instance i in zone i mod zones "
                  "+ 1). A zone outage (the lose_zone fault) takes down the instances in that zone: spread "
                  "over three zones a block keeps two thirds of them, in one zone it loses them all. Size for "
                  "N+1: enough instances that those left carry the load.");
}

} // namespace scalelab::model::specs
