#include "AutoscalerBlock.h"

#include "model/RampStages.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace scalelab::blocks {

namespace {

std::string formatMetric(AutoscalerBlock::Metric metric, double value)
{
    std::ostringstream out;
    out.precision(3);
    switch (metric) {
    case AutoscalerBlock::Metric::Cpu:
        out << "CPU " << std::lround(value * 100) << "%";
        break;
    case AutoscalerBlock::Metric::RequestsPerInstance:
        out << value << " rps per instance";
        break;
    case AutoscalerBlock::Metric::QueueDepth:
        out << value << " waiting per instance";
        break;
    case AutoscalerBlock::Metric::P95Latency:
        out << "p95 " << value << " ms";
        break;
    }
    return out.str();
}

} // namespace

void AutoscalerBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_metric = block.choice<Metric>("metric");
    m_stepPolicy = block.choice<model::ScalingPolicy>("policy") == model::ScalingPolicy::Step;
    // Load per instance and CPU grow with the arrival rate; a queue's depth and a p95 do not.
    m_trendForecast = block.choice<model::ScalingForecast>("forecast") == model::ScalingForecast::Trend &&
                      (m_metric == Metric::Cpu || m_metric == Metric::RequestsPerInstance);
    m_targetValue = block.param("target");
    // 0: the default band, scale in under 70% of the target (no flapping around it).
    m_scaleInBelow = block.param("scale_in_below") > 0 ? block.param("scale_in_below") : 0.7 * m_targetValue;
    m_min = static_cast<int>(block.param("min_instances"));
    m_max = std::max(m_min, static_cast<int>(block.param("max_instances")));
    m_outStep = static_cast<int>(block.param("scale_out_step"));
    m_inStep = static_cast<int>(block.param("scale_in_step"));
    m_period = sim::fromSeconds(block.param("evaluation_s"));
    m_outCooldown = sim::fromSeconds(block.param("scale_out_cooldown_s"));
    m_inCooldown = sim::fromSeconds(block.param("scale_in_cooldown_s"));
    m_provisioning = sim::fromSeconds(block.param("provisioning_s"));
    // The schedule has the ramp stages' TIME:NUMBER grammar; here the time
    // is when (from the start) the minimum becomes the number.
    std::string error;
    m_schedule.clear();
    for (const model::RampStage& entry : model::parseRampStages(block.text("schedule"), error))
        // Rounded, at least 1: a schedule divided among cells (sim/CellReduction.h) keeps its instances.
        m_schedule.emplace_back(entry.durationS,
                                entry.targetRps > 0 ? std::max(1, static_cast<int>(std::lround(entry.targetRps))) : 0);
}

void AutoscalerBlock::start(sim::Kernel& kernel)
{
    m_targets.assign(linkCount(), Target{});
    for (uint16_t l = 0; l < linkCount(); ++l) {
        m_targets[l].wanted = kernel.block(link(l).target).instanceCount();
        restartReading(kernel, l);
    }
    rememberTargets();
    kernel.schedule(kernel.now() + m_period, sim::EventType::BlockTimer, index(), kEvaluate);
    // Added to a running design, the stages already past apply at once.
    for (size_t i = 0; i < m_schedule.size(); ++i)
        kernel.schedule(std::max(kernel.now(), sim::fromSeconds(m_schedule[i].first)), sim::EventType::BlockTimer,
                        index(), kScheduled + static_cast<uint32_t>(i));
}

void AutoscalerBlock::linksChanged(sim::Kernel& kernel)
{
    // A target kept keeps its state; a new one starts from its current size.
    std::map<uint32_t, Target> kept;
    for (uint16_t l = 0; l < m_targets.size() && l < m_targetSlots.size(); ++l)
        kept[m_targetSlots[l]] = m_targets[l];
    m_targets.assign(linkCount(), Target{});
    for (uint16_t l = 0; l < linkCount(); ++l) {
        const uint32_t slot = link(l).target;
        if (auto it = kept.find(slot); it != kept.end()) {
            m_targets[l] = it->second;
        } else {
            m_targets[l].wanted = kernel.block(slot).instanceCount();
            restartReading(kernel, l);
        }
    }
    rememberTargets();
}

void AutoscalerBlock::rememberTargets()
{
    m_targetSlots.clear();
    for (uint16_t l = 0; l < linkCount(); ++l)
        m_targetSlots.push_back(link(l).target);
}

void AutoscalerBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    kernel.finish(frame, sim::Outcome::Rejected); // the registry forbids links into it
}

void AutoscalerBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    if (tag == kEvaluate) {
        evaluate(kernel);
        kernel.schedule(kernel.now() + m_period, sim::EventType::BlockTimer, index(), kEvaluate);
        return;
    }
    if (tag >= kScheduled) {
        if (tag - kScheduled >= m_schedule.size())
            return; // the schedule was edited since
        m_scheduledMin = m_schedule[tag - kScheduled].second;
        kernel.log(index(), id() + ": scheduled scaling, minimum now " + std::to_string(minimum()));
        for (uint16_t l = 0; l < m_targets.size(); ++l)
            if (m_targets[l].wanted < minimum())
                scaleOut(kernel, l, minimum() - m_targets[l].wanted, "scheduled minimum");
        return;
    }
    batchReady(kernel, tag);
}

void AutoscalerBlock::scaleOut(sim::Kernel& kernel, uint16_t l, int added, const std::string& why)
{
    Target& target = m_targets[l];
    const sim::BlockRuntime& block = kernel.block(link(l).target);
    const int serving = block.instanceCount();
    target.wanted += added;
    target.provisioning += added;
    target.lastScaleOut = target.lastChange = kernel.now();
    ++m_scaleOuts;
    kernel.log(index(), id() + ": " + why + ", adding " + std::to_string(added) + " to " + block.id() + " (" +
                            std::to_string(serving) + " -> " + std::to_string(target.wanted) + ")");
    const uint32_t batch = m_batches.add({link(l).target, added});
    if (m_provisioning > 0)
        kernel.schedule(kernel.now() + m_provisioning, sim::EventType::BlockTimer, index(), batch);
    else
        batchReady(kernel, batch);
}

void AutoscalerBlock::batchReady(sim::Kernel& kernel, uint32_t batchIndex)
{
    // New instances finished booting.
    const Batch batch = m_batches.take(batchIndex);
    uint16_t l = 0;
    while (l < linkCount() && link(l).target != batch.target)
        ++l;
    if (l == linkCount())
        return; // the link to the block was removed while its instances booted
    const int count = batch.count;
    Target& target = m_targets[l];
    sim::BlockRuntime& block = kernel.block(link(l).target);
    target.provisioning -= count;
    block.scaleTo(kernel, std::min(block.instanceCount() + count, target.wanted));
    kernel.log(block.index(), block.id() + ": " + std::to_string(count) +
                                  (count == 1 ? " new instance" : " new instances") + " in service (" +
                                  std::to_string(block.instanceCount()) + " now)");
    // Judge the fleet as it now is: a fresh reading, a full period long.
    restartReading(kernel, l);
    target.decideAfter = kernel.now() + m_period;
}

void AutoscalerBlock::restartReading(sim::Kernel& kernel, uint16_t l)
{
    Target& target = m_targets[l];
    stats::BlockMetrics& metrics = kernel.block(link(l).target).metrics();
    const sim::SimTime now = kernel.now();
    target.busyArea = metrics.busy().areaUntil(now);
    target.capacityArea = metrics.capacity().areaUntil(now);
    target.queuedArea = metrics.queued().areaUntil(now);
    target.arrivals = metrics.arrivals();
    target.measuredFrom = now;
}

double AutoscalerBlock::readMetric(sim::Kernel& kernel, uint16_t l, Target& target, double periodS)
{
    sim::BlockRuntime& block = kernel.block(link(l).target);
    stats::BlockMetrics& metrics = block.metrics();
    const sim::SimTime now = kernel.now();
    const double busy = metrics.busy().areaUntil(now), capacity = metrics.capacity().areaUntil(now);
    const double queued = metrics.queued().areaUntil(now);
    const uint64_t arrivals = metrics.arrivals();
    // Statistics reset at the end of warm-up: restart the differences.
    const bool reset = capacity < target.capacityArea || arrivals < target.arrivals;
    const double dBusy = reset ? busy : busy - target.busyArea;
    const double dCapacity = reset ? capacity : capacity - target.capacityArea;
    const double dQueued = reset ? queued : queued - target.queuedArea;
    const double dArrivals = static_cast<double>(reset ? arrivals : arrivals - target.arrivals);
    target.busyArea = busy;
    target.capacityArea = capacity;
    target.queuedArea = queued;
    target.arrivals = arrivals;
    target.lastRate = dArrivals / periodS;
    target.rates.add(sim::toSeconds(now) - periodS / 2, target.lastRate);
    const double instances = std::max(1, block.instanceCount());
    switch (m_metric) {
    case Metric::Cpu:
        return dCapacity > 0 ? dBusy / dCapacity : 0;
    case Metric::RequestsPerInstance:
        return dArrivals / periodS / instances;
    case Metric::QueueDepth:
        return dQueued / periodS / instances;
    case Metric::P95Latency: {
        // Mean of the closed windows' p95 within the period.
        double sum = 0;
        int windows = 0;
        const auto& series = metrics.series();
        for (size_t i = series.size(); i-- > 0 && series[i].endSeconds > sim::toSeconds(now) - periodS;) {
            sum += series[i].p95Ms;
            ++windows;
        }
        return windows ? sum / windows : 0;
    }
    }
    return 0;
}

int AutoscalerBlock::decide(const Target& target, int serving, double metric) const
{
    const int current = target.wanted;
    if (m_targetValue <= 0)
        return current;
    if (m_stepPolicy || m_metric == Metric::P95Latency) {
        // Latency does not scale in proportion to instances: step it.
        if (metric > m_targetValue)
            return current + m_outStep;
        if (metric < m_scaleInBelow)
            return current - m_inStep;
        return current;
    }
    // Target tracking: the load the serving instances carried, spread so
    // that each carries the target.
    const int needed = static_cast<int>(std::ceil(serving * metric / m_targetValue - 1e-9));
    if (needed > current)
        return needed;
    // Scale in only when clearly below target, to avoid flapping.
    if (metric < m_scaleInBelow)
        return std::max(needed, current - std::max(1, (current - needed)));
    return current;
}

double AutoscalerBlock::forecastMetric(const Target& target, double metric, sim::SimTime now) const
{
    if (!m_trendForecast || target.lastRate <= 0)
        return metric;
    // Instances decided now serve after the provisioning delay: that is the load to meet.
    const double expected = target.rates.rateAt(sim::toSeconds(now + m_provisioning));
    return metric * std::max(1.0, expected / target.lastRate);
}

void AutoscalerBlock::evaluate(sim::Kernel& kernel)
{
    const sim::SimTime now = kernel.now();
    for (uint16_t l = 0; l < linkCount(); ++l) {
        Target& target = m_targets[l];
        if (now < target.decideAfter || now <= target.measuredFrom)
            continue; // new instances came in: the reading runs on
        sim::BlockRuntime& block = kernel.block(link(l).target);
        const int serving = block.instanceCount();
        const double metric = readMetric(kernel, l, target, sim::toSeconds(now - target.measuredFrom));
        target.measuredFrom = now;
        target.lastMetric = metric;
        const double planned = forecastMetric(target, metric, now);
        const int desired = std::clamp(decide(target, serving, planned), minimum(), std::max(m_max, minimum()));
        if (desired > target.wanted && now - target.lastScaleOut >= m_outCooldown) {
            std::string why = formatMetric(m_metric, metric);
            if (planned > metric)
                why += ", forecast " + formatMetric(m_metric, planned) + " in " +
                       std::to_string(std::lround(sim::toSeconds(m_provisioning))) + " s";
            scaleOut(kernel, l, desired - target.wanted, why);
        } else if (desired < target.wanted && target.provisioning == 0 && now - target.lastChange >= m_inCooldown) {
            const int removed = target.wanted - desired;
            target.wanted = desired;
            target.lastChange = now;
            ++m_scaleIns;
            block.scaleTo(kernel, desired);
            kernel.log(index(), id() + ": " + formatMetric(m_metric, metric) + ", removing " +
                                    std::to_string(removed) + " from " + block.id() + " (" + std::to_string(serving) +
                                    " -> " + std::to_string(desired) + ")");
        }
    }
}

double AutoscalerBlock::gauge() const
{
    return m_targets.empty() ? 0 : m_targets.front().wanted;
}

std::map<std::string, double> AutoscalerBlock::extraMetrics() const
{
    std::map<std::string, double> extras{{"scale_outs", double(m_scaleOuts)}, {"scale_ins", double(m_scaleIns)}};
    if (!m_targets.empty()) {
        extras["wanted_instances"] = m_targets.front().wanted;
        extras["provisioning"] = m_targets.front().provisioning;
        extras["last_metric"] = m_targets.front().lastMetric;
    }
    return extras;
}

} // namespace scalelab::blocks
