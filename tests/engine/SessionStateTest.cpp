// Where a service keeps its users' login sessions (service.sessions).
// In the instances' memory (in_instance) a crash logs out the users whose
// sessions the dead instance held, and a balancer that is not sticky sends
// users to instances that never saw their session; in a shared store
// (shared_store, a cache block read on every request) nothing is lost.
// Expected figures come from the model: N users hashed over k instances put
// N/k sessions on each (binomially), a user has logged in by time t with
// probability 1 - exp(-rate t / N) (uniform keys, Poisson arrivals), and a
// round-robin request lands on its user's instance with probability 1/k.
#include "SimTestSupport.h"
#include "core/FigureNames.h"
#include "io/ScenarioFile.h"
#include "model/Choices.h"
#include "model/Validator.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kRate = 400, kUsers = 2000, kCrashS = 20;
constexpr int kInstances = 4;

// users -> lb -> app (4 instances, sessions as given), one instance crashing at 20 s.
using Sessions = model::SessionState;
using Algorithm = model::BalancerAlgorithm;

template <typename E>
double choice(E value)
{
    return static_cast<double>(static_cast<int>(value));
}

model::Architecture design(Sessions sessions, Algorithm algorithm, bool crash = true)
{
    model::Architecture d;
    model::Block users = patientClient("users", kRate);
    users.params["key_space"] = kUsers;
    users.params["key_skew"] = 0;
    model::Block lb = model::makeBlock("load_balancer", "lb");
    lb.params["algorithm"] = choice(algorithm);
    lb.params["retry_next_upstream"] = 0; // one landing per request: the figures below count landings
    model::Block app = service("app", kInstances, 8, 20, 1, 100);
    app.params["sessions"] = choice(sessions);
    d.blocks = {users, lb, app};
    d.links = {wire("users", "lb", 1), wire("lb", "app", 0.5)};
    if (sessions == Sessions::SharedStore) {
        model::Block redis = model::makeBlock("cache", "redis");
        redis.params["hit_ratio"] = 1;
        d.blocks.push_back(redis);
        d.links.push_back(wire("app", "redis", 0.5));
    }
    if (crash)
        d.faults.push_back({kCrashS, "crash", "app", {}, {}, 1, 0});
    return d;
}

double extra(const stats::Snapshot& snap, const char* id, const char* name)
{
    const auto& extras = block(snap, id).extras;
    const auto found = extras.find(name);
    return found == extras.end() ? std::nan("") : found->second;
}

// Sessions a crash at `crashS` takes from 1 of k instances, and 4 sigma of
// its binomial spread: each of N users logged in (1 - e^{-rate t/N}) and
// hashed to the crashed instance (1/k).
std::pair<double, double> expectedLost(double crashS)
{
    const double p = (1.0 / kInstances) * (1 - std::exp(-kRate * crashS / kUsers));
    return {kUsers * p, 4 * std::sqrt(kUsers * p * (1 - p))};
}

} // namespace

class SessionStateTest : public QObject {
    Q_OBJECT

private slots:
    void crash_logs_out_the_users_of_the_dead_instance()
    {
        const auto snap = simulate(design(Sessions::InInstance, Algorithm::IpHash), 10, 30);
        const auto [expected, tolerance] = expectedLost(kCrashS);
        const double lost = extra(snap, "app", figures::kSessionsLost);
        QVERIFY2(std::abs(lost - expected) < tolerance,
                 qPrintable(QString("sessions lost %1, expected %2 +/- %3 (a quarter of the users logged in by 20 s)")
                                .arg(lost).arg(expected).arg(tolerance)));
        const auto entries = logged(snap, "app #4 crashed with " + std::to_string(std::lround(lost)) + " sessions");
        QVERIFY2(entries.size() == 1, "the event log names the crash and the sessions it lost");
        // Sticky and no crash yet: nobody was logged out before 20 s, only after.
        QVERIFY2(extra(snap, "app", figures::kLoggedOut) <= lost, "only users of the dead instance are logged out");
    }

    void shared_store_loses_nothing_and_is_read_per_request()
    {
        const auto snap = simulate(design(Sessions::SharedStore, Algorithm::RoundRobin), 10, 30);
        QCOMPARE(extra(snap, "app", figures::kSessionsLost), 0.0);
        QCOMPARE(extra(snap, "app", figures::kLoggedOut), 0.0);
        QVERIFY2(std::isnan(extra(snap, "app", figures::kSessions)), "no session lives in an instance");
        // One session read per request that reached a live instance: the store's rate is the users' rate
        // less the quarter refused by the dead instance until the balancer's probes notice (~15 s of 30).
        const auto& app = block(snap, "app");
        const double reads = double(block(snap, "redis").arrivals);
        QVERIFY2(std::abs(reads - double(app.completed)) < 50, // calls in flight at either end of the measurement
                 qPrintable(QString("store reads %1, requests served %2").arg(reads).arg(app.completed)));
        const double seconds = snap.measuredSeconds;
        const double refused = double(app.errors.total());
        const double offered = kRate * seconds;
        QVERIFY2(std::abs(reads + refused - offered) < 3.29 * std::sqrt(offered),
                 qPrintable(QString("store reads %1 + refused %2, offered %3").arg(reads).arg(refused).arg(offered)));
    }

    void local_sessions_without_stickiness_log_users_out()
    {
        // Round robin: a request lands on its user's instance with probability 1/4, so 3 in 4 find the
        // user logged out, less the first visits (no session yet) of users not seen before.
        const auto snap = simulate(design(Sessions::InInstance, Algorithm::RoundRobin, false), 10, 30);
        const auto& app = block(snap, "app");
        const double landed = double(app.arrivals);
        const double rate = kRate / kUsers; // visits per user per second
        const double firstVisits = (std::exp(-rate * 10) - std::exp(-rate * 40)) / (rate * 30);
        const double p = 0.75 * (1 - firstVisits);
        const double share = extra(snap, "app", figures::kLoggedOut) / landed;
        QVERIFY2(std::abs(share - p) < 4 * std::sqrt(p * (1 - p) / landed),
                 qPrintable(QString("logged out %1 of requests, expected %2").arg(share).arg(p)));
        QCOMPARE(extra(snap, "app", figures::kSessionsLost), 0.0);
        // Every error is a logged-out user (a reply on the wire at the end of warm-up may straddle it).
        QVERIFY2(std::abs(double(snap.errors.total()) - extra(snap, "app", figures::kLoggedOut)) <= 2,
                 qPrintable(QString("errors %1, logged out %2").arg(snap.errors.total()).arg(extra(snap, "app", figures::kLoggedOut))));
    }

    void sticky_local_sessions_serve_everyone_without_a_crash()
    {
        const auto snap = simulate(design(Sessions::InInstance, Algorithm::IpHash, false), 10, 30);
        QCOMPARE(extra(snap, "app", figures::kLoggedOut), 0.0);
        QCOMPARE(double(snap.errors.total()), 0.0);
        const double held = extra(snap, "app", figures::kSessions);
        const double expected = kUsers * (1 - std::exp(-kRate * 40 / kUsers));
        QVERIFY2(std::abs(held - expected) < 4 * std::sqrt(expected),
                 qPrintable(QString("sessions held %1, expected %2").arg(held).arg(expected)));
    }

    void no_sessions_is_todays_behaviour()
    {
        const auto snap = simulate(design(Sessions::None, Algorithm::RoundRobin), 10, 30);
        QVERIFY2(std::isnan(extra(snap, "app", figures::kSessionsLost)), "no session figures when there are none");
        QVERIFY(std::isnan(extra(snap, "app", figures::kLoggedOut)));
    }

    void shared_store_needs_a_store()
    {
        model::Architecture d = design(Sessions::SharedStore, Algorithm::RoundRobin);
        QVERIFY(!model::hasErrors(model::validate(d)));
        d.links.pop_back(); // app -> redis
        bool named = false;
        for (const auto& problem : model::validate(d))
            named = named || (problem.severity == model::Problem::Severity::Error && problem.param == "sessions");
        QVERIFY2(named, "shared_store without a link to a cache is an error on the sessions parameter");
    }

    void local_sessions_behind_a_round_robin_balancer_warn()
    {
        const auto warned = [](const model::Architecture& d) {
            bool found = false;
            for (const auto& problem : model::validate(d))
                found = found || (problem.severity == model::Problem::Severity::Warning && problem.param == "sessions");
            return found;
        };
        QVERIFY2(warned(design(Sessions::InInstance, Algorithm::RoundRobin)), "not sticky: users get logged out");
        QVERIFY2(!warned(design(Sessions::InInstance, Algorithm::IpHash)), "ip hash is sticky");
        QVERIFY2(!warned(design(Sessions::SharedStore, Algorithm::RoundRobin)), "any instance reads the store");
    }

    void example_does_what_it_says()
    {
        const model::Architecture example =
            io::readScenario(SCALELAB_SOURCE_DIR "/resources/examples/session-state.scalelab");
        QVERIFY(!model::hasErrors(model::validate(example)));
        const auto snap = simulate(example, 10, 20); // "Run it for 30 s"
        // "about 500 sessions (a quarter of the 2,000 users)"
        const auto [expected, tolerance] = expectedLost(kCrashS);
        const double lost = extra(snap, "app-local", figures::kSessionsLost);
        QVERIFY2(std::abs(lost - expected) < tolerance && std::abs(lost - 500) < 0.1 * 500,
                 qPrintable(QString("app-local lost %1 sessions; the text says about 500").arg(lost)));
        QCOMPARE(logged(snap, "app-local #4 crashed with").size(), size_t(1));
        // "app-store loses 0 sessions ... about 400 reads/s"
        QCOMPARE(extra(snap, "app-store", figures::kSessionsLost), 0.0);
        const double reads = double(block(snap, "redis").arrivals) / snap.measuredSeconds;
        QVERIFY2(std::abs(reads - 400) < 0.1 * 400, qPrintable(QString("redis reads %1/s, the text says about 400").arg(reads)));
        // "set lb-local's algorithm to round_robin: 3 requests in 4 ... fail as logged out"
        model::Architecture roundRobin = example;
        roundRobin.faults.clear();
        roundRobin.findBlock("lb-local")->params["algorithm"] = choice(Algorithm::RoundRobin);
        const auto rr = simulate(roundRobin, 10, 20);
        const auto& users = block(rr, "users-local");
        const double requests = double(users.completed + users.errors.total());
        const double rate = kRate / kUsers;
        const double p = 0.75 * (1 - (std::exp(-rate * 10) - std::exp(-rate * 30)) / (rate * 20)); // less first visits
        const double share = double(users.errors.total()) / requests;
        QVERIFY2(std::abs(share - p) < 4 * std::sqrt(p * (1 - p) / requests),
                 qPrintable(QString("%1 of requests failed, expected %2 (3 in 4)").arg(share).arg(p)));
        QVERIFY2(extra(rr, "app-local", figures::kLoggedOut) >= users.errors.total(), "they failed as logged out");
    }
};

QTEST_APPLESS_MAIN(SessionStateTest)
#include "SessionStateTest.moc"
