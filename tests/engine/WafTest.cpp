// A rate limiter as a WAF against a DDoS flood (blocks/RateLimiterBlock.h):
// the share of attack traffic its signatures catch, the real users it
// blocks by mistake, what its per-source limit lets a botnet through, and
// the ddos-waf example's what-to-try.
//
// Tolerances: a count thinned by a fixed probability from a Poisson stream
// is Poisson, so 3.29 sqrt(count). A per-source token bucket flooded well
// above its rate admits rate x T plus what it held at the start minus what
// it holds at the end: with 25 requests a second against 5 tokens a second,
// a bucket holds a second token only when no request came for 0.2 s
// (probability e^-5), so two tokens per source bound the difference.
#include "SimTestSupport.h"
#include "analysis/NetworkModel.h"
#include "core/Outcome.h"
#include "io/ScenarioFile.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Architecture example()
{
    return io::readScenario(SCALELAB_SOURCE_DIR "/resources/examples/ddos-waf.scalelab");
}

double extra(const stats::Snapshot& snap, const char* id, const char* key)
{
    return block(snap, id).extras.at(key);
}

bool poissonClose(double count, double mean)
{
    return std::abs(count - mean) <= 3.29 * std::sqrt(mean);
}

QString figure(const char* what, double measured, double expected)
{
    return QString("%1: measured %2, expected %3").arg(what).arg(measured, 0, 'g', 6).arg(expected, 0, 'g', 6);
}

void set(model::Architecture& design, const char* id, const char* key, double value)
{
    design.findBlock(id)->params.at(key) = value;
}

constexpr double kSeconds = 20;

} // namespace

class WafTest : public QObject {
    Q_OBJECT

private slots:
    void detection_and_false_positives_thin_the_traffic()
    {
        // ddos-waf: 5,000 attack and 500 real requests a second; 90% of the
        // attack and 1% of the real ones are blocked by signature. Each bot
        // then sends 2.5 a second against its limit of 5: the limit takes
        // (almost) nothing more.
        const model::Architecture design = example();
        const auto snap = simulate(design, 5, kSeconds, 7);
        const double attack = 5000 * kSeconds, real = 500 * kSeconds;
        QVERIFY2(poissonClose(extra(snap, "waf", "passed_attack"), attack * 0.1),
                 qPrintable(figure("passed attack", extra(snap, "waf", "passed_attack"), attack * 0.1)));
        QVERIFY2(poissonClose(extra(snap, "waf", "blocked_attack"), attack * 0.9),
                 qPrintable(figure("blocked attack", extra(snap, "waf", "blocked_attack"), attack * 0.9)));
        QVERIFY2(poissonClose(extra(snap, "waf", "blocked_legit"), real * 0.01),
                 qPrintable(figure("blocked legit", extra(snap, "waf", "blocked_legit"), real * 0.01)));
        QVERIFY2(poissonClose(extra(snap, "waf", "passed_legit"), real * 0.99),
                 qPrintable(figure("passed legit", extra(snap, "waf", "passed_legit"), real * 0.99)));
        // The plan thins the traffic the same way (the per-key limit is not planned).
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        const double planned = plan.find("app")->arrivalRps();
        QCOMPARE(planned, 5000 * 0.1 + 500 * 0.99);
        QVERIFY2(poissonClose(double(block(snap, "app").arrivals), planned * kSeconds),
                 qPrintable(figure("app arrivals", double(block(snap, "app").arrivals), planned * kSeconds)));
    }

    void a_per_source_limit_caps_each_bot()
    {
        // No signatures: each of 200 bots gets 5 a second through, 1,000 in all.
        model::Architecture design = example();
        set(design, "waf", "attack_detection", 0);
        set(design, "waf", "false_positive_rate", 0);
        const auto snap = simulate(design, 5, kSeconds, 8);
        const double expected = 200 * 5 * kSeconds;
        QVERIFY2(std::abs(extra(snap, "waf", "passed_attack") - expected) <= 200 * 2,
                 qPrintable(figure("passed attack", extra(snap, "waf", "passed_attack"), expected)));
        // Real users (0.005 a second each) never reach their limit.
        QCOMPARE(extra(snap, "waf", "blocked_legit"), 0.0);
    }

    // The example's what-to-try, step by step.
    void ddos_example_claims()
    {
        const model::Architecture design = example();
        const auto base = simulate(design, 5, kSeconds, 1);
        const auto& users = block(base, "users");
        QVERIFY2(users.latency.p95Ms < 200, qPrintable(figure("users' p95 ms (SLO 200)", users.latency.p95Ms, 200)));
        // About a third busy: 995 requests x 20 ms / 64 workers = 31%.
        const double busy = (500 + 495) * 0.020 / 64;
        QVERIFY2(std::abs(block(base, "app").utilization - busy) < 0.02,
                 qPrintable(figure("app utilisation", block(base, "app").utilization, busy)));

        model::Architecture perSource = design;
        set(perSource, "waf", "attack_detection", 0);
        const auto limited = simulate(perSource, 5, kSeconds, 2);
        QVERIFY2(std::abs(extra(limited, "waf", "passed_attack") / kSeconds - 1000) <= 2 * 200 / kSeconds,
                 qPrintable(figure("passed attack /s (text: about 1,000)", extra(limited, "waf", "passed_attack") / kSeconds, 1000)));
        QVERIFY2(block(limited, "users").latency.p95Ms < 200,
                 qPrintable(figure("users' p95 ms", block(limited, "users").latency.p95Ms, 200)));

        model::Architecture open = perSource;
        set(open, "waf", "rate_rps", 1000);
        const auto flooded = simulate(open, 5, kSeconds, 3);
        QVERIFY2(block(flooded, "users").latency.p95Ms > 1000,
                 qPrintable(figure("users' p95 ms (text: past a second)", block(flooded, "users").latency.p95Ms, 1000)));
        QVERIFY(block(flooded, "app").utilization > 0.99);
        // Everything the saturated app cannot serve (3,200 of 5,495 a second) is rejected.
        const double rejected = double(flooded.errors[sim::Outcome::Rejected]) / double(flooded.requests);
        const double expectedShare = 1 - 3200.0 / 5500;
        QVERIFY2(std::abs(rejected - expectedShare) < 0.03,
                 qPrintable(figure("rejected share (text: about 40%)", rejected, expectedShare)));

        model::Architecture bigBotnet = perSource;
        set(bigBotnet, "botnet", "key_space", 100'000);
        const auto slipped = simulate(bigBotnet, 5, kSeconds, 4);
        QVERIFY(block(slipped, "app").utilization > 0.99);
        QVERIFY(block(slipped, "users").latency.p95Ms > 200);
        set(bigBotnet, "waf", "attack_detection", 0.9);
        const auto caught = simulate(bigBotnet, 5, kSeconds, 4);
        QVERIFY2(block(caught, "users").latency.p95Ms < 200,
                 qPrintable(figure("users' p95 ms with detection", block(caught, "users").latency.p95Ms, 200)));
    }
};

QTEST_APPLESS_MAIN(WafTest)
#include "WafTest.moc"
