#pragma once
// A pub/sub topic: a published message is acknowledged after the publish
// time and delivered, in the background, to every subscriber group (each
// linked block gets its own copy: a queue per group, as SNS to SQS).
#include "sim/BlockRuntime.h"

namespace scalelab::blocks {

class TopicBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onDetachedReply(sim::Kernel& kernel, uint32_t key, sim::RequestType type, uint16_t rows,
                         sim::Outcome outcome) override;
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;

private:
    sim::SimTime m_publishTime = 0;
    uint64_t m_published = 0, m_deliveries = 0, m_failedDeliveries = 0;
};

} // namespace scalelab::blocks
