// Timeline fan-out (Twitter, seed 05): the time a post takes to reach its
// last follower, the timeline writes it costs, what the hybrid skips and
// what fan-out on read costs each read, against exact or queueing theory.
#include "SimTestSupport.h"
#include "analysis/NetworkModel.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

enum Mode { Write = 0, Read = 1, Hybrid = 2 };

// A client that only posts (writes) or only reads, and the timeline block.
model::Architecture timeline(double rateRps, double readRatio, model::Block fanout)
{
    model::Block client = patientClient("users", rateRps);
    client.params["read_ratio"] = readRatio;
    model::Architecture design;
    design.blocks = {client, fanout};
    design.links = {wire("users", fanout.id)};
    return design;
}

model::Block fanout(Mode mode, int writers, double writeMs, int batch)
{
    model::Block block = model::makeBlock("fanout", "timeline");
    block.params["mode"] = mode;
    block.params["fanout_workers"] = writers;
    block.params["write_time_ms"] = writeMs;
    block.params["batch_size"] = batch;
    block.params["instances"] = 1;
    block.params["workers"] = 1000; // posts and reads never queue: only the fan-out is under test
    return block;
}

// Every post by a celebrity with `followers` followers.
model::Block celebrityOnly(model::Block block, double followers)
{
    block.params["celebrity_share"] = 1;
    block.params["celebrity_followers"] = followers;
    return block;
}

double extra(const stats::Snapshot& snap, const char* key) { return block(snap, "timeline").extras.at(key); }

} // namespace

class FanoutTest : public QObject {
    Q_OBJECT

private slots:
    void a_celebrity_backlog_is_an_md1_queue_of_batch_rounds()
    {
        // 1M followers in batches of 10,000 = 100 batches; 10 writers take
        // them 10 at a time in lockstep: 10 rounds of 10,000 x 1 us = 10 ms,
        // so a post holds every writer for D = N t / W = 100 ms and posts
        // wait for each other: propagation delay is the M/D/1 sojourn time
        // D + lambda D^2 / (2 (1 - rho)), rho = lambda D.
        const double lambda = 2, d = 1e6 * 0.001e-3 / 10;
        const double rho = lambda * d;
        const double theoryMs = (d + lambda * d * d / (2 * (1 - rho))) * 1000;
        std::vector<double> means, writeRates;
        for (uint64_t seed = 1; seed <= 10; ++seed) {
            const auto snap = simulate(timeline(lambda, 0, celebrityOnly(fanout(Write, 10, 0.001, 10'000), 1e6)), 10,
                                       300, seed);
            means.push_back(extra(snap, "propagation_mean_ms"));
            writeRates.push_back(extra(snap, "timeline_writes_per_s"));
            QVERIFY(extra(snap, "propagation_max_ms") >= d * 1000 * (1 - 1e-9)); // nobody is faster than D
        }
        const auto mean = stats::batchMeansInterval(means, kConfidence);
        QVERIFY2(mean.contains(theoryMs), qPrintable(describe("propagation delay (ms)", theoryMs, mean)));
        const auto writes = stats::batchMeansInterval(writeRates, kConfidence);
        QVERIFY2(writes.contains(lambda * 1e6), qPrintable(describe("timeline writes/s", lambda * 1e6, writes)));
    }

    void a_lone_celebrity_post_takes_whole_rounds_of_batches()
    {
        // 1,010,000 followers = 101 batches of 10,000: 10 writers need
        // ceil(101 / 10) = 11 rounds of 10 ms = 110 ms, not N t / W = 101 ms.
        // Posts are rare (rho ~ 0.5%), so the delay is that within one batch.
        const double batchMs = 10'000 * 0.001;
        const double roundsMs = std::ceil(101.0 / 10) * batchMs;
        const double idealMs = 1'010'000 * 0.001 / 10;
        const auto snap =
            simulate(timeline(0.05, 0, celebrityOnly(fanout(Write, 10, 0.001, 10'000), 1'010'000)), 10, 4000);
        QVERIFY(extra(snap, "posts") > 100);
        const double mean = extra(snap, "propagation_mean_ms");
        QVERIFY2(mean >= roundsMs * (1 - 1e-9) && mean < roundsMs + batchMs,
                 qPrintable(QString("mean %1 ms, rounds %2 ms").arg(mean).arg(roundsMs)));
        QVERIFY(std::abs(mean - idealMs) < 2 * batchMs); // N t / W within the batching granularity
    }

    void timeline_writes_are_posts_times_followers()
    {
        // Regular users only: 1,000 posts/s x 200 followers on average =
        // 200,000 writes/s (the writers can do 1M/s). In hybrid mode with a
        // threshold of 100 only the posts of small accounts are pushed: the
        // plan's closed form for the truncated geometric must agree.
        for (const Mode mode : {Write, Hybrid}) {
            model::Block block = fanout(mode, 100, 0.1, 1000);
            block.params["celebrity_share"] = 0;
            block.params["followers_mean"] = 200;
            block.params["hybrid_threshold"] = 100;
            const auto design = timeline(1000, 0, block);
            const double theory = analysis::planNetwork(design).find("timeline")->fanoutWritesPerS;
            if (mode == Write)
                QCOMPARE(theory, 1000.0 * 200);
            else
                QVERIFY(theory < 1000.0 * 200 * 0.3); // most posts have more than 100 followers
            std::vector<double> rates;
            for (uint64_t seed = 1; seed <= 8; ++seed)
                rates.push_back(extra(simulate(design, 5, 30, seed), "timeline_writes_per_s"));
            const auto rate = stats::batchMeansInterval(rates, kConfidence);
            QVERIFY2(rate.contains(theory), qPrintable(describe("timeline writes/s", theory, rate)));
        }
    }

    void the_hybrid_writes_nothing_for_a_celebrity_and_write_mode_overloads()
    {
        // Every post by a 50M-follower celebrity, 1 post/s. Hybrid: no
        // timeline write at all, every post visible at once. Write: 50M
        // writes per post against 100 writers x 0.6 ms = 166,667 writes/s:
        // one post takes 5 minutes, so the backlog only grows.
        const auto hybrid = simulate(timeline(1, 0, celebrityOnly(fanout(Hybrid, 100, 0.6, 1000), 5e7)), 0, 60);
        QVERIFY(extra(hybrid, "posts") > 30);
        QCOMPARE(extra(hybrid, "timeline_writes"), 0.0);
        QCOMPARE(extra(hybrid, "pushed_posts"), 0.0);
        QCOMPARE(extra(hybrid, "backlog_writes"), 0.0);
        QCOMPARE(extra(hybrid, "propagation_max_ms"), 0.0);

        const auto write = simulate(timeline(1, 0, celebrityOnly(fanout(Write, 100, 0.6, 1000), 5e7)), 0, 60);
        const double capacity = 100 / 0.6e-3;
        // The writers start with the first post (about a second in) and never stop.
        QVERIFY(extra(write, "timeline_writes_per_s") <= capacity * (1 + 1e-9));
        QVERIFY(extra(write, "timeline_writes_per_s") > 0.9 * capacity);
        QVERIFY(extra(write, "backlog_writes") >= extra(write, "posts") * 5e7 - 60 * capacity);
        QCOMPARE(extra(write, "propagation_max_ms"), 0.0); // not one post has reached all its followers
        QVERIFY(extra(write, "oldest_pending_s") > 50);
        QVERIFY(extra(write, "fanout_utilisation") > 0.9);
    }

    // Hybrid: the celebrities (50M followers, above any threshold here) and
    // the regular followees above the threshold. A reader follows accounts in
    // proportion to their followers, so with geometric followers of mean m
    // that share is sum_{k>T} k p(k) / m = q^(T+1) (T+1+m) / m, q = m/(m+1):
    // at m = 200 it is 4.1% of them at T = 1,000 and 91% at T = 100.
    void a_read_merges_every_followee_in_read_mode_and_those_above_the_threshold_in_hybrid()
    {
        // Deterministic work, plenty of workers: a read's time is exactly
        // read_time + merged x merge_time.
        for (const Mode mode : {Write, Read, Hybrid})
            for (const double followees : {100.0, 400.0})
                for (const int threshold : {1000, 100}) {
                    model::Block block = fanout(mode, 10, 0.1, 1000);
                    block.params["service_cv"] = 0;
                    block.params["read_time_ms"] = 1;
                    block.params["merge_time_ms"] = 0.05;
                    block.params["followers_mean"] = 200;
                    block.params["hybrid_threshold"] = threshold;
                    block.params["followees_mean"] = followees;
                    block.params["celebrity_followees"] = 7;
                    const auto snap = simulate(timeline(200, 1, block), 1, 10);
                    const double q = 200.0 / 201;
                    const double aboveThreshold = std::pow(q, threshold + 1) * (threshold + 1 + 200) / 200;
                    const double merged = mode == Write ? 0 : mode == Read ? followees : 7 + (followees - 7) * aboveThreshold;
                    QCOMPARE(extra(snap, "merged_per_read"), merged);
                    const double latencyMs = readLatencyMs(snap);
                    QVERIFY2(std::abs(latencyMs - (1 + merged * 0.05)) < 1e-6,
                             qPrintable(QString("read took %1 ms, merged %2").arg(latencyMs).arg(merged)));
                    const double readsPerS = double(timelineOf(snap).completed) / snap.measuredSeconds;
                    // Counted as reads finish their work; the block counts them as they leave (a few in flight apart).
                    const double mergeCores = readsPerS * merged * 0.05 / 1000;
                    QVERIFY(std::abs(extra(snap, "merge_cpu_s_per_s") - mergeCores) <= 0.01 * mergeCores);
                }
    }

private:
    static const stats::BlockSnapshot& timelineOf(const stats::Snapshot& snap) { return block(snap, "timeline"); }
    static double readLatencyMs(const stats::Snapshot& snap) { return timelineOf(snap).latency.meanMs; }
};

QTEST_GUILESS_MAIN(FanoutTest)
#include "FanoutTest.moc"
