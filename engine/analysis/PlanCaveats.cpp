#include "PlanCaveats.h"

#include "StreamingModel.h"
#include "model/Choices.h"
#include "model/NumberText.h"
#include "model/Registry.h"

#include <cmath>

namespace scalelab::analysis {

namespace {

std::string percent(double ratio)
{
    return std::to_string(std::lround(ratio * 100)) + "%";
}

} // namespace

std::vector<std::string> planCaveats(const model::Architecture& design, const NetworkPlan& plan)
{
    std::vector<std::string> caveats;
    for (const auto& block : design.blocks) {
        switch (model::behaviourOf(block)) {
        case model::Behaviour::Client:
            if (const auto shape = block.choice<model::TrafficShape>("profile"); shape != model::TrafficShape::Constant)
                caveats.push_back(block.id + ": its traffic follows a " + std::string(model::choiceName(shape)) +
                                  " profile; planned at the base rate of " +
                                  model::compactNumber(block.param("rate_rps")) + " rps");
            break;
        case model::Behaviour::Autoscaler:
            for (const model::Link* link : design.linksFrom(block.id))
                caveats.push_back(block.id + " may change " + link->to +
                                  "'s instances; planned at the count the design has now");
            break;
        case model::Behaviour::LoadBalancer:
            if (block.choice<model::BalancerAlgorithm>("algorithm") == model::BalancerAlgorithm::PowerOfTwo)
                caveats.push_back(block.id + ": power-of-two choices is planned as random, an upper bound on "
                                             "the wait");
            break;
        case model::Behaviour::Cache: {
            if (block.choice<model::HitModel>("hit_model") != model::HitModel::Capacity)
                break;
            if (block.choice<model::Eviction>("eviction") == model::Eviction::Lfu)
                caveats.push_back(block.id + ": LFU eviction is planned as LRU, a lower bound on its hit ratio "
                                             "(popular keys stay longer under LFU)");
            const auto strategy = block.choice<model::CacheStrategy>("strategy");
            const BlockPlan* planned = plan.find(block.id);
            if ((strategy == model::CacheStrategy::WriteThrough || strategy == model::CacheStrategy::WriteBehind) &&
                planned && planned->writeRps > 0)
                caveats.push_back(block.id + ": the entries its writes store are not planned, so it hits a little "
                                             "more often than planned");
            if (block.param("ttl_s") > 0 &&
                (strategy == model::CacheStrategy::RefreshAhead ||
                 block.choice<model::StampedeProtection>("stampede") == model::StampedeProtection::EarlyExpiration))
                caveats.push_back(block.id + ": early refreshes are planned as plain expiry");
            break;
        }
        case model::Behaviour::EventStore: {
            // The projection delays no request, so the plan's figures hold;
            // what it does to the read model's freshness is said here.
            const BlockPlan* planned = plan.find(block.id);
            const double applyRate = block.param("projection_workers") * 1000 / block.param("apply_time_ms");
            if (planned && planned->writeRps >= applyRate)
                caveats.push_back(block.id + ": its projection applies " + model::compactNumber(applyRate) +
                                  " events/s of the " + model::compactNumber(planned->writeRps) +
                                  " appended: the read model falls behind by " +
                                  model::compactNumber(planned->writeRps - applyRate) +
                                  " events a second, and its reads grow ever staler");
            break;
        }
        case model::Behaviour::Saga:
            caveats.push_back(block.id + ": planned as if every step succeeds; a failed step stops the saga early "
                                         "and adds compensating calls to the steps before it");
            break;
        case model::Behaviour::RateLimiter: {
            if (block.choice<model::LimitScope>("scope") == model::LimitScope::PerKey) {
                caveats.push_back(block.id +
                                  ": per-key limits are not planned (every request its WAF options let through passes)");
                break;
            }
            // At its limit a token bucket meters what it lets through: the
            // stream behind it is smoother than the Poisson one the queueing
            // formulas assume, so the waits there are planned too long.
            const BlockPlan* planned = plan.find(block.id);
            if (planned && planned->arrivalRps() >= block.param("rate_rps"))
                caveats.push_back(block.id + ": offered " + model::compactNumber(planned->arrivalRps()) +
                                  " rps for a limit of " + model::compactNumber(block.param("rate_rps")) +
                                  " rps; what it lets through is metered, smoother than the Poisson arrivals "
                                  "planned behind it, so the waits there are planned long");
            break;
        }
        case model::Behaviour::Stream: {
            const BlockPlan* planned = plan.find(block.id);
            for (const GroupFlow& flow : streamGroupFlows(block, planned ? planned->arrivalRps() : 0)) {
                if (flow.lagGrowthPerS > 0)
                    caveats.push_back(block.id + ": group " + flow.name + " reads " +
                                      model::compactNumber(flow.throughputRps) + " of " +
                                      model::compactNumber(planned->arrivalRps()) + " msg/s (it keeps up with " +
                                      model::compactNumber(flow.capacityRps) + "); its lag grows by " +
                                      model::compactNumber(flow.lagGrowthPerS) + " messages a second");
                if (flow.idleConsumers > 0)
                    caveats.push_back(block.id + ": group " + flow.name + " has " +
                                      std::to_string(flow.idleConsumers) +
                                      " idle consumers (more consumers than partitions)");
            }
            break;
        }
        case model::Behaviour::ConnectionServer: {
            const BlockPlan* planned = plan.find(block.id);
            const ConnectionFigures figures = connectionFigures(block, planned ? planned->arrivalRps() : 0);
            if (figures.refusedShare >= 0.0005)
                caveats.push_back(block.id + ": " + model::compactNumber(figures.offered) + " connections offered for " +
                                  model::compactNumber(figures.capacity) + " slots; " + percent(figures.refusedShare) +
                                  " of connects refused (Erlang B)");
            break;
        }
        default:
            break;
        }
    }
    if (!design.faults.empty()) {
        const model::Fault& first = design.faults.front();
        caveats.push_back(std::to_string(design.faults.size()) + " scheduled fault" +
                          (design.faults.size() == 1 ? " is" : "s are") + " not planned (the first: " +
                          first.action + " " + (first.block.empty() ? first.region : first.block) + " at " +
                          model::compactNumber(first.atS) + " s)");
    }
    for (const auto& block : plan.blocks) {
        if (!block.saturated)
            continue;
        const double busy = std::max(block.utilization, block.fanoutUtilization);
        // Infinite: its workers wait on a saturated callee, whose calls never end in the model.
        caveats.push_back(block.id + " is saturated (" +
                          (std::isfinite(busy) ? percent(busy) + " busy" : "held by a saturated callee") +
                          "): its backlog grows without bound until timeouts, retries and refusals, which the "
                          "plan leaves out, decide what happens");
    }
    return caveats;
}

} // namespace scalelab::analysis
