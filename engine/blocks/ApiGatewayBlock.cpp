#include "ApiGatewayBlock.h"

namespace scalelab::blocks {

ApiGatewayBlock::ApiGatewayBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void ApiGatewayBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    std::string error;
    m_declared = model::parseGatewayRoutes(block.text("routes"), error); // the validator refused bad text
    m_overheadMs = block.param("tls_ms") + block.param("auth_ms");
    m_cv = block.param("service_cv");
    m_pool.resize(kernel, static_cast<int>(block.param("instances")), static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
    resolveRoutes(kernel);
}

void ApiGatewayBlock::resolveRoutes(sim::Kernel& kernel)
{
    m_routes.clear();
    double total = 0;
    if (m_declared.empty()) {
        for (uint16_t l = 0; l < linkCount(); ++l) {
            total += link(l).weight;
            m_routes.push_back({l, total});
        }
    } else {
        for (const model::GatewayRoute& declared : m_declared) {
            Route route;
            for (uint16_t l = 0; l < linkCount() && route.link < 0; ++l)
                if (kernel.block(link(l).target).id() == declared.target)
                    route.link = l;
            total += declared.share;
            route.cumulative = total;
            m_routes.push_back(route);
        }
    }
    for (Route& route : m_routes)
        route.cumulative = total > 0 ? route.cumulative / total : 1;
}

sim::SimTime ApiGatewayBlock::workTime(const sim::CallFrame&)
{
    return sim::fromMs(rng().withVariation(m_overheadMs, m_cv));
}

void ApiGatewayBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    if (m_pool.isDown(kernel.frames()[frame].instance)) {
        kernel.finish(frame, sim::Outcome::Failed); // the instance died under it
        return;
    }
    m_pool.release(kernel, frame); // the core is free while the service answers
    const double draw = rng().uniform();
    const Route* chosen = nullptr;
    for (const Route& route : m_routes)
        if (draw < route.cumulative) {
            chosen = &route;
            break;
        }
    if (!chosen && !m_routes.empty())
        chosen = &m_routes.back();
    if (!chosen || chosen->link < 0) {
        ++m_unrouted; // no block serves the route
        kernel.finish(frame, sim::Outcome::Failed);
        return;
    }
    ++m_routed;
    kernel.call(frame, static_cast<uint16_t>(chosen->link));
}

void ApiGatewayBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    kernel.finish(frame, outcome);
}

std::map<std::string, double> ApiGatewayBlock::extraMetrics() const
{
    return {{"routes", double(m_routes.size())},
            {"routed", double(m_routed)},
            {"unrouted", double(m_unrouted)},
            {"gateway_overhead_ms", m_overheadMs}};
}

void ApiGatewayBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_routed = m_unrouted = 0;
}

} // namespace scalelab::blocks
