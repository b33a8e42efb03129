#pragma once
// Why a run was ended by the engine itself: its state outgrew the memory
// budget (MemoryBudget.h) or it was asked to run past the horizon
// (core/SimTime.h). what() is one line a user can act on. A Simulator that
// threw it keeps the state it had; running it further throws again.
#include <stdexcept>

namespace scalelab::sim {

class RunLimitExceeded : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace scalelab::sim
