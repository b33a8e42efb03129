// The two bundled examples of write-behind batching and connection pools
// say what a learner will see ("about 88/s", "a quarter of calls fail with
// pool_timeout"): each figure their what-to-try states is checked here on
// the file itself, so an engine change that makes the text false fails.
// "About" is read as the stated figure being within a band derived from
// the theory it rounds (Poisson counts to 3.29 sigma, Erlang C for the
// pool), or, for figures with no closed form (M/G/c tails), within 15%.
#include "ClaimChecks.h"
#include "analysis/Queueing.h"
#include "core/FigureNames.h"
#include "io/ScenarioFile.h"
#include "model/Registry.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

double share(const stats::BlockSnapshot& app, const char* name)
{
    const double asked = app.extras.at(figures::kPoolCalls) + app.extras.at(figures::kPoolTimeouts);
    return app.extras.at(name) / asked;
}

} // namespace

class WriteBehindAndPoolExamplesTest : public QObject {
    Q_OBJECT

private slots:
    void write_behind_example_does_what_it_says()
    {
        const model::Architecture design = example("write-behind-batching.scalelab");
        // 2,000 rps: 1,600 reads (5% miss: 80/s) and 400 writes in batches of 50 (8/s).
        const auto batched = simulate(design, 10, 60);
        VERIFY_RATE(batched, "db", 88);
        // The crash at 45 s lost what the batch held: 0 to 49.
        const double lost = block(batched, "redis").extras.at(figures::kLostWrites);
        QVERIFY2(lost >= 0 && lost <= 49, qPrintable(QString::number(lost)));
        QCOMPARE(logged(batched, "redis crashed: ").size(), size_t(1));
        const double p95Behind = batched.latency.p95Ms;
        VERIFY_WITHIN("p95 ms", p95Behind, 19, 0.15);

        model::Architecture single = design;
        single.findBlock("redis")->params["write_batch_size"] = 1;
        const auto alone = simulate(single, 10, 60);
        VERIFY_RATE(alone, "db", 480);
        // (80 x 5 ms + 400 x 20 ms) / 10 workers = 84% busy.
        VERIFY_NEAR("db utilisation", block(alone, "db").utilization, 0.84, 0.03);

        model::Architecture through = design;
        through.findBlock("redis")->params["strategy"] = model::choiceValue("cache", "strategy", "write_through");
        const double p95Through = simulate(through, 10, 60).latency.p95Ms;
        VERIFY_WITHIN("p95 ms", p95Through, 50, 0.15);

        // Batches closed by a 100 ms timer at 400 writes/s: 1 + 40 rows.
        model::Architecture timed = design;
        timed.findBlock("redis")->params["flush_interval_ms"] = 100;
        timed.findBlock("redis")->params["write_batch_size"] = 1000;
        const auto timer = simulate(timed, 10, 60);
        const auto& redis = block(timer, "redis");
        const double rows = redis.extras.at("downstream_writes") / redis.extras.at("downstream_batches");
        VERIFY_NEAR("rows per batch", rows, 41, 1);
    }

    void connection_pool_example_does_what_it_says()
    {
        const model::Architecture design = example("connection-pool-timeout.scalelab");
        auto withPool = [&](int size) {
            model::Architecture changed = design;
            for (auto& link : changed.links)
                if (link.from == "app" && link.to == "db")
                    link.params["pool_size"] = size;
            return simulate(changed, 10, 120);
        };
        // 500 queries/s per instance, 16 ms each on 10 connections: Erlang C
        // says 41% wait, 3.3 ms on average (the 15 ms query is exponential,
        // the 1 ms round trip is not: a little less in the simulation).
        const auto ten = simulate(design, 10, 120);
        const auto& app = block(ten, "app");
        const double erlangC = analysis::erlangC(8, 10);
        VERIFY_NEAR("share waited (Erlang C)", share(app, figures::kPoolWaited), erlangC, 0.05);
        VERIFY_NEAR("pool wait ms", app.extras.at(figures::kPoolWaitMeanMs), 3, 0.5);
        QCOMPARE(app.extras.at(figures::kPoolTimeouts), 0.0);

        const auto eight = block(withPool(8), "app");
        VERIFY_WITHIN("pool wait ms", eight.extras.at(figures::kPoolWaitMeanMs), 50, 0.3);
        QVERIFY(eight.extras.at(figures::kPoolTimeouts) > 0);

        // 375 of 500 queries/s: M/M/6+D with a 100 ms patience loses 25.2%.
        const auto six = block(withPool(6), "app");
        const double lost = analysis::mmcDeterministicPatience(500, 1000.0 / 16, 6, 0.1).probabilityOfTimeout;
        VERIFY_NEAR("M/M/6+D timeout share", lost, 0.25, 0.02);
        VERIFY_NEAR("share timed out", share(six, figures::kPoolTimeouts), lost, 0.02);

        const auto twenty = block(withPool(20), "app");
        QVERIFY2(share(twenty, figures::kPoolWaited) < 0.001, qPrintable(QString::number(share(twenty, figures::kPoolWaited))));
    }
};

QTEST_APPLESS_MAIN(WriteBehindAndPoolExamplesTest)
#include "WriteBehindAndPoolExamplesTest.moc"
