#pragma once
// Mean read and write times and their variability: the work-time model every
// pooled block (service, database, replicas, shards) samples from, read from
// its parameters in one place.
#include "model/Architecture.h"
#include "sim/CallFrame.h"
#include "sim/Rng.h"
#include "core/SimTime.h"

namespace scalelab::blocks {

struct ServiceTimes {
    double readMs = 0, writeMs = 0, cv = 1;

    // Services have one service_time_ms; databases time reads and writes apart.
    static ServiceTimes of(const model::Block& block)
    {
        const bool single = block.params.count("service_time_ms") > 0;
        return {block.param(single ? "service_time_ms" : "read_time_ms"),
                block.param(single ? "service_time_ms" : "write_time_ms"), block.param("service_cv")};
    }

    double meanMs(sim::RequestType type) const { return type == sim::RequestType::Write ? writeMs : readMs; }
    sim::SimTime sample(sim::RequestType type, sim::Rng& rng) const
    {
        return sim::fromMs(rng.withVariation(meanMs(type), cv));
    }
};

} // namespace scalelab::blocks
