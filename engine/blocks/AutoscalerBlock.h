#pragma once
// An autoscaler: every evaluation period it reads a metric of each block it
// is linked to (control links, no calls), averaged over the period, and
// decides an instance count within [min, max]. Target tracking jumps to the
// count that brings the metric back to target (current x metric / target);
// the step policy adds or removes fixed steps. Scale-out waits for its own
// cooldown, scale-in for the longer one since any change (scale up fast,
// down slowly). Added instances serve only after the provisioning delay;
// once they serve, the reading starts again and the next decision waits a
// full evaluation period, so it judges the fleet as it now is. (Averaging
// in the minutes before they came would see the old, overloaded fleet and
// add again: the seeds' group goes 4 -> 6 on "CPU > 70% for 5 minutes",
// not 4 -> 6 -> 8.) Scale-in comes below its own threshold (the seeds'
// 30% CPU), by default 70% of the target.
// Predictive scaling (forecast = trend, LoadForecast.h) scales out for the
// load expected once new instances serve, not the load just measured.
// A schedule raises the minimum at given times (pre-warming before a known
// peak, as for Black Friday): the instances are launched at once.
#include "LoadForecast.h"
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "SlotTable.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace scalelab::blocks {

class AutoscalerBlock final : public sim::BlockRuntime {
public:
    using Metric = model::ScalingMetric;

    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void start(sim::Kernel& kernel) override;
    void linksChanged(sim::Kernel& kernel) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    double gauge() const override;
    std::map<std::string, double> extraMetrics() const override;

private:
    // What the autoscaler remembers about one target between evaluations.
    struct Target {
        double busyArea = 0, capacityArea = 0, queuedArea = 0;
        uint64_t arrivals = 0;
        int wanted = 0;       // instances decided, including those still provisioning
        int provisioning = 0; // decided but not yet serving
        // Long enough ago that no cooldown applies, yet safe to subtract from now.
        sim::SimTime lastScaleOut = INT64_MIN / 4, lastChange = INT64_MIN / 4;
        sim::SimTime measuredFrom = 0;                // the reading covers [measuredFrom, now]
        sim::SimTime decideAfter = INT64_MIN / 4;     // no decision before (new instances just came)
        double lastMetric = 0;
        LoadForecast rates; // arrival rate readings, for the trend forecast
        double lastRate = 0;   // requests per second over the last reading
    };
    struct Batch {
        uint32_t target = 0; // the scaled block's slot: link indices move with live edits
        int count = 0;
    };
    // Timer tags: evaluation ticks carry kEvaluate, schedule entries
    // kScheduled + their index, provisioning batches their index in m_batches.
    static constexpr uint32_t kEvaluate = UINT32_MAX;
    static constexpr uint32_t kScheduled = 0x80000000u;

    void evaluate(sim::Kernel& kernel);
    double readMetric(sim::Kernel& kernel, uint16_t link, Target& target, double periodS);
    // Starts the target's reading afresh from now (areas and arrivals as they stand).
    void restartReading(sim::Kernel& kernel, uint16_t link);
    int decide(const Target& target, int serving, double metric) const;
    // The metric scaled to the load forecast for when instances decided now
    // would serve; the metric itself without a forecast or when load falls.
    double forecastMetric(const Target& target, double metric, sim::SimTime now) const;
    int minimum() const { return std::max(m_min, m_scheduledMin); }
    // Launches `added` instances for link `l`; they serve after provisioning.
    void scaleOut(sim::Kernel& kernel, uint16_t l, int added, const std::string& why);
    void batchReady(sim::Kernel& kernel, uint32_t batch);
    void rememberTargets();

    Metric m_metric = Metric::Cpu;
    bool m_stepPolicy = false;
    bool m_trendForecast = false;
    double m_targetValue = 0.7, m_scaleInBelow = 0.49;
    int m_min = 1, m_max = 10, m_outStep = 1, m_inStep = 1;
    sim::SimTime m_period = 0, m_outCooldown = 0, m_inCooldown = 0, m_provisioning = 0;
    std::vector<Target> m_targets;    // by link
    std::vector<uint32_t> m_targetSlots; // the block each entry of m_targets scales
    SlotTable<Batch> m_batches;
    std::vector<std::pair<double, int>> m_schedule; // (at seconds, minimum)
    int m_scheduledMin = 0;
    uint64_t m_scaleOuts = 0, m_scaleIns = 0;
};

} // namespace scalelab::blocks
