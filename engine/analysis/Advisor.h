#pragma once
// The bottleneck advisor: reads a run (its snapshot) and the design, names
// the block that limits the design and why (utilisation, queue growth,
// refusals, replica lag, a hot shard, a retry storm, a cascade, a cache
// stampede), suggests the pattern that fixes it from the seeds' decision
// table in the design's own terms (the pool behind an existing balancer,
// the cache's stampede protection), and flags the seeds' anti-patterns the
// design shows (a tier scaled for the time it waits on a saturated
// database, sharding while one primary would take every write, a
// read-heavy database with no cache in front). A challenge's design is
// judged at the traffic it is graded at.
#include "model/Architecture.h"
#include "stats/Snapshot.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

struct Finding {
    enum class Kind { Bottleneck, Symptom, AntiPattern };

    Kind kind = Kind::Symptom;
    std::string code;       // stable key: bottleneck, replica_lag, hot_shard, retry_storm, cascade,
                            // stampede, wrong_tier, premature_sharding, no_cache
    std::string blockId;
    std::string problem;    // what the run shows, with its figures
    std::string pattern;    // the seeds' remedy ("Caching", "Sharding"...)
    std::string suggestion; // what to do, in the design's terms
};

// Findings, the bottleneck first; empty when nothing stands out.
std::vector<Finding> advise(const model::Architecture& design, const stats::Snapshot& run);

const char* findingKindName(Finding::Kind kind);

} // namespace scalelab::analysis
