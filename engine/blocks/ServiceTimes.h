#pragma once
// Mean read and write times and their variability: the work-time model every
// pooled block (service, database, replicas, shards) samples from, read from
// its parameters in one place.
//
// A batched write (a write-behind flush of n rows, CallFrame::rows) costs a
// database one write plus batch_row_ms for each further row: the per-batch
// overhead is write_time_ms - batch_row_ms (round trip, parse, commit and
// its fsync), the per-row cost batch_row_ms. Kinds without batch_row_ms (a
// service a batch passes through) treat a batch as one call.
#include "model/Architecture.h"
#include "sim/CallFrame.h"
#include "sim/Rng.h"
#include "core/SimTime.h"

#include <algorithm>

namespace scalelab::blocks {

struct ServiceTimes {
    double readMs = 0, writeMs = 0, cv = 1, batchRowMs = 0;

    // Services have one service_time_ms; databases time reads and writes apart.
    static ServiceTimes of(const model::Block& block)
    {
        const bool single = block.params.count("service_time_ms") > 0;
        const bool batches = block.params.count("batch_row_ms") > 0;
        return {block.param(single ? "service_time_ms" : "read_time_ms"),
                block.param(single ? "service_time_ms" : "write_time_ms"), block.param("service_cv"),
                batches ? block.param("batch_row_ms") : 0.0};
    }

    double meanMs(sim::RequestType type, uint16_t rows = 1) const
    {
        if (type != sim::RequestType::Write)
            return readMs;
        return writeMs + (rows > 1 ? (rows - 1) * batchRowMs : 0.0);
    }
    // Mean write time when writes carry `rowsPerWrite` rows on average (the planner's view).
    double writeMsFor(double rowsPerWrite) const { return writeMs + std::max(0.0, rowsPerWrite - 1) * batchRowMs; }
    sim::SimTime sample(const sim::CallFrame& frame, sim::Rng& rng) const
    {
        return sim::fromMs(rng.withVariation(meanMs(frame.type, frame.rows), cv));
    }
};

} // namespace scalelab::blocks
