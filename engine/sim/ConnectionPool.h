#pragma once
// The connections one caller instance keeps to one link's target (a
// database connection pool, SQLAlchemy's QueuePool, HikariCP): at most the
// link's pool_size calls in flight; the others wait in FIFO order, the
// caller's worker held meanwhile, and give up with Outcome::PoolTimeout when
// the link's acquire timeout passes first.
//
// One pool per instance of the caller (a service of 4 instances with a pool
// of 20 opens up to 80 connections, as 4 processes would), so the cell
// reduction divides pools with the instances and stays exact.
//
// Cost: nothing on links without a pool. On a pooled link an acquisition is
// O(1); a wait is a deque push and pop, and a timeout costs one event per
// waiter that times out (one pending check per pool, at its oldest waiter's
// deadline: waiters of one pool share one timeout, so they expire in order).
#include "core/SimTime.h"

#include <cstdint>
#include <deque>

namespace scalelab::sim {

struct ConnectionPool {
    struct Waiting {
        uint32_t frame, generation; // the caller's frame waiting for a connection
        int instance;               // the callee instance it asked for (load balancers)
        SimTime since;              // when it started to wait
    };
    int inUse = 0;
    std::deque<Waiting> waiting;
    SimTime checkAt = kNever; // the pending timeout check, if any
};

} // namespace scalelab::sim
