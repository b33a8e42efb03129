// The grader: a goal's verdict falls on the right side of its bound for a
// design whose figure is known from queueing theory (M/M/1), the interval
// across replications covers that value, the challenge's traffic, load
// settings and load faults are what runs (the design's own faults are not),
// and the structural goal names the blocks of kinds not allowed.
#include "SimTestSupport.h"
#include "analysis/Grader.h"
#include "stats/ConfidenceInterval.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using testing::patientClient;
using testing::service;
using testing::wire;

namespace {

constexpr double kRate = 50;      // rps
constexpr double kServiceMs = 10; // M/M/1 at utilisation 0.5

// The sojourn time of M/M/1 is exponential with rate mu - lambda, so its
// 95th percentile is -ln(0.05) / (mu - lambda).
double mm1P95Ms()
{
    return -std::log(0.05) / (1000.0 / kServiceMs - kRate) * 1000.0;
}

model::Architecture mm1(std::vector<model::Goal> goals, int replications = 6)
{
    model::Architecture design;
    design.blocks = {patientClient("users", kRate), service("app", 1, 1, kServiceMs, 1)};
    design.links = {wire("users", "app")};
    model::Challenge challenge;
    challenge.title = "M/M/1";
    challenge.durationS = 60;
    challenge.warmupS = 10;
    challenge.replications = replications;
    challenge.goals = std::move(goals);
    design.challenge = challenge;
    return design;
}

model::Goal goal(const std::string& metric, std::optional<double> min, std::optional<double> max,
                 std::vector<std::string> loads = {})
{
    return {model::Check{metric, min, max, ""}, std::move(loads)};
}

const analysis::GoalResult& row(const analysis::GradeResult& result, const std::string& metric, const std::string& load)
{
    for (const auto& r : result.rows)
        if (r.metric == metric && r.load == load)
            return r;
    throw std::runtime_error("no row " + metric + " / " + load);
}

} // namespace

class GraderTest : public QObject {
    Q_OBJECT

private slots:
    void mm1_verdict_falls_on_the_right_side_of_the_bound()
    {
        const double theory = mm1P95Ms();
        const auto result = analysis::grade(mm1({goal("p95_ms", {}, theory * 1.3), goal("p95_ms", {}, theory * 0.7),
                                                 goal("p95_ms", theory * 0.7, {})}));
        QCOMPARE(result.rows.size(), size_t(3));
        QVERIFY(result.rows[0].pass);
        QVERIFY(!result.rows[1].pass);
        QVERIFY(result.rows[2].pass);
        QCOMPARE(result.passed(), 2);
        QCOMPARE(result.scorePercent(), 200.0 / 3.0);
        QVERIFY(!result.allPassed());

        // The 95% interval across 6 replications, widened to 99.9% so that
        // the check fails for a biased figure, not for an unlucky seed.
        const analysis::GoalResult& p95 = result.rows[0];
        const double widen = stats::studentTQuantile(0.9995, 5) / stats::studentTQuantile(0.975, 5);
        QVERIFY2(std::abs(p95.mean - theory) <= p95.halfWidth * widen,
                 qPrintable(QString("p95 %1 ± %2 ms, theory %3 ms").arg(p95.mean).arg(p95.halfWidth).arg(theory)));
        QVERIFY(p95.halfWidth > 0);
        QVERIFY(std::isfinite(result.costPerMonth.mean) && result.costPerMonth.mean > 0);
    }

    void traffic_and_load_settings_override_the_design()
    {
        model::Architecture design =
            mm1({goal("throughput_rps", kRate * 1.6, kRate * 2.4, {"stated"}), goal("throughput_rps", 250, 350, {"triple"})}, 3);
        design.blocks[1].params["workers"] = 8; // room for the heavier loads
        design.challenge->traffic = {{"users.rate_rps", 2 * kRate}};
        design.challenge->loads = {{"triple", true, {{"users.rate_rps", 300}}, {}}};
        const auto result = analysis::grade(design);
        QVERIFY2(row(result, "throughput_rps", "stated").pass, qPrintable(QString::number(result.rows[0].mean)));
        const auto& triple = row(result, "throughput_rps", "triple");
        QVERIFY2(triple.pass, qPrintable(QString::number(triple.mean)));
        QVERIFY(triple.hidden);
        QVERIFY(!row(result, "throughput_rps", "stated").hidden);
    }

    void only_the_loads_faults_strike()
    {
        model::Architecture design = mm1({goal("error_rate", {}, 0.01)}, 3);
        // The student's own fault would crash the only instance: grading ignores it.
        design.faults = {{1, "crash", "app", "", "", 1, 0}};
        design.challenge->loads = {{"crash", false, {}, {{5, "crash", "app", "", "", 1, 0}}}};
        const auto result = analysis::grade(design);
        QVERIFY(row(result, "error_rate", "stated").pass);
        const auto& crashed = row(result, "error_rate", "crash");
        QVERIFY2(!crashed.pass && crashed.mean > 0.5, qPrintable(QString::number(crashed.mean)));
        // Hints are only for loads where a goal failed.
        for (const auto& hint : result.hints)
            QCOMPARE(hint.load, std::string("crash"));
    }

    void allowed_kinds_name_the_offending_blocks()
    {
        model::Architecture design = mm1({goal("p95_ms", {}, 1000)}, 2);
        design.blocks.push_back(model::makeBlock("load_balancer", "lb", "Front door"));
        design.links = {wire("users", "lb"), wire("lb", "app")};
        design.challenge->durationS = 5;
        design.challenge->allowedKinds = {"client", "service"};
        auto result = analysis::grade(design);
        const auto& kinds = row(result, "allowed_kinds", "stated");
        QVERIFY(!kinds.pass);
        QVERIFY2(kinds.detail.find("Front door (load_balancer)") != std::string::npos, kinds.detail.c_str());
        QVERIFY(!result.allPassed());

        design.challenge->allowedKinds.push_back("load_balancer");
        result = analysis::grade(design);
        QVERIFY(row(result, "allowed_kinds", "stated").pass);
        QVERIFY(result.allPassed());
    }

    void progress_counts_every_run_and_cancel_stops()
    {
        model::Architecture design = mm1({goal("p95_ms", {}, 1000)}, 3);
        design.challenge->durationS = 5;
        design.challenge->loads = {{"again", false, {}, {}}};
        std::atomic<int> last{0}, totalSeen{0};
        analysis::GradeOptions options;
        options.threads = 2;
        options.progress = [&](int done, int total) {
            last = std::max(last.load(), done);
            totalSeen = total;
        };
        const auto result = analysis::grade(design, options);
        QCOMPARE(totalSeen.load(), 6);
        QCOMPARE(last.load(), 6);
        QVERIFY(!result.cancelled);

        std::atomic<bool> cancel{true};
        options.cancel = &cancel;
        QVERIFY(analysis::grade(design, options).cancelled);
    }

    void a_design_without_a_challenge_is_refused()
    {
        model::Architecture design = mm1({}, 2);
        design.challenge.reset();
        QVERIFY_THROWS_EXCEPTION(analysis::GradeError, analysis::grade(design));
        design = mm1({goal("p95_ms", {}, 1000)}, 2);
        design.challenge->traffic = {{"gone.rate_rps", 1}};
        QVERIFY_THROWS_EXCEPTION(analysis::GradeError, analysis::grade(design));
    }

    // The stated traffic sets users.rate_rps: a student who replaced the
    // client with a block of another kind under the same id is told so,
    // not graded on a design that ignores the traffic.
    void a_driven_block_replaced_by_another_kind_is_refused()
    {
        model::Architecture design = mm1({goal("p95_ms", {}, 1000)}, 2);
        design.challenge->traffic = {{"users.rate_rps", kRate}};
        design.blocks[0] = service("users", 1, 1, kServiceMs, 1);
        try {
            analysis::grade(design);
            QFAIL("graded a design whose driven client is gone");
        } catch (const analysis::GradeError& error) {
            const QString message = error.what();
            QVERIFY2(message.contains(R"(a service has no parameter "rate_rps")") && message.contains("put it back"),
                     qPrintable(message));
        }
    }
};

QTEST_APPLESS_MAIN(GraderTest)
#include "GraderTest.moc"
