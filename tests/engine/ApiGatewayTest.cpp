// The API gateway (seed 04, "Layer 4 vs Layer 7"): a Layer 7 router that
// reads each request's route and sends it to the service that owns it,
// paying TLS termination and an auth check on its own cores. Checked:
//  - each service receives its route's share of the requests: a Poisson
//    stream thinned by the shares, so within 3.29 Poisson deviations;
//  - the gateway's deterministic overhead moves the median by exactly its
//    length against a Layer 4 balancer (the median request does not wait
//    for a core at 38% busy), within the histogram's 1% resolution;
//  - the planner routes the same shares, and the validator refuses a
//    route to a block the gateway does not link to.
#include "SimTestSupport.h"

#include "analysis/NetworkModel.h"
#include "model/Validator.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kZ = 3.29;
constexpr double kRate = 2000;
const char* const kRoutes = "GET /feed -> feed: 70, POST /posts -> posts: 20, /auth -> auth: 10";

// Users -> front (a gateway, or a Layer 4 balancer) -> three services of deterministic 5 ms work.
model::Architecture microservices(bool gateway)
{
    model::Architecture design;
    design.blocks.push_back(patientClient("users", kRate));
    model::Block front = model::makeBlock(gateway ? "api_gateway" : "load_balancer", "front");
    if (gateway) {
        front.texts["routes"] = kRoutes;
        front.params["instances"] = 2;
        front.params["workers"] = 4;
        front.params["tls_ms"] = 0.5;
        front.params["auth_ms"] = 1;
        front.params["service_cv"] = 0;
    } else {
        front.params["overhead_ms"] = 0;
    }
    design.blocks.push_back(front);
    design.links.push_back(wire("users", "front"));
    for (const char* id : {"feed", "posts", "auth"}) {
        design.blocks.push_back(service(id, 1, 256, 5, 0));
        design.links.push_back(wire("front", id));
    }
    return design;
}

} // namespace

class ApiGatewayTest : public QObject {
    Q_OBJECT

private slots:
    void each_service_gets_its_routes_share()
    {
        const double seconds = 30;
        const stats::Snapshot snap = simulate(microservices(true), 2, seconds, 11);
        const std::map<std::string, double> shares = {{"feed", 0.7}, {"posts", 0.2}, {"auth", 0.1}};
        for (const auto& [id, share] : shares) {
            const double rate = double(block(snap, id).arrivals) / snap.measuredSeconds;
            const double tolerance = kZ * std::sqrt(share * kRate * seconds) / seconds;
            QVERIFY2(std::abs(rate - share * kRate) < tolerance,
                     qPrintable(measuredAgainst((id + " rps").c_str(), rate, share * kRate, tolerance)));
        }
        QCOMPARE(snap.errors.total(), uint64_t(0));
    }

    void gateway_overhead_adds_to_the_median()
    {
        const stats::Snapshot layer7 = simulate(microservices(true), 2, 20, 12);
        const stats::Snapshot layer4 = simulate(microservices(false), 2, 20, 12);
        QVERIFY2(std::abs(layer4.latency.p50Ms - 5) < 0.05, qPrintable(measuredAgainst("Layer 4 p50 ms", layer4.latency.p50Ms, 5, 0.05)));
        const double added = layer7.latency.p50Ms - layer4.latency.p50Ms;
        const double tolerance = 0.01 * layer7.latency.p50Ms + 0.01 * layer4.latency.p50Ms;
        QVERIFY2(std::abs(added - 1.5) < tolerance, qPrintable(measuredAgainst("p50 added by TLS + auth, ms", added, 1.5, tolerance)));
        // Its cores: 2,000 requests x 1.5 ms on 2 x 4 cores.
        const double busy = kRate * 0.0015 / 8;
        QVERIFY2(std::abs(block(layer7, "front").utilization - busy) < 0.02,
                 qPrintable(measuredAgainst("gateway busy", block(layer7, "front").utilization, busy, 0.02)));
    }

    void plan_routes_the_same_shares()
    {
        const analysis::NetworkPlan plan = analysis::planNetwork(microservices(true));
        QVERIFY(std::abs(plan.find("feed")->arrivalRps() - 0.7 * kRate) < 1e-6);
        QVERIFY(std::abs(plan.find("posts")->arrivalRps() - 0.2 * kRate) < 1e-6);
        QVERIFY(std::abs(plan.find("auth")->arrivalRps() - 0.1 * kRate) < 1e-6);
        const analysis::BlockPlan* front = plan.find("front");
        QVERIFY(std::abs(front->utilization - kRate * 0.0015 / 8) < 1e-9);
        QVERIFY2(front->responseMs >= 6.5 && front->responseMs < 6.6, qPrintable(QString::number(front->responseMs)));
    }

    void without_routes_the_links_share_by_weight()
    {
        model::Architecture design = microservices(true);
        design.findBlock("front")->texts["routes"] = "";
        design.links[1].params["weight"] = 2; // feed: 2 of 4
        const double seconds = 20;
        const stats::Snapshot snap = simulate(design, 2, seconds, 13);
        const double rate = double(block(snap, "feed").arrivals) / snap.measuredSeconds;
        const double tolerance = kZ * std::sqrt(0.5 * kRate * seconds) / seconds;
        QVERIFY2(std::abs(rate - 0.5 * kRate) < tolerance, qPrintable(measuredAgainst("feed rps", rate, 0.5 * kRate, tolerance)));
    }

    void a_route_to_an_unlinked_block_is_an_error()
    {
        model::Architecture design = microservices(true);
        design.findBlock("front")->texts["routes"] = "GET /feed -> feed: 70, /billing -> billing: 30";
        const auto problems = model::validate(design);
        QVERIFY(model::hasErrors(problems));
        bool named = false, unused = false;
        for (const model::Problem& problem : problems) {
            named = named || (problem.message.find("\"billing\"") != std::string::npos &&
                              problem.path == "blocks[1].params.routes");
            unused = unused || (problem.severity == model::Problem::Severity::Warning &&
                                problem.message.find("\"posts\"") != std::string::npos);
        }
        QVERIFY2(named, "no error names the unlinked route target and the routes parameter");
        QVERIFY2(unused, "no warning says posts gets no traffic");
        design.findBlock("front")->texts["routes"] = "GET feed -> feed: 70";
        QVERIFY(model::hasErrors(model::validate(design)));
    }
};

QTEST_APPLESS_MAIN(ApiGatewayTest)
#include "ApiGatewayTest.moc"
