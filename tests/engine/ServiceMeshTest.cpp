// A service mesh's sidecars: every crossing of a meshed instance's proxy
// adds its latency, in and out, so a chain of N meshed services pays 2N - 1
// crossings per request; the planner charges the same, and a live edit of
// the sidecar applies to the links in and out at once.
//
// The services work a fixed 4 ms (no variability) with workers to spare,
// so without queueing every request takes exactly the same time and the
// mean is the theory to within the histogram's rounding.
#include "ClaimChecks.h"
#include "analysis/NetworkModel.h"
#include "model/DesignEdit.h"
#include "model/ServiceMesh.h"

#include <QtTest>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kWorkMs = 4, kLinkMs = 1;
constexpr int kServices = 3;

model::Architecture chain(double sidecarMs)
{
    model::Architecture a;
    a.blocks = {patientClient("users", 100)};
    std::string previous = "users";
    for (int i = 1; i <= kServices; ++i) {
        const std::string id = "svc" + std::to_string(i);
        model::Block next = service(id, 2, 1000, kWorkMs, 0);
        next.params[model::kSidecarParam] = sidecarMs;
        a.blocks.push_back(next);
        a.links.push_back(wire(previous, id, kLinkMs));
        previous = id;
    }
    return a;
}

// Work plus the network there and back, before any sidecar.
constexpr double kBareMs = kServices * kWorkMs + 2 * kServices * kLinkMs;

} // namespace

class ServiceMeshTest : public QObject {
    Q_OBJECT

private slots:
    void each_crossing_of_a_sidecar_adds_its_latency()
    {
        constexpr double sidecar = 2;
        const double bare = simulate(chain(0), 2, 20).latency.meanMs;
        const double meshed = simulate(chain(sidecar), 2, 20).latency.meanMs;
        VERIFY_NEAR("mean without a mesh (ms)", bare, kBareMs, 0.05);
        VERIFY_NEAR("mean in a mesh (ms)", meshed, kBareMs + (2 * kServices - 1) * sidecar, 0.05);
    }

    void the_planner_charges_the_same_crossings()
    {
        constexpr double sidecar = 1.5;
        const analysis::NetworkPlan plan = analysis::planNetwork(chain(sidecar));
        VERIFY_NEAR("planned mean (ms)", plan.endToEndMs, kBareMs + (2 * kServices - 1) * sidecar, 1e-9);
    }

    void only_meshed_ends_pay()
    {
        // The client and a database outside the mesh have no sidecar.
        model::Architecture a = chain(3);
        const model::Link& in = a.links.front();
        QCOMPARE(model::linkLatencyMs(a, in), kLinkMs + 3.0 / 2);
        QCOMPARE(model::linkLatencyMs(a, a.links.back()), kLinkMs + 3.0);
    }

    void a_live_edit_moves_the_links_in_and_out()
    {
        // Only the middle service joins the mesh: its two crossings (in, out) cost 2 x 2.5 ms.
        const auto snap = simulate(chain(0), 2, 20, 1, 10, [](sim::Simulator& simulator) {
            QCOMPARE(simulator.apply(model::DesignEdit{model::DesignEdit::SetBlockParam{"svc2", model::kSidecarParam, 2.5}}),
                     std::string());
        });
        VERIFY_NEAR("mean after the edit (ms)", snap.latency.meanMs, kBareMs + 2 * 2.5, 0.05);
    }
};

QTEST_GUILESS_MAIN(ServiceMeshTest)
#include "ServiceMeshTest.moc"
