#include "ResilienceSpecs.h"

#include "Choices.h"
#include "NumberText.h"
#include "RampStages.h"
#include "RegionLatency.h"
#include "SpecBuilders.h"

#include <algorithm>
#include <cmath>

namespace scalelab::model {

namespace {

using namespace specs;

StateBadge breakerBadge(double gauge, const std::map<std::string, double>&)
{
    const auto state = static_cast<int>(std::lround(gauge));
    const std::string name(choiceName(static_cast<BreakerState>(std::clamp(state, 0, 2))));
    // Open or half-open, it refuses calls on purpose: that is not a breakdown.
    return {name, state != 0, true};
}

StateBadge autoscalerBadge(double gauge, const std::map<std::string, double>&)
{
    return {"wants " + compactNumber(gauge), false, false};
}

// The fan-out's cost: timeline writes per second, and how long a post takes
// to reach its last follower (or how far the backlog is behind).
StateBadge fanoutBadge(double, const std::map<std::string, double>& extras)
{
    const auto extra = [&](const char* key) {
        const auto it = extras.find(key);
        return it == extras.end() ? 0.0 : it->second;
    };
    const double behindS = extra("oldest_pending_s");
    std::string text = compactNumber(std::round(extra("timeline_writes_per_s"))) + " writes/s, ";
    text += behindS >= 1 ? compactNumber(std::round(behindS)) + " s behind"
                         : "all followers in " + latencyText(extra("propagation_p95_ms")) + " (p95)";
    return {text, behindS >= 10, false};
}

std::string fanoutCellApproximation(const Block& block, const BlockSpec&, int)
{
    return block.id + ": a post fans out to followers in every cell; a cell writes it alone";
}

std::string limiterCellApproximation(const Block& block, const BlockSpec&, int)
{
    if (block.choice<LimitScope>("scope") != LimitScope::PerKey)
        return {};
    return block.id + ": a per-key limit applies to the whole design, not per cell";
}

BlockSpec queueSpec()
{
    BlockSpec spec;
    spec.kind = "queue";
    spec.displayName = "Message queue";
    spec.category = "Async";
    spec.icon = "queue";
    spec.summary = "A queue with consumers: producers get an instant acknowledgement, workers catch up.";
    spec.pattern = "Message queue + worker pool, dead-letter queue";
    spec.tier = Tier::Queue;
    spec.behaviour = Behaviour::Queue;
    spec.calls = {Tier::Router, Tier::Compute, Tier::Database, Tier::Cache, Tier::Guard, Tier::Topic};
    spec.faults = {"slow"};
    spec.pricePerHour = 0.05;
    spec.pricePerMillion = 0.40;
    spec.gauge.label = "Messages waiting";
    spec.params = {
        perCell(number("capacity", "Capacity", ParamType::Int, "messages", 100'000, 0, 100'000'000, 1000,
               "Messages the queue holds. A message sent to a full queue is refused with 503.")),
        perCell(number("consumers", "Consumers", ParamType::Int, "", 4, 0, 100'000, 1,
               "Workers taking messages off the queue, one message each at a time. Scale them "
               "independently of the producers.")),
        number("processing_time_ms", "Processing time", ParamType::Duration, "ms", 50, 0, kHour, 10,
               "Mean time a consumer works on one message, before the downstream calls it makes."),
        number("service_cv", "Processing variability", ParamType::Double, "", 1, 0, 10, 0.1,
               "Coefficient of variation of the processing time: 0 = deterministic, 1 = exponential."),
        number("failure_probability", "Failure probability", ParamType::Double, "", 0, 0, 1, 0.05,
               "Chance that processing one message fails (a bug, a bad payload, a flaky API)."),
        number("max_receives", "Attempts before DLQ", ParamType::Int, "", 3, 1, 100, 1,
               "A message that failed this many times moves to the dead-letter queue for engineers to "
               "investigate (\"job fails 3 times, move to DLQ\")."),
        number("retry_delay_ms", "Retry delay", ParamType::Duration, "ms", 1000, 0, kHour, 100,
               "How long a failed message stays invisible before a consumer may take it again."),
        number("visibility_timeout_ms", "Visibility timeout", ParamType::Duration, "ms", 30'000, 0, 12 * kHour,
               1000, "A consumer that has not finished a message within this time loses it: the message "
               "becomes visible again and counts as a failed attempt. 0 = no limit."),
    };
    return spec;
}

BlockSpec topicSpec()
{
    BlockSpec spec;
    spec.kind = "topic";
    spec.displayName = "Pub/sub topic";
    spec.category = "Async";
    spec.icon = "topic";
    spec.summary = "Publish once, deliver to every subscriber group (each linked block gets a copy).";
    spec.pattern = "Publish/subscribe fan-out";
    spec.tier = Tier::Topic;
    spec.behaviour = Behaviour::Topic;
    spec.calls = {Tier::Queue, Tier::Compute, Tier::Router};
    spec.needsTarget = true;
    spec.pricePerHour = 0;
    spec.pricePerMillion = 0.50;
    spec.params = {
        number("publish_ms", "Publish time", ParamType::Duration, "ms", 1, 0, 60'000, 0.5,
               "Time for the broker to accept a message before acknowledging the publisher."),
    };
    return spec;
}

BlockSpec circuitBreakerSpec()
{
    BlockSpec spec;
    spec.kind = "circuit_breaker";
    spec.displayName = "Circuit breaker";
    spec.category = "Resilience";
    spec.icon = "circuit_breaker";
    spec.summary = "Stops calling a failing dependency: fail fast while open, probe it when half-open.";
    spec.pattern = "Circuit breaker";
    spec.tier = Tier::Guard;
    spec.behaviour = Behaviour::CircuitBreaker;
    spec.calls = kServingTiers;
    spec.needsTarget = true;
    spec.gauge = {"Breaker state", std::vector<std::string>(ChoiceNames<BreakerState>::names.begin(),
                                                            ChoiceNames<BreakerState>::names.end()),
                  &breakerBadge};
    spec.params = {
        number("failure_threshold", "Failure threshold", ParamType::Int, "", 5, 1, 10'000, 1,
               "Failures in a row (errors or timeouts) that open the circuit."),
        number("open_s", "Open duration", ParamType::Double, "s", 30, 0.1, 3600, 5,
               "How long the circuit stays open, refusing every call at once, before it lets a probe through."),
        number("half_open_probes", "Half-open probes", ParamType::Int, "", 1, 1, 1000, 1,
               "Trial calls let through when half-open; that many successes close the circuit, one failure "
               "opens it again."),
        number("timeout_ms", "Call timeout", ParamType::Duration, "ms", 1000, 0, kHour, 50,
               "A call slower than this counts as a failure and is answered with a timeout. 0 = never."),
        choice("fallback", "When open", BreakerFallback::Error,
               "Error: refused calls fail fast with circuit_open. Fallback response: they succeed at once with "
               "a degraded answer (cached or default data) and are counted as fallbacks."),
    };
    return spec;
}

BlockSpec rateLimiterSpec()
{
    BlockSpec spec;
    spec.kind = "rate_limiter";
    spec.displayName = "Rate limiter";
    spec.category = "Resilience";
    spec.icon = "rate_limiter";
    spec.summary = "Admits at most a rate (plus a burst); the rest are refused with 429. As a WAF at the edge it "
                   "also blocks recognised attack traffic.";
    spec.pattern = "Rate limiting (token bucket, sliding window), WAF against DDoS floods";
    spec.tier = Tier::Guard;
    spec.behaviour = Behaviour::RateLimiter;
    spec.calls = kServingTiers;
    spec.needsTarget = true;
    spec.cellApproximation = limiterCellApproximation;
    spec.gauge.label = "Tokens left";
    spec.params = {
        choice("algorithm", "Algorithm", LimiterAlgorithm::TokenBucket,
               "Token bucket: tokens refill at the rate up to the burst size; a request takes one. Sliding "
               "window: at most rate x window requests in any window (weighted over the previous window)."),
        perCell(number("rate_rps", "Rate", ParamType::Rate, "rps", 100, 0.001, 10'000'000, 10,
               "Requests per second admitted in the long run.")),
        perCell(number("burst", "Burst", ParamType::Int, "", 100, 1, 100'000'000, 10,
               "Token bucket size: requests admitted at once after a quiet period.")),
        number("window_s", "Window", ParamType::Double, "s", 1, 0.01, 3600, 1,
               "Sliding window length."),
        choice("scope", "Scope", LimitScope::Global,
               "Global: one limit for all traffic. Per key: each key (user, API key) has its own limit; keys of "
               "different clients are different sources."),
        number("attack_detection", "Attack detection (WAF)", ParamType::Double, "", 0, 0, 1, 0.05,
               "As a web application firewall: the share of attack traffic (clients marked attack) it recognises "
               "by signature and blocks before any limit. Counted as blocked_attack."),
        number("false_positive_rate", "False positives (WAF)", ParamType::Double, "", 0, 0, 1, 0.005,
               "The share of legitimate requests it wrongly takes for attack traffic and blocks. Legitimate "
               "requests refused for any reason are counted as blocked_legit."),
    };
    return spec;
}

BlockSpec autoscalerSpec()
{
    BlockSpec spec;
    spec.kind = "autoscaler";
    spec.displayName = "Autoscaler";
    spec.category = "Resilience";
    spec.icon = "autoscaler";
    spec.summary = "Adds and removes instances of the services it is linked to, following a metric.";
    spec.pattern = "Auto-scaling";
    spec.tier = Tier::Control;
    spec.behaviour = Behaviour::Autoscaler;
    spec.acceptsInput = false;
    spec.calls = {Tier::Compute, Tier::Queue}; // the pools it can resize
    spec.needsTarget = true;
    spec.controlLinks = true;
    spec.gauge = {"Instances wanted", {}, &autoscalerBadge};
    spec.params = {
        choice("metric", "Metric", ScalingMetric::Cpu,
               "What it scales on: worker utilisation (CPU), requests per second per instance, waiting "
               "requests (messages for a queue) per instance, or p95 latency in ms."),
        number("target", "Target", ParamType::Double, "", 0.7, 0, 1e9, 0.05,
               "The metric's target value: 0.7 for 70% CPU, 100 for 100 requests/s per instance, 500 for "
               "500 ms p95. Above it, it scales out; well below it (see Scale-in below), in."),
        number("scale_in_below", "Scale-in below", ParamType::Double, "", 0, 0, 1e9, 0.05,
               "Scale in when the metric falls under this: 0.3 for the seeds' \"CPU < 30%\". 0 = under 70% "
               "of the target. Keep it well under the target, or it adds and removes instances in turn."),
        perCell(number("min_instances", "Minimum", ParamType::Int, "", 2, 0, 1'000'000, 1, "Never fewer instances.")),
        perCell(number("max_instances", "Maximum", ParamType::Int, "", 20, 1, 1'000'000, 1,
               "Never more instances (the budget).")),
        number("evaluation_s", "Evaluation period", ParamType::Double, "s", 10, 1, 3600, 5,
               "How often the metric is read, averaged over this period."),
        choice("policy", "Policy", ScalingPolicy::TargetTracking,
               "Target tracking: jump to the count that brings the metric to its target (AWS's default). "
               "Step: add or remove a fixed number of instances each time."),
        choice("forecast", "Forecast", ScalingForecast::None,
               "None: reactive, it scales for the load it measured. Trend: predictive, it fits the line "
               "through its last 4 readings of the arrival rate and scales out for the load expected when "
               "new instances would serve (after the provisioning delay), so a steady ramp is met on time. "
               "It only launches earlier: scaling in follows the reading. For the CPU and requests-per-instance "
               "metrics."),
        perCell(number("scale_out_step", "Scale-out step", ParamType::Int, "", 2, 1, 100'000, 1,
               "Step policy: instances added when above target.")),
        perCell(number("scale_in_step", "Scale-in step", ParamType::Int, "", 1, 1, 100'000, 1,
               "Step policy: instances removed when well below target.")),
        number("scale_out_cooldown_s", "Scale-out cooldown", ParamType::Double, "s", 60, 0, 86'400, 10,
               "Wait after a scale-out before the next one (scale up quickly)."),
        number("scale_in_cooldown_s", "Scale-in cooldown", ParamType::Double, "s", 300, 0, 86'400, 30,
               "Wait after any scaling before removing instances (scale down slowly, avoid thrashing)."),
        number("provisioning_s", "Provisioning delay", ParamType::Double, "s", 60, 0, 3600, 10,
               "Time from the decision until a new instance serves traffic (boot, cold start)."),
        perCell(text("schedule", "Scheduled minimum", "", "TIME:INSTANCES, ...", &rampStagesRule,
             "TIME:INSTANCES entries: at that time from the start the minimum becomes that many, and they "
             "are launched at once (\"10m:50, 40m:10\" pre-warms 50 instances for a known peak). Empty = none.")),
    };
    return spec;
}

BlockSpec serverlessSpec()
{
    BlockSpec spec;
    spec.kind = "serverless";
    spec.displayName = "Serverless function";
    spec.category = "Compute";
    spec.icon = "serverless";
    spec.summary = "A function that scales per request: cold starts, a concurrency limit, pay per use.";
    spec.pattern = "Serverless (functions as a service)";
    spec.tier = Tier::Function;
    spec.behaviour = Behaviour::Serverless;
    spec.calls = {Tier::Router, Tier::Compute, Tier::Database, Tier::Cache, Tier::Queue, Tier::Topic, Tier::Guard};
    spec.faults = {"slow"};
    spec.params = {
        perCell(number("concurrency_limit", "Concurrency limit", ParamType::Int, "", 1000, 1, 1'000'000, 100,
               "Containers that may run at once (the account's limit). Beyond it requests are throttled with 429.")),
        number("execution_time_ms", "Execution time", ParamType::Duration, "ms", 100, 0, 15 * 60'000, 10,
               "Mean time the function runs per request, before its downstream calls."),
        number("service_cv", "Execution variability", ParamType::Double, "", 1, 0, 10, 0.1,
               "Coefficient of variation of the execution time: 0 = deterministic, 1 = exponential."),
        number("cold_start_ms", "Cold start", ParamType::Duration, "ms", 400, 0, 60'000, 50,
               "Extra time when no warm container is free and a new one must boot (runtime and code load)."),
        number("keep_warm_s", "Keep warm", ParamType::Double, "s", 600, 0, 86'400, 60,
               "How long an idle container stays warm before it is reclaimed."),
        number("memory_mb", "Memory", ParamType::Int, "MB", 512, 128, 10'240, 128,
               "Memory per container; the price per GB-second scales with it."),
        number("timeout_ms", "Timeout", ParamType::Duration, "ms", 0, 0, 15 * 60'000, 1000,
               "Longest time an invocation may run before it is stopped with a timeout. 0 = never."),
        number("cost_per_million", "Cost per million invocations", ParamType::Double, "$", 0.20, 0, 10'000, 0.05,
               "Price of a million requests."),
        number("cost_per_gb_second", "Cost per GB-second", ParamType::Double, "$", 0.0000166667, 0, 1, 0.000001,
               "Price of running one GB of memory for one second."),
    };
    return spec;
}

BlockSpec geoDnsSpec()
{
    BlockSpec spec;
    spec.kind = "geo_dns";
    spec.displayName = "GeoDNS";
    spec.category = "Routing";
    spec.icon = "dns";
    spec.summary = "Sends each client to the nearest healthy region; fails a region over after detection and DNS TTL.";
    spec.pattern = "Multi-region (GeoDNS, active-active / active-passive)";
    spec.tier = Tier::Router;
    spec.behaviour = Behaviour::GeoDns;
    spec.edgeOnly = true;
    spec.calls = {Tier::Router, Tier::Compute, Tier::Function, Tier::Guard};
    spec.needsTarget = true;
    spec.params = {
        choice("policy", "Policy", RegionPolicy::Nearest,
               "Nearest (active-active): each client goes to the healthy region with the lowest latency from "
               "its own. Active-passive: everyone goes to the first linked region while it is healthy, then to "
               "the next."),
        number("health_check_interval_s", "Health check interval", ParamType::Double, "s", 10, 1, 3600, 5,
               "How often each region's entry point is probed."),
        number("unhealthy_threshold", "Unhealthy threshold", ParamType::Int, "", 3, 1, 100, 1,
               "Failed probes in a row before a region is declared down. Detection takes up to interval x threshold."),
        number("dns_ttl_s", "DNS TTL", ParamType::Double, "s", 60, 0, 86'400, 10,
               "How long clients cache an answer: after a region is declared down, its clients keep going "
               "there (and failing) until their cached answer expires."),
        text("inter_region_ms", "Inter-region latency", "us-east/eu-west=80, us-east/ap-south=190, eu-west/ap-south=120",
             "REGION/REGION=MS, ...", &regionLatencyRule,
             "One-way latency between regions in ms, as REGION/REGION=MS pairs. A client sent to another "
             "region pays it there and back."),
        number("default_inter_region_ms", "Other region pairs", ParamType::Duration, "ms", 100, 0, 60'000, 10,
               "One-way latency between two regions not listed above."),
    };
    return spec;
}

// Twitter's timeline (seed 05, "Example 1"): what a post costs its
// followers' timelines under fan-out on write, on read, or the hybrid.
BlockSpec fanoutSpec()
{
    BlockSpec spec;
    spec.kind = "fanout";
    spec.displayName = "Timeline fan-out";
    spec.category = "Async";
    spec.icon = "fanout";
    spec.summary = "A timeline service: a post is copied into every follower's timeline (write), merged when a "
                   "timeline is read (read), or both by follower count (hybrid).";
    spec.pattern = "Fan-out on write / on read (Twitter's timeline)";
    spec.tier = Tier::Fanout;
    spec.behaviour = Behaviour::Fanout;
    spec.calls = {Tier::Database, Tier::Cache, Tier::Compute, Tier::Router, Tier::Queue};
    spec.pricePerHour = 0.20;
    spec.cellApproximation = fanoutCellApproximation;
    spec.gauge = {"Timeline writes waiting", {}, &fanoutBadge};
    spec.params = poolParams(4, 64, 1000);
    spec.params.insert(
        spec.params.begin(),
        {choice("mode", "Fan-out", FanoutMode::Hybrid,
                "Write: every post is written into each follower's cached timeline (push); reads are one fetch. "
                "Read: posts are only stored; a timeline read merges the latest posts of every account the "
                "reader follows (pull). Hybrid: posts of accounts up to the threshold are pushed, bigger "
                "accounts' posts are merged at read time."),
         number("post_time_ms", "Post time", ParamType::Duration, "ms", 2, 0, kHour, 0.5,
                "Work to accept a post (store the tweet) before its downstream calls; the poster's reply "
                "does not wait for the fan-out."),
         number("read_time_ms", "Timeline read time", ParamType::Duration, "ms", 1, 0, kHour, 0.5,
                "Work to fetch one precomputed timeline from the timeline cache."),
         number("merge_time_ms", "Merge time per followee", ParamType::Duration, "ms", 0.05, 0, 60'000, 0.01,
                "Extra read work for each followed account whose recent posts are fetched and merged into the "
                "timeline at read time.")});
    spec.params.insert(
        spec.params.end(),
        {number("followers_mean", "Followers (regular user)", ParamType::Double, "", 200, 0, 1e7, 10,
                "Mean followers of a regular poster; each post draws its count from a geometric distribution "
                "with this mean."),
         number("celebrity_share", "Celebrity share of posts", ParamType::Double, "", 0.0001, 0, 1, 0.0001,
                "Share of posts written by a celebrity account."),
         number("celebrity_followers", "Celebrity followers", ParamType::Int, "", 50'000'000, 0, 2'000'000'000,
                1'000'000, "Followers of a celebrity (the seed's 50M): the timelines one celebrity post touches "
                "under fan-out on write."),
         number("hybrid_threshold", "Hybrid threshold", ParamType::Int, "followers", 1000, 0, 2'000'000'000, 100,
                "Hybrid: posts of accounts with at most this many followers are pushed; bigger accounts are "
                "merged at read time (the seed's \"fan-out on write for users with < 1000 followers\")."),
         number("followees_mean", "Followees per reader", ParamType::Double, "", 200, 0, 1e6, 10,
                "Accounts a reader follows: the timelines merged per read under fan-out on read; in hybrid mode "
                "those above the threshold."),
         number("celebrity_followees", "Celebrities per reader", ParamType::Double, "", 5, 0, 1e6, 1,
                "Celebrity accounts a reader follows (among the followees): merged at read time in hybrid mode "
                "when celebrities are above the threshold."),
         number("fanout_workers", "Fan-out workers", ParamType::Int, "", 100, 1, 1'000'000, 10,
                "Background writers copying posts into timelines (the timeline store's write capacity). "
                "Posts wait their turn in one backlog, oldest first."),
         number("write_time_ms", "Time per timeline write", ParamType::Duration, "ms", 0.6, 0.0001, 60'000, 0.1,
                "Time one writer needs to insert a post into one follower's timeline (one cache key update)."),
         number("batch_size", "Batch size", ParamType::Int, "timelines", 1000, 1, 10'000'000, 100,
                "Timelines a writer updates per batch (one simulated event), as pipelined cache writes. When a "
                "post reaches its last follower stays exact; bigger batches mean fewer events and a coarser "
                "interleaving of posts.")});
    return spec;
}

} // namespace

std::vector<BlockSpec> resilienceSpecs()
{
    return {queueSpec(), topicSpec(), circuitBreakerSpec(), rateLimiterSpec(), autoscalerSpec(), serverlessSpec(),
            geoDnsSpec(), fanoutSpec()};
}

} // namespace scalelab::model
