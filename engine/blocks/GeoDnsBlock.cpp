#include "GeoDnsBlock.h"

#include "model/Choices.h"

#include <algorithm>

namespace scalelab::blocks {

namespace {
// Frame phases: travelling out to the region, or back with the outcome
// added to Returning.
enum Phase : uint8_t { Outbound = 0, Returning = 1 };
}

void GeoDnsBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_activePassive = block.choice<model::RegionPolicy>("policy") == model::RegionPolicy::ActivePassive;
    m_interval = sim::fromSeconds(block.param("health_check_interval_s"));
    m_threshold = static_cast<int>(block.param("unhealthy_threshold"));
    m_ttl = sim::fromSeconds(block.param("dns_ttl_s"));
    std::string error;
    m_matrix = model::parseRegionLatency(block.text("inter_region_ms"), error);
    m_defaultMs = block.param("default_inter_region_ms");
}

void GeoDnsBlock::start(sim::Kernel& kernel)
{
    m_regions.clear();
    for (uint16_t l = 0; l < linkCount(); ++l)
        m_regions.push_back({link(l).target, kernel.block(link(l).target).region(), {}});
    kernel.schedule(kernel.now() + m_interval, sim::EventType::BlockTimer, index(), kProbe);
}

void GeoDnsBlock::linksChanged(sim::Kernel& kernel)
{
    // Health is kept per target; cached answers (link indices) are resolved afresh.
    std::vector<Region> old = std::move(m_regions);
    m_regions.clear();
    for (uint16_t l = 0; l < linkCount(); ++l) {
        Region region{link(l).target, kernel.block(link(l).target).region(), {}};
        for (const Region& before : old)
            if (before.target == region.target)
                region.health = before.health;
        m_regions.push_back(std::move(region));
    }
    for (auto& [clientRegion, answer] : m_answers) {
        answer.link = answer.next = m_regions.empty() ? 0 : bestFor(clientRegion);
        answer.switchAt = sim::kNever;
    }
}

double GeoDnsBlock::extraMs(const std::string& clientRegion, uint16_t l) const
{
    return model::regionLatencyMs(m_matrix, clientRegion, m_regions[l].name, m_defaultMs);
}

uint16_t GeoDnsBlock::bestFor(const std::string& clientRegion) const
{
    uint16_t best = 0;
    bool found = false;
    for (uint16_t l = 0; l < m_regions.size(); ++l) {
        if (!m_regions[l].health.healthy)
            continue;
        if (m_activePassive)
            return l;
        if (!found || extraMs(clientRegion, l) < extraMs(clientRegion, best))
            best = l;
        found = true;
    }
    return found ? best : 0; // nothing healthy: the answer stays where it was meant to be
}

GeoDnsBlock::Answer& GeoDnsBlock::answerFor(const std::string& clientRegion)
{
    auto [it, fresh] = m_answers.try_emplace(clientRegion);
    Answer& answer = it->second;
    if (fresh) {
        answer.link = answer.next = bestFor(clientRegion);
        m_answerOrder.push_back(clientRegion);
    }
    return answer;
}

const std::string& GeoDnsBlock::clientRegion(sim::Kernel& kernel, uint32_t frame) const
{
    return kernel.block(kernel.frames()[frame].origin).region();
}

void GeoDnsBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (m_regions.empty()) {
        kernel.finish(frame, sim::Outcome::Rejected);
        return;
    }
    const std::string& from = clientRegion(kernel, frame);
    const uint16_t chosen = answerFor(from).link;
    sim::CallFrame& call = kernel.frames()[frame];
    call.nextLink = chosen; // remembered for the way back
    call.phase = Outbound;
    const double ms = extraMs(from, chosen);
    if (ms <= 0) {
        kernel.call(frame, chosen);
        return;
    }
    ++m_crossRegion;
    call.state = sim::FrameState::Working;
    kernel.schedule(kernel.now() + sim::fromMs(ms), sim::EventType::WorkDone, index(), frame,
                    kernel.frames().generation(frame));
}

void GeoDnsBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    const sim::CallFrame& call = kernel.frames()[frame];
    if (call.phase == Outbound)
        kernel.call(frame, call.nextLink); // arrived in the far region
    else
        kernel.finish(frame, static_cast<sim::Outcome>(call.phase - Returning)); // back home
}

void GeoDnsBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    sim::CallFrame& call = kernel.frames()[frame];
    const double ms = extraMs(clientRegion(kernel, frame), call.nextLink);
    if (ms <= 0) {
        kernel.finish(frame, outcome);
        return;
    }
    call.phase = static_cast<uint8_t>(Returning + static_cast<uint8_t>(outcome));
    call.state = sim::FrameState::Working;
    kernel.schedule(kernel.now() + sim::fromMs(ms), sim::EventType::WorkDone, index(), frame,
                    kernel.frames().generation(frame));
}

void GeoDnsBlock::checkHealth(sim::Kernel& kernel)
{
    bool changed = false;
    for (uint16_t l = 0; l < m_regions.size(); ++l) {
        Region& region = m_regions[l];
        const sim::BlockRuntime& entry = kernel.block(link(l).target);
        switch (region.health.record(HealthProbe::answers(entry, -1), m_threshold)) {
        case HealthProbe::Change::CameBack:
            changed = true;
            kernel.log(index(), id() + ": region " + region.name + " (" + entry.id() + ") is healthy again");
            break;
        case HealthProbe::Change::WentDown:
            changed = true;
            kernel.log(index(), id() + ": region " + region.name + " (" + entry.id() + ") declared down after " +
                                    std::to_string(region.health.failedChecks) + " failed health checks");
            break;
        case HealthProbe::Change::None:
            break;
        }
    }
    if (!changed)
        return;
    // Resolvers learn the new answer only when their cached one expires.
    for (size_t i = 0; i < m_answerOrder.size(); ++i) {
        Answer& answer = m_answers[m_answerOrder[i]];
        const uint16_t best = bestFor(m_answerOrder[i]);
        if (best == answer.link && answer.switchAt == sim::kNever)
            continue;
        answer.next = best;
        answer.switchAt = kernel.now() + m_ttl;
        kernel.schedule(answer.switchAt, sim::EventType::BlockTimer, index(), static_cast<uint32_t>(i));
    }
}

void GeoDnsBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    if (tag == kProbe) {
        checkHealth(kernel);
        kernel.schedule(kernel.now() + m_interval, sim::EventType::BlockTimer, index(), kProbe);
        return;
    }
    const std::string& from = m_answerOrder[tag];
    Answer& answer = m_answers[from];
    if (answer.switchAt != kernel.now())
        return; // superseded by a later change
    answer.switchAt = sim::kNever;
    if (answer.link == answer.next)
        return;
    answer.link = answer.next;
    ++m_failovers;
    kernel.log(index(), id() + ": DNS caches expired, clients in " + (from.empty() ? "no region" : from) +
                            " now go to " + (m_regions[answer.link].name.empty() ? "its region" : m_regions[answer.link].name) +
                            " (" + kernel.block(link(answer.link).target).id() + ")");
}

std::map<std::string, double> GeoDnsBlock::extraMetrics() const
{
    int down = 0;
    for (const Region& region : m_regions)
        down += !region.health.healthy;
    return {{"regions_down", double(down)},
            {"cross_region_requests", double(m_crossRegion)},
            {"failovers", double(m_failovers)}};
}

} // namespace scalelab::blocks
