#pragma once
// GeoDNS in front of several regions (each link leads to one region's entry
// point; the region is that block's `region`). A request from a client in
// region R goes to the nearest healthy region (or, active-passive, to the
// first healthy one in link order) and pays the inter-region latency there
// and back. Regions are probed every interval; after `threshold` failed
// probes a region is down, but each client region keeps its cached answer
// for the DNS TTL before it moves: failover takes detection + TTL.
#include "sim/BlockRuntime.h"
#include "HealthProbe.h"
#include "model/RegionLatency.h"

#include <map>
#include <string>
#include <vector>

namespace scalelab::blocks {

class GeoDnsBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void start(sim::Kernel& kernel) override;
    void linksChanged(sim::Kernel& kernel) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    std::map<std::string, double> extraMetrics() const override;

private:
    struct Region {
        uint32_t target = 0; // the block's slot
        std::string name;
        HealthProbe health;
    };
    // What one client region's resolvers have cached.
    struct Answer {
        uint16_t link = 0;
        uint16_t next = 0;             // the answer it moves to when the TTL expires
        sim::SimTime switchAt = sim::kNever;
    };
    static constexpr uint32_t kProbe = UINT32_MAX;

    uint16_t bestFor(const std::string& clientRegion) const;
    // The cached answer of a client region (resolved on its first request).
    Answer& answerFor(const std::string& clientRegion);
    void checkHealth(sim::Kernel& kernel);
    double extraMs(const std::string& clientRegion, uint16_t link) const;
    const std::string& clientRegion(sim::Kernel& kernel, uint32_t frame) const;

    bool m_activePassive = false;
    sim::SimTime m_interval = 0, m_ttl = 0;
    int m_threshold = 3;
    model::RegionLatency m_matrix;
    double m_defaultMs = 100;
    std::vector<Region> m_regions; // by link
    std::map<std::string, Answer> m_answers;
    std::vector<std::string> m_answerOrder; // client regions, indexed by switch timer tags
    uint64_t m_crossRegion = 0, m_failovers = 0;
};

} // namespace scalelab::blocks
