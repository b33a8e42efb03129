// Serverless functions: throttling at the concurrency limit is an Erlang
// loss system, cold starts come with new containers only, and a container
// reclaimed after keep-warm makes every sparse request cold.
#include "SimTestSupport.h"
#include "analysis/Queueing.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Architecture clientAndFunction(double rateRps, model::Block function)
{
    model::Architecture design;
    design.blocks = {patientClient("client", rateRps), function};
    design.links = {wire("client", function.id)};
    return design;
}

model::Block function(int limit, double executionMs, double coldStartMs, double keepWarmS)
{
    model::Block block = model::makeBlock("serverless", "fn");
    block.params["concurrency_limit"] = limit;
    block.params["execution_time_ms"] = executionMs;
    block.params["cold_start_ms"] = coldStartMs;
    block.params["keep_warm_s"] = keepWarmS;
    return block;
}

} // namespace

class ServerlessTest : public QObject {
    Q_OBJECT

private slots:
    void throttling_at_the_concurrency_limit_is_erlang_b()
    {
        // 1,000 rps x 100 ms = 100 erlangs offered to 100 containers. Once
        // all are warm (keep-warm longer than the run), busy containers are
        // an M/G/c/c system: the share refused is Erlang B, whatever the
        // execution-time distribution (exponential here).
        std::vector<double> shares;
        for (uint64_t seed = 1; seed <= 10; ++seed) {
            const auto snap = simulate(clientAndFunction(1000, function(100, 100, 400, 86'400)), 5, 20, seed);
            shares.push_back(double(snap.errors[sim::Outcome::RateLimited]) / double(snap.requests));
        }
        const double theory = analysis::erlangB(100, 100);
        const auto share = stats::batchMeansInterval(shares, kConfidence);
        QVERIFY2(share.contains(theory), qPrintable(describe("throttled share", theory, share)));
    }

    void warm_containers_are_reused_and_cold_starts_are_rare()
    {
        // 100 rps x 100 ms = 10 erlangs. In the first second every request
        // is cold (500 ms), so about 50 containers boot; after that the warm
        // pool exceeds any later peak (Poisson(10) beyond 50 is ~1e-16) and
        // a minute of traffic starts nothing cold.
        const auto snap = simulate(clientAndFunction(100, function(1000, 100, 400, 600)), 5, 60);
        const auto& fn = block(snap, "fn");
        QCOMPARE(fn.extras.at("cold_starts"), 0.0);
        QVERIFY2(fn.extras.at("warm_containers") > 20, qPrintable(QString::number(fn.extras.at("warm_containers"))));
        QCOMPARE(fn.extras.at("throttled"), 0.0);
    }

    void without_keep_warm_every_request_starts_cold()
    {
        model::Block fn = function(1000, 100, 400, 0);
        fn.params["service_cv"] = 0;
        const auto snap = simulate(clientAndFunction(50, fn), 2, 30);
        const auto& served = block(snap, "fn");
        QCOMPARE(served.extras.at("cold_start_ratio"), 1.0);
        // Every request pays cold start + execution: 500 ms (histogram error 0.4%).
        QVERIFY2(std::abs(served.latency.meanMs - 500) < 500 * 0.004,
                 qPrintable(QString::number(served.latency.meanMs)));
        // And costs by use: 50 rps x (0.2 $/M + 0.1 s x 0.5 GB x 0.0000166667 $/GB-s), per hour.
        const double expected = 3600 * 50 * (0.20 / 1e6 + 0.1 * 0.5 * 0.0000166667);
        const double measured = served.costPerHour;
        QVERIFY2(std::abs(measured - expected) < expected * 3.29 / std::sqrt(50.0 * 30),
                 qPrintable(QString("%1 vs %2 $/h").arg(measured).arg(expected)));
    }
};

QTEST_APPLESS_MAIN(ServerlessTest)
#include "ServerlessTest.moc"
