#pragma once
// Names of block figures (BlockSnapshot::extras) that code outside the block
// that makes them reads: the CLI's summary, the canvas badges, the block
// dock. One spelling, here, for the JSON key, the goal name and the reader.

namespace scalelab::figures {

// Connection pools (sim/ConnectionPool.h), summed over a block's pooled links.
inline constexpr const char* kPoolCalls = "pool_calls";             // connections taken
inline constexpr const char* kPoolWaited = "pool_waited";           // calls that found none free and queued
inline constexpr const char* kPoolTimeouts = "pool_timeouts";       // calls that gave up waiting (pool_timeout)
inline constexpr const char* kPoolWaitMeanMs = "pool_wait_mean_ms"; // over the calls that got one, 0 included
inline constexpr const char* kPoolWaitP95Ms = "pool_wait_p95_ms";
inline constexpr const char* kPoolWaitMaxMs = "pool_wait_max_ms";

// Writes a block acknowledged and then lost (a write-behind cache's
// unflushed writes when it crashed).
inline constexpr const char* kLostWrites = "lost_writes";

// Login sessions of a service (sessions = in_instance or shared_store).
inline constexpr const char* kSessions = "sessions";           // held in instance memory now
inline constexpr const char* kSessionsLost = "sessions_lost";  // dropped by crashed instances: users logged out
inline constexpr const char* kLoggedOut = "logged_out";        // requests failed on an instance without the user's session

// Partitioned stores (object storage, key-value store) and search indexes.
inline constexpr const char* kThrottled = "throttled";                    // requests over a partition's limit
inline constexpr const char* kThrottledRatio = "throttled_ratio";         // of the requests that arrived
inline constexpr const char* kHottestPartitionShare = "hottest_partition_share"; // 1/N when keys spread evenly
inline constexpr const char* kStaleSearchRatio = "stale_search_ratio";    // searches that missed an unrefreshed write

} // namespace scalelab::figures
