#include "SagaBlock.h"

namespace scalelab::blocks {

SagaBlock::SagaBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void SagaBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_serviceMs = block.param("service_time_ms");
    m_cv = block.param("service_cv");
    // An autoscaler may have changed the instance count: only an edit of
    // the parameter itself overrides it.
    const int configured = static_cast<int>(block.param("instances"));
    const int instances = configured != m_configuredInstances ? configured : m_pool.active();
    m_configuredInstances = configured;
    m_pool.resize(kernel, instances, static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
}

bool SagaBlock::scaleTo(sim::Kernel& kernel, int instances)
{
    m_pool.resize(kernel, instances, m_pool.workers(), m_pool.queueCapacity());
    return true;
}

sim::SimTime SagaBlock::workTime(const sim::CallFrame&)
{
    return sim::fromMs(rng().withVariation(m_serviceMs, m_cv));
}

void SagaBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    if (m_pool.isDown(kernel.frames()[frame].instance)) {
        kernel.finish(frame, sim::Outcome::Failed);
        return;
    }
    ++m_sagas;
    if (linkCount() == 0) {
        end(kernel, frame, true);
        return;
    }
    kernel.frames()[frame].phase = Forward;
    kernel.call(frame, kernel.frames()[frame].nextLink++); // step 1
}

void SagaBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    sim::CallFrame& saga = kernel.frames()[frame];
    if (saga.phase == Compensating) {
        m_compensationFailures += outcome != sim::Outcome::Ok; // the undo failed too: an operator must fix it
        compensateNext(kernel, frame);
        return;
    }
    if (outcome == sim::Outcome::Ok) {
        if (saga.nextLink < linkCount())
            kernel.call(frame, saga.nextLink++); // the next step
        else
            end(kernel, frame, true);
        return;
    }
    // Step nextLink (1-based) failed; the ones before it committed.
    saga.nextLink = static_cast<uint16_t>(saga.nextLink - 1);
    saga.phase = Compensating;
    saga.type = sim::RequestType::Write; // an undo writes
    if (saga.nextLink > 0)
        ++m_compensated;
    compensateNext(kernel, frame);
}

void SagaBlock::compensateNext(sim::Kernel& kernel, uint32_t frame)
{
    sim::CallFrame& saga = kernel.frames()[frame];
    if (saga.nextLink == 0) {
        end(kernel, frame, false);
        return;
    }
    --saga.nextLink;
    ++m_compensations;
    kernel.call(frame, saga.nextLink);
}

void SagaBlock::end(sim::Kernel& kernel, uint32_t frame, bool ok)
{
    m_failed += !ok;
    kernel.finish(frame, ok ? sim::Outcome::Ok : sim::Outcome::Failed);
}

std::map<std::string, double> SagaBlock::extraMetrics() const
{
    const auto rate = [&](uint64_t count) { return m_sagas ? double(count) / double(m_sagas) : 0.0; };
    return {{"sagas", double(m_sagas)},
            {"saga_failures", double(m_failed)},
            {"saga_failure_rate", rate(m_failed)},
            {"sagas_compensated", double(m_compensated)},
            {"compensated_rate", rate(m_compensated)},
            {"compensations", double(m_compensations)},
            {"compensation_failures", double(m_compensationFailures)},
            {"steps", double(linkCount())}};
}

void SagaBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_sagas = m_failed = m_compensated = m_compensations = m_compensationFailures = 0;
}

} // namespace scalelab::blocks
