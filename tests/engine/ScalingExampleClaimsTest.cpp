// The figures the scaling-path, replica, pub/sub and hybrid fan-out
// examples' what-to-try texts state, checked on the files and on the
// variations the texts ask for (see ExampleClaimsTest for the others).
//
// Tolerances, decided before running: rates are Poisson (3.29 sigma);
// utilisation from the offered work within 2 points (3.29 sigma of the busy
// time over 60,000+ requests is under 1); shares with no closed form (full
// queues, retries) within 15%.
#include "ClaimChecks.h"
#include "core/Outcome.h"

#include <QtTest>

using namespace scalelab;
using namespace scalelab::testing;

class ScalingExampleClaimsTest : public QObject {
    Q_OBJECT

private slots:
    void scaling_2_growth()
    {
        // 1,000 rps, 900 reads of which 5% miss (45) plus 100 writes.
        const model::Architecture design = example("scaling-2-growth.scalelab");
        const auto base = simulate(design, 5, 30);
        VERIFY_RATE(base, "db", 145);

        model::Architecture cold = design;
        set(cold, "cache", "hit_ratio", 0);
        VERIFY_WITHIN("503 share", failedShare(simulate(cold, 5, 30)), 1.0 / 8, 0.15);
        set(cold, "db", "replicas", 0);
        QVERIFY(failedShare(simulate(cold, 5, 30)) > 0.25);

        model::Architecture single = design;
        set(single, "app", "instances", 1);
        VERIFY_NEAR("one server busy", block(simulate(single, 5, 30), "app").utilization, 0.6, 0.02);
    }

    void scaling_3_scale()
    {
        const model::Architecture design = example("scaling-3-scale.scalelab");
        const auto base = simulate(design, 5, 20);
        VERIFY_NEAR("busy per shard", block(base, "shards").utilization, 0.2, 0.02);
        // Half of the 2,700 reads are static, the CDN serves 95% of those.
        VERIFY_RATE(base, "app", 3000 * (1 - 0.9 * 0.5 * 0.95));

        model::Architecture oneShard = design;
        set(oneShard, "shards", "shards", 1);
        VERIFY_NEAR("one shard busy", block(simulate(oneShard, 5, 20), "shards").utilization, 0.8, 0.02);
        set(oneShard, "cache", "hit_ratio", 0);
        VERIFY_WITHIN("503 share", failedShare(simulate(oneShard, 5, 20)), 0.2, 0.15);

        model::Architecture noCdn = design;
        set(noCdn, "cdn", "hit_ratio", 0);
        VERIFY_RATE(simulate(noCdn, 5, 20), "app", 3000);
    }

    void social_feed_replicas()
    {
        const model::Architecture design = example("social-feed-replicas.scalelab");
        model::Architecture alone = design;
        set(alone, "db", "replicas", 0);
        const auto primary = simulate(alone, 5, 10);
        QVERIFY(block(primary, "db").utilization > 0.99);
        QVERIFY2(double(primary.errors[sim::Outcome::Rejected]) / primary.requests > 0.5,
                 qPrintable(figure("503 share", double(primary.errors[sim::Outcome::Rejected]) / primary.requests, 0.6)));

        // 12 ms per write: 83 a second per replica against 100 written.
        model::Architecture slowApply = design;
        set(slowApply, "db", "apply_time_ms", 12);
        const double lagEarly = block(simulate(slowApply, 0, 20), "db").extras.at("mean_replica_lag_ms");
        const double lagLate = block(simulate(slowApply, 0, 40), "db").extras.at("mean_replica_lag_ms");
        QVERIFY2(lagLate > 1.5 * lagEarly, qPrintable(figure("lag over 40 s / over 20 s", lagLate / lagEarly, 2)));
    }

    void image_pipeline_pubsub()
    {
        // 400 ms per thumbnail, then a 25 ms write to the image store 1 ms
        // away: 16 workers held 427 ms each make 37.5 a second of the 60 arriving.
        const model::Architecture design = example("image-pipeline-pubsub.scalelab");
        const auto base = simulate(design, 5, 60);
        model::Architecture slow = design;
        set(slow, "thumbs_q", "processing_time_ms", 400);
        const auto behind = simulate(slow, 5, 60);
        VERIFY_WITHIN("thumbnails per second", perSecond(behind, "images"), 16 / 0.427, 0.03);
        const auto& queue = block(behind, "thumbs_q").series;
        QVERIFY2(queue.back().meanQueue > queue[queue.size() / 2].meanQueue + 400, "the backlog does not keep growing");
        // The other subscriber and the API do not notice.
        QCOMPARE(block(behind, "analytics_q").utilization, block(base, "analytics_q").utilization);
        QCOMPARE(block(behind, "api").latency.meanMs, block(base, "api").latency.meanMs);
    }

    void twitter_fanout_hybrid()
    {
        const model::Architecture design = example("twitter-fanout-hybrid.scalelab");
        const auto base = simulate(design, 5, 20);
        const auto& timeline = block(base, "timeline");
        VERIFY_WITHIN("propagation p95 ms", timeline.extras.at("propagation_p95_ms"), 60, 0.15);
        VERIFY_NEAR("writers busy", timeline.extras.at("fanout_utilisation"), 0.57, 0.02);
        VERIFY_NEAR("service busy", timeline.utilization, 0.13, 0.02);

        // Threshold 100: most regular posts are merged at read time instead.
        model::Architecture low = design;
        set(low, "timeline", "hybrid_threshold", 100);
        const auto lowRun = simulate(low, 5, 20);
        const auto& merged = block(lowRun, "timeline");
        QVERIFY2(merged.extras.at("fanout_utilisation") < 0.1, qPrintable(figure("writers busy", merged.extras.at("fanout_utilisation"), 0.05)));
        VERIFY_NEAR("service busy", merged.utilization, 0.75, 0.03);
        VERIFY_WITHIN("timelines merged per read", merged.extras.at("merged_per_read"), 180, 0.05);

        // Above 50M: celebrities are pushed again, the backlog of fan-out on write.
        model::Architecture high = design;
        set(high, "timeline", "hybrid_threshold", 1e8);
        QVERIFY(block(simulate(high, 0, 60), "timeline").extras.at("backlog_writes") > 1e7);
    }

    void closed_loop_users()
    {
        // 400 users thinking 1 s: MVA gives 173 rps and 1.31 s. The measured
        // pair must obey the response-time law R = N / X - Z (3%: the
        // measured mean and throughput are each within a percent or so).
        const model::Architecture design = example("closed-loop-users.scalelab");
        const auto base = simulate(design, 10, 60);
        const double throughput = double(base.completed) / base.measuredSeconds;
        VERIFY_WITHIN("throughput", throughput, 174, 0.03);
        VERIFY_WITHIN("mean latency ms", base.latency.meanMs, (400 / throughput - 1) * 1000, 0.03);
        VERIFY_WITHIN("mean latency ms", base.latency.meanMs, 1300, 0.05);

        // Half the users: the saturated app still serves about as much, each waits a second less.
        model::Architecture half = design;
        set(half, "users", "virtual_users", 200);
        const auto fewer = simulate(half, 10, 60);
        VERIFY_WITHIN("throughput", double(fewer.completed) / fewer.measuredSeconds, throughput, 0.05);
        VERIFY_WITHIN("latency saved ms", base.latency.meanMs - fewer.latency.meanMs, 1000, 0.15);

        // A third instance: half as much again (the app is the bottleneck).
        model::Architecture wider = design;
        set(wider, "app", "instances", 3);
        const auto more = simulate(wider, 10, 60);
        VERIFY_WITHIN("throughput ratio", double(more.completed) / more.measuredSeconds / throughput, 1.5, 0.05);
        QVERIFY(more.latency.meanMs < base.latency.meanMs);
    }

    void twitter_fanout_write()
    {
        // The first celebrity post is 50M timeline writes against 166,667 a
        // second: after 2 minutes the backlog is past 90M, posts about 100 s old.
        const model::Architecture design = example("twitter-fanout-write.scalelab");
        const auto run = simulate(design, 0, 120);
        const auto& timeline = block(run, "timeline");
        QVERIFY2(timeline.extras.at("backlog_writes") > 9e7, qPrintable(figure("backlog", timeline.extras.at("backlog_writes"), 9e7)));
        VERIFY_WITHIN("oldest post waiting, s", timeline.extras.at("oldest_pending_s"), 100, 0.1);

        model::Architecture regular = design;
        set(regular, "timeline", "celebrity_share", 0);
        const auto calm = simulate(regular, 5, 30);
        QVERIFY(block(calm, "timeline").extras.at("propagation_max_ms") < 1000);
    }

    void ecommerce_vertical_partitioning()
    {
        // A slow Order DB (400 ms writes) slows checkout to several hundred
        // ms at p95; browsing and sign-in, on their own databases, keep
        // their latency to the millisecond (the same seed draws the same
        // requests for them).
        const model::Architecture design = example("ecommerce-vertical-partitioning.scalelab");
        const auto base = simulate(design, 5, 30);
        model::Architecture slowOrders = design;
        set(slowOrders, "order-db", "write_time_ms", 400);
        const auto slow = simulate(slowOrders, 5, 30);
        QVERIFY2(block(slow, "orders").latency.p95Ms > 300,
                 qPrintable(figure("checkout p95 ms", block(slow, "orders").latency.p95Ms, 460)));
        QVERIFY(block(base, "orders").latency.p95Ms < 100);
        for (const char* isolated : {"products", "accounts", "product-db", "user-db"})
            QVERIFY2(std::abs(block(slow, isolated).latency.p95Ms - block(base, isolated).latency.p95Ms) < 1,
                     qPrintable(QString("%1 p95 moved from %2 to %3 ms").arg(isolated)
                                    .arg(block(base, isolated).latency.p95Ms).arg(block(slow, isolated).latency.p95Ms)));
    }
};

QTEST_APPLESS_MAIN(ScalingExampleClaimsTest)
#include "ScalingExampleClaimsTest.moc"
