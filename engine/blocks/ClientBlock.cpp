#include "ClientBlock.h"

namespace scalelab::blocks {

void ClientBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    const Model oldModel = m_model;
    const int oldUsers = m_virtualUsers;
    m_model = block.choice<Model>("arrival_model");
    m_profile.configure(block);
    m_readRatio = block.param("read_ratio");
    m_staticRatio = block.param("static_ratio");
    m_attack = block.param("attack") != 0;
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_retries = static_cast<int>(block.param("retries"));
    m_backoff = sim::fromMs(block.param("retry_backoff_ms"));
    m_jitter = block.choice<Jitter>("retry_jitter");
    m_keys.configure(static_cast<uint64_t>(block.param("key_space")), block.param("key_skew"));
    m_virtualUsers = static_cast<int>(block.param("virtual_users"));
    m_thinkSeconds = block.param("think_time_ms") / 1000.0;
    if (!m_started)
        return;
    if (m_model != oldModel || m_model == Model::Open) {
        // The open stream is memoryless: redrawing the next arrival under
        // the new profile is exact. A model switch starts afresh.
        restartArrivals(kernel);
    } else {
        // Closed loop, same generation: add users now; extra users retire
        // when their request completes.
        for (int user = oldUsers; user < m_virtualUsers && m_activeUsers < m_virtualUsers; ++user) {
            ++m_activeUsers;
            scheduleThink(kernel);
        }
    }
}

void ClientBlock::start(sim::Kernel& kernel)
{
    m_started = true;
    restartArrivals(kernel);
}

void ClientBlock::restartArrivals(sim::Kernel& kernel)
{
    ++m_arrivalGeneration;
    m_activeUsers = 0;
    if (m_model == Model::Open) {
        scheduleNextArrival(kernel);
        return;
    }
    // Users start after a think time each, so they do not arrive in one burst.
    for (m_activeUsers = 0; m_activeUsers < m_virtualUsers; ++m_activeUsers)
        scheduleThink(kernel);
}

void ClientBlock::scheduleNextArrival(sim::Kernel& kernel)
{
    const sim::SimTime at = m_profile.nextArrival(kernel.now(), rng());
    if (at != sim::kNever)
        kernel.schedule(at, sim::EventType::ClientArrival, index(), 0, m_arrivalGeneration);
}

void ClientBlock::scheduleThink(sim::Kernel& kernel)
{
    const sim::SimTime think = sim::fromSeconds(rng().exponential(m_thinkSeconds));
    kernel.schedule(kernel.now() + think, sim::EventType::ClientArrival, index(), 0, m_arrivalGeneration);
}

void ClientBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    // The registry forbids links into a client; refuse defensively.
    kernel.finish(frame, sim::Outcome::Rejected);
}

void ClientBlock::onArrivalEvent(sim::Kernel& kernel, uint32_t generation)
{
    if (generation != m_arrivalGeneration)
        return; // superseded by an edit
    // An open stream draws its next arrival first: it is the earliest event,
    // so it takes the slot this one leaves at the top of the event heap with
    // no sifting, and the later work this request schedules sinks no
    // further than a leaf.
    if (m_model == Model::Open)
        scheduleNextArrival(kernel);
    const uint32_t index = kernel.requests().acquire();
    sim::Request& request = kernel.requests()[index];
    request.firstSent = kernel.now();
    request.client = this->index();
    request.key = drawKey(kernel);
    request.type = !rng().bernoulli(m_readRatio)     ? sim::RequestType::Write
                   : rng().bernoulli(m_staticRatio) ? sim::RequestType::Static
                                                    : sim::RequestType::Read;
    request.attempts = 0;
    request.arrivalGeneration = m_arrivalGeneration;
    if (const sim::KeyWeights* weights = kernel.keyWeights()) [[unlikely]]
        metrics().arrived(weights->weight(request.key));
    else
        metrics().arrived();
    sendAttempt(kernel, index);
}

uint32_t ClientBlock::drawKey(sim::Kernel& kernel)
{
    const sim::KeyWeights* weights = kernel.keyWeights();
    if (!weights) [[likely]]
        return static_cast<uint32_t>(m_keys.sample(rng()));
    // A sampled run (run/ShardSampling.h): keys of shards that are not
    // simulated are never sent. Drawing again until a kept shard's key
    // comes is exact conditioning; the client's rate was cut to the kept
    // share, so each kept key arrives at its full rate (Poisson thinning).
    // The plan keeps the hottest shard, so a draw succeeds often enough;
    // the bound only guards a plan that kept nothing.
    uint32_t key = 0;
    for (int tries = 0; tries < 100'000; ++tries) {
        key = static_cast<uint32_t>(m_keys.sample(rng()));
        if (weights->weight(key) != 0)
            break;
    }
    return key;
}

void ClientBlock::sendAttempt(sim::Kernel& kernel, uint32_t request)
{
    ++kernel.requests()[request].attempts;
    ++m_attempts;
    const uint32_t frame = kernel.startAttempt(index(), request);
    if (m_timeout > 0)
        kernel.armDeadline(frame, kernel.now() + m_timeout);
    kernel.continueCalls(frame);
}

void ClientBlock::onAttemptDone(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome)
{
    const int attempts = kernel.requests()[request].attempts;
    if (outcome == sim::Outcome::Ok || attempts > m_retries) {
        complete(kernel, request, outcome);
        return;
    }
    const sim::SimTime wait = backoff(m_backoff, attempts, m_jitter, rng());
    kernel.schedule(kernel.now() + wait, sim::EventType::Retry, index(), request,
                    kernel.requests().generation(request));
}

void ClientBlock::onRetry(sim::Kernel& kernel, uint32_t request, uint32_t generation)
{
    if (!kernel.requests().isLive(request, generation))
        return;
    ++m_retriesSent;
    sendAttempt(kernel, request);
}

void ClientBlock::complete(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome)
{
    const sim::Request done = kernel.requests()[request];
    kernel.requests().release(request);
    if (const sim::KeyWeights* weights = kernel.keyWeights()) [[unlikely]]
        metrics().finished(kernel.now() - done.firstSent, outcome, weights->weight(done.key));
    else
        metrics().finished(kernel.now() - done.firstSent, outcome);
    if (m_model != Model::Closed || done.arrivalGeneration != m_arrivalGeneration)
        return;
    // The virtual user has its answer: it thinks, then asks again, unless
    // the user count was lowered meanwhile.
    if (m_activeUsers > m_virtualUsers)
        --m_activeUsers;
    else
        scheduleThink(kernel);
}

std::map<std::string, double> ClientBlock::extraMetrics() const
{
    std::map<std::string, double> extras{{"attempts", static_cast<double>(m_attempts)},
                                         {"retries", static_cast<double>(m_retriesSent)}};
    if (m_model == Model::Closed)
        extras["virtual_users"] = m_activeUsers;
    return extras;
}

void ClientBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_attempts = m_retriesSent = 0;
}

} // namespace scalelab::blocks
