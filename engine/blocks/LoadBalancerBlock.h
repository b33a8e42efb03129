#pragma once
// Sends each request to exactly one backend instance among all instances of
// the blocks it links to. Costs per pick: round robin, random, ip hash and
// power of two are O(1); least connections and weighted round robin scan
// the backends, O(instances).
//
// Health checks, as nginx or an ELB target group does them: every interval
// the balancer probes each backend instance; after `unhealthy_threshold`
// failed probes in a row it stops sending there, and one good probe brings
// it back. Until then a crashed instance keeps getting its share, and those
// calls fail (or go to the next upstream when that retry is on). Backends
// on links marked backup only get traffic when no primary one is healthy.
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "HealthProbe.h"

namespace scalelab::blocks {

class LoadBalancerBlock final : public sim::BlockRuntime {
public:
    using Algorithm = model::BalancerAlgorithm;

    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { forward(kernel, frame); }
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void start(sim::Kernel& kernel) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    std::map<std::string, double> extraMetrics() const override;

private:
    struct Backend {
        uint16_t link;
        int instance;
        double weight;
        double current = 0; // smooth weighted round robin state
        bool backup = false;
        HealthProbe health;
    };

    // Sends the call to the next backend, never to `exclude` (-1: any).
    void forward(sim::Kernel& kernel, uint32_t frame, int exclude = -1);
    // Out of line: it runs once per change of instances, forward() on every request.
    [[gnu::noinline]] void rebuildBackends(sim::Kernel& kernel);
    size_t pick(sim::Kernel& kernel, uint32_t key);
    // The picked backend, or the next one that may take traffic now;
    // m_backends.size() if none may.
    size_t eligibleFrom(size_t picked) const;
    void checkHealth(sim::Kernel& kernel);
    std::string backendName(sim::Kernel& kernel, const Backend& backend) const;
    int backendLoad(sim::Kernel& kernel, const Backend& backend) const;
    // A backend's load for the load-aware algorithms; INT_MAX when it is out
    // of rotation (unhealthy, or a backup), so it never wins.
    int rotationLoad(sim::Kernel& kernel, const Backend& backend) const;

    Algorithm m_algorithm = Algorithm::RoundRobin;
    sim::SimTime m_overhead = 0;
    std::vector<Backend> m_backends;
    uint64_t m_builtForVersion = UINT64_MAX;
    size_t m_next = 0;
    sim::SimTime m_checkInterval = 0;
    int m_unhealthyThreshold = 3;
    bool m_retryNextUpstream = true;
    uint64_t m_checkGeneration = 0; // a changed interval restarts the probe timer
    uint64_t m_retriedUpstream = 0;
};

} // namespace scalelab::blocks
