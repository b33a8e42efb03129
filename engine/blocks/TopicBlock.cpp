#include "TopicBlock.h"

namespace scalelab::blocks {

void TopicBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_publishTime = sim::fromMs(block.param("publish_ms"));
}

void TopicBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    kernel.frames()[frame].state = sim::FrameState::Working;
    kernel.schedule(kernel.now() + m_publishTime, sim::EventType::WorkDone, index(), frame,
                    kernel.frames().generation(frame));
}

void TopicBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    const sim::CallFrame call = kernel.frames()[frame];
    ++m_published;
    for (uint16_t link = 0; link < linkCount(); ++link) {
        ++m_deliveries;
        kernel.callDetached(index(), link, call.key, call.type, call.rows);
    }
    kernel.finish(frame, sim::Outcome::Ok);
}

void TopicBlock::onDetachedReply(sim::Kernel&, uint32_t, sim::RequestType, uint16_t, sim::Outcome outcome)
{
    m_failedDeliveries += outcome != sim::Outcome::Ok;
}

std::map<std::string, double> TopicBlock::extraMetrics() const
{
    return {{"published", double(m_published)},
            {"deliveries", double(m_deliveries)},
            {"failed_deliveries", double(m_failedDeliveries)},
            {"subscribers", double(linkCount())}};
}

void TopicBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_published = m_deliveries = m_failedDeliveries = 0;
}

} // namespace scalelab::blocks
