#include "LoadBalancerBlock.h"

#include <climits>

namespace scalelab::blocks {

namespace {
enum Phase : uint8_t { FirstTry, RetriedUpstream };
}

void LoadBalancerBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_algorithm = block.choice<Algorithm>("algorithm");
    m_overhead = sim::fromMs(block.param("overhead_ms"));
    m_builtForVersion = UINT64_MAX; // link weights may have changed too
    m_unhealthyThreshold = static_cast<int>(block.param("unhealthy_threshold"));
    m_retryNextUpstream = block.param("retry_next_upstream") != 0;
    const sim::SimTime interval = sim::fromSeconds(block.param("health_check_interval_s"));
    if (interval != m_checkInterval) {
        m_checkInterval = interval;
        ++m_checkGeneration;
        if (kernel.now() > 0 && interval > 0) // running: restart the probes at the new pace
            kernel.schedule(kernel.now() + interval, sim::EventType::BlockTimer, index(),
                            static_cast<uint32_t>(m_checkGeneration));
    }
}

void LoadBalancerBlock::start(sim::Kernel& kernel)
{
    if (m_checkInterval > 0)
        kernel.schedule(kernel.now() + m_checkInterval, sim::EventType::BlockTimer, index(),
                        static_cast<uint32_t>(m_checkGeneration));
}

void LoadBalancerBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    if (tag != static_cast<uint32_t>(m_checkGeneration) || m_checkInterval <= 0)
        return; // superseded by an edit of the interval
    checkHealth(kernel);
    kernel.schedule(kernel.now() + m_checkInterval, sim::EventType::BlockTimer, index(), tag);
}

std::string LoadBalancerBlock::backendName(sim::Kernel& kernel, const Backend& backend) const
{
    const std::string& id = kernel.block(link(backend.link).target).id();
    return backend.instance < 0 ? id : id + " #" + std::to_string(backend.instance + 1);
}

void LoadBalancerBlock::checkHealth(sim::Kernel& kernel)
{
    if (m_builtForVersion != kernel.instancesVersion())
        rebuildBackends(kernel);
    for (Backend& backend : m_backends) {
        const bool up = HealthProbe::answers(kernel.block(link(backend.link).target), backend.instance);
        switch (backend.health.record(up, m_unhealthyThreshold)) {
        case HealthProbe::Change::CameBack:
            kernel.log(index(), id() + ": " + backendName(kernel, backend) + " passes its health check again");
            break;
        case HealthProbe::Change::WentDown:
            kernel.log(index(), id() + ": marked " + backendName(kernel, backend) + " unhealthy after " +
                                    std::to_string(backend.health.failedChecks) + " failed health checks");
            break;
        case HealthProbe::Change::None:
            break;
        }
    }
}

void LoadBalancerBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (m_overhead > 0) {
        kernel.frames()[frame].state = sim::FrameState::Working;
        kernel.schedule(kernel.now() + m_overhead, sim::EventType::WorkDone, index(), frame,
                        kernel.frames().generation(frame));
    } else {
        forward(kernel, frame);
    }
}

void LoadBalancerBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    // proxy_next_upstream: a refused connection is tried once more elsewhere.
    sim::CallFrame& call = kernel.frames()[frame];
    if (outcome == sim::Outcome::Failed && m_retryNextUpstream && call.phase == FirstTry && m_backends.size() > 1) {
        call.phase = RetriedUpstream;
        ++m_retriedUpstream;
        forward(kernel, frame, call.instance); // anywhere but the backend that refused
        return;
    }
    kernel.finish(frame, outcome);
}

std::map<std::string, double> LoadBalancerBlock::extraMetrics() const
{
    int unhealthy = 0;
    for (const Backend& backend : m_backends)
        unhealthy += !backend.health.healthy;
    return {{"unhealthy_backends", double(unhealthy)}, {"retried_next_upstream", double(m_retriedUpstream)}};
}

void LoadBalancerBlock::rebuildBackends(sim::Kernel& kernel)
{
    // Health is kept per (link, instance) across rebuilds (autoscaling).
    std::vector<Backend> old = std::move(m_backends);
    m_backends.clear();
    for (uint16_t l = 0; l < linkCount(); ++l) {
        const sim::RuntimeLink& target = link(l);
        const int instances = kernel.block(target.target).instanceCount();
        for (int i = 0; i < instances; ++i) {
            Backend backend{l, instances > 1 ? i : -1, target.weight, 0, target.backup, {}};
            for (const Backend& before : old)
                if (before.link == l && before.instance == backend.instance) {
                    backend.health = before.health;
                }
            m_backends.push_back(backend);
        }
    }
    m_next = 0;
    m_builtForVersion = kernel.instancesVersion();
}

int LoadBalancerBlock::backendLoad(sim::Kernel& kernel, const Backend& backend) const
{
    return kernel.block(link(backend.link).target).load(backend.instance);
}

int LoadBalancerBlock::rotationLoad(sim::Kernel& kernel, const Backend& backend) const
{
    return backend.health.healthy && !backend.backup ? backendLoad(kernel, backend) : INT_MAX;
}

size_t LoadBalancerBlock::pick(sim::Kernel& kernel, uint32_t key)
{
    const size_t count = m_backends.size();
    switch (m_algorithm) {
    case Algorithm::RoundRobin: {
        // A compare instead of a modulo: an integer division per request
        // shows in the engine benchmark. m_next may exceed a shrunk pool.
        const size_t chosen = m_next < count ? m_next : 0;
        m_next = chosen + 1;
        return chosen;
    }
    case Algorithm::WeightedRoundRobin: {
        // nginx's smooth weighted round robin: even spacing, exact shares.
        double total = 0;
        size_t best = 0;
        for (size_t i = 0; i < count; ++i) {
            m_backends[i].current += m_backends[i].weight;
            total += m_backends[i].weight;
            if (m_backends[i].current > m_backends[best].current)
                best = i;
        }
        m_backends[best].current -= total;
        return best;
    }
    case Algorithm::LeastConnections: {
        // Ties go round robin so that an idle pool is still spread evenly.
        // Only backends in rotation compete: one taken out holds no
        // connections, and choosing it would hand its turn to its neighbour.
        size_t best = count;
        int bestLoad = INT_MAX;
        for (size_t step = 0; step < count && bestLoad > 0; ++step) {
            const size_t i = (m_next + step) % count;
            const int load = rotationLoad(kernel, m_backends[i]);
            if (load < bestLoad) {
                best = i;
                bestLoad = load;
            }
        }
        if (best == count)
            return m_next % count; // none in rotation: eligibleFrom finds a backup or none
        m_next = best + 1;
        return best;
    }
    case Algorithm::Random:
        return rng().below(count);
    case Algorithm::IpHash: {
        uint64_t hash = key * 0x9e3779b97f4a7c15ULL;
        hash ^= hash >> 29;
        return hash % count;
    }
    case Algorithm::PowerOfTwo: {
        const size_t a = rng().below(count);
        const size_t b = rng().below(count);
        return rotationLoad(kernel, m_backends[b]) < rotationLoad(kernel, m_backends[a]) ? b : a;
    }
    }
    return 0;
}

size_t LoadBalancerBlock::eligibleFrom(size_t picked) const
{
    const size_t count = m_backends.size();
    if (picked < count && m_backends[picked].health.healthy && !m_backends[picked].backup)
        return picked; // the usual case, without the modulo of the search below
    // Primaries first; the backups only when no primary is healthy.
    for (const bool backups : {false, true})
        for (size_t step = 0; step < count; ++step) {
            const Backend& backend = m_backends[(picked + step) % count];
            if (backend.health.healthy && backend.backup == backups)
                return (picked + step) % count;
        }
    return count;
}

void LoadBalancerBlock::forward(sim::Kernel& kernel, uint32_t frame, int exclude)
{
    if (m_builtForVersion != kernel.instancesVersion())
        rebuildBackends(kernel);
    size_t chosen = m_backends.empty() ? 0 : eligibleFrom(pick(kernel, kernel.frames()[frame].key));
    if (exclude >= 0 && chosen == static_cast<size_t>(exclude))
        chosen = eligibleFrom(chosen + 1);
    if (chosen == static_cast<size_t>(exclude))
        chosen = m_backends.size(); // the only eligible backend is the one that refused
    if (chosen >= m_backends.size()) {
        kernel.finish(frame, sim::Outcome::Rejected); // no healthy upstream: 503
        return;
    }
    const Backend& backend = m_backends[chosen];
    kernel.frames()[frame].instance = static_cast<int32_t>(chosen); // the balancer's own frame: which backend
    kernel.call(frame, backend.link, backend.instance);
}

} // namespace scalelab::blocks
