#pragma once
// An API gateway: Layer 7 routing. Each request takes a route by the
// routes' shares (model/GatewayRoutes.h) and goes to the block that serves
// the route, after the gateway's own work: TLS termination and the auth
// check, on a pool of CPU cores (InstancePool, instances taken in turn).
// A core is held for that work only; while the service answers, the
// request waits without one, as an event-loop proxy (nginx, Envoy) does.
// A Layer 4 load balancer, by contrast, picks an instance of its targets
// without reading the request and costs next to nothing.
//
// Without routes, the links share the requests by their weight. A route
// whose block is not linked (a live edit) fails its requests.
#include "model/GatewayRoutes.h"
#include "sim/BlockRuntime.h"
#include "InstancePool.h"

#include <vector>

namespace scalelab::blocks {

class ApiGatewayBlock final : public sim::BlockRuntime {
public:
    ApiGatewayBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void linksChanged(sim::Kernel& kernel) override { resolveRoutes(kernel); }
    void onArrive(sim::Kernel& kernel, uint32_t frame) override { m_pool.receive(kernel, frame, m_next); }
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void release(sim::Kernel& kernel, uint32_t frame) override { m_pool.release(kernel, frame); }
    sim::SimTime workTime(const sim::CallFrame& frame) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    int crash(sim::Kernel& kernel, int count) override { return m_pool.crash(kernel, count); }
    void restore(sim::Kernel&) override { m_pool.restore(); }
    bool instanceUp(int instance) const override { return !m_pool.isDown(instance); }
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;

private:
    struct Route {
        int link = -1;         // -1: its block is not linked
        double cumulative = 0; // share of this route and those before it, out of 1
    };
    void resolveRoutes(sim::Kernel& kernel);

    InstancePool m_pool;
    std::vector<model::GatewayRoute> m_declared;
    std::vector<Route> m_routes;
    double m_overheadMs = 0, m_cv = 0;
    int m_next = 0;
    uint64_t m_routed = 0, m_unrouted = 0;
};

} // namespace scalelab::blocks
