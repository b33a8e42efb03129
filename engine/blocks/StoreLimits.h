#pragma once
// What a partitioned store's parameters mean for one partition and one
// request, read in one place for the simulator (PartitionedStoreBlock) and
// the planner (analysis/DataStorePlanning).
#include "model/Architecture.h"
#include "model/Choices.h"

#include <algorithm>

namespace scalelab::blocks {

struct StoreLimits {
    int partitions = 1;
    double readsPerPartition = 1, writesPerPartition = 1; // per second
    double transferMs = 0;                                 // an object's bytes after its first byte
    bool provisioned = false;

    static StoreLimits of(const model::Block& block)
    {
        StoreLimits limits;
        limits.partitions = static_cast<int>(block.param("partitions"));
        limits.readsPerPartition = block.param("partition_read_rps");
        limits.writesPerPartition = block.param("partition_write_rps");
        // Object storage: size / throughput.
        if (block.params.count("object_size_mb"))
            limits.transferMs = 1000 * block.param("object_size_mb") / block.param("transfer_rate");
        // Provisioned capacity is the table's, spread evenly; a partition never exceeds its hard limit.
        limits.provisioned = block.params.count("capacity_mode") &&
                             block.choice<model::CapacityMode>("capacity_mode") == model::CapacityMode::Provisioned;
        if (limits.provisioned) {
            limits.readsPerPartition =
                std::min(limits.readsPerPartition, block.param("read_capacity_rps") / limits.partitions);
            limits.writesPerPartition =
                std::min(limits.writesPerPartition, block.param("write_capacity_rps") / limits.partitions);
        }
        return limits;
    }
};

} // namespace scalelab::blocks
