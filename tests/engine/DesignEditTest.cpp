// model::DesignEdit, the one form in which the editor's parameter edits reach
// a design and a running simulator: applied to an Architecture it checks the
// registry and either changes exactly one value or refuses with a message
// that names what was wrong, leaving the design untouched; applied through
// sim::Simulator::apply it changes the running blocks and the simulator's
// own architecture without restarting the clock.
#include "model/DesignEdit.h"
#include "run/Simulator.h"

#include <QTest>

using namespace scalelab;
using Edit = model::DesignEdit;

namespace {

// Users -> svc (3 instances), with a ramp-capable client.
model::Architecture design()
{
    model::Architecture a;
    model::Block users = model::makeBlock("client", "users", "Users");
    users.params["rate_rps"] = 200;
    model::Block svc = model::makeBlock("service", "svc", "Service");
    svc.params["instances"] = 3;
    a.blocks = {users, svc};
    a.links = {model::makeLink("users", "svc")};
    return a;
}

const stats::BlockSnapshot& blockOf(const stats::Snapshot& snapshot, const std::string& id)
{
    for (const auto& block : snapshot.blocks)
        if (block.id == id)
            return block;
    throw std::logic_error("no block " + id + " in the snapshot");
}

// Applies `edit` to a fresh design and expects it refused with a message
// containing `expected`, and the design left as it was.
void expectRefused(const Edit& edit, const std::string& expected)
{
    model::Architecture edited = design();
    const std::string refusal = edit.applyTo(edited);
    QVERIFY2(refusal.find(expected) != std::string::npos,
             qPrintable(QString::fromStdString(edit.describe() + ": expected a refusal containing \"" + expected
                                               + "\", got \"" + refusal + "\"")));
    QVERIFY2(edited == design(), qPrintable(QString::fromStdString(edit.describe() + " was refused but changed the design")));
}

} // namespace

class DesignEditTest : public QObject {
    Q_OBJECT
private slots:
    void each_kind_of_edit_changes_exactly_its_value()
    {
        model::Architecture edited = design();
        const Edit param{Edit::SetBlockParam{"svc", "instances", 5}};
        const Edit text{Edit::SetBlockText{"users", "ramp_stages", "10s:100, 20s:300"}};
        const Edit link{Edit::SetLinkParam{"users", "svc", "latency_ms", 7}};
        QCOMPARE(param.applyTo(edited), std::string());
        QCOMPARE(text.applyTo(edited), std::string());
        QCOMPARE(link.applyTo(edited), std::string());

        model::Architecture expected = design();
        expected.blocks[1].params["instances"] = 5;
        expected.blocks[0].texts["ramp_stages"] = "10s:100, 20s:300";
        expected.links[0].params["latency_ms"] = 7;
        QVERIFY2(edited == expected, "the three edits must change those three values and nothing else");
    }

    void unknown_block_or_link_is_refused()
    {
        expectRefused(Edit{Edit::SetBlockParam{"nope", "instances", 2}}, "no block with id \"nope\"");
        expectRefused(Edit{Edit::SetBlockText{"nope", "ramp_stages", "10s:1"}}, "no block with id \"nope\"");
        expectRefused(Edit{Edit::SetLinkParam{"nope", "svc", "latency_ms", 1}}, "no block with id \"nope\"");
        expectRefused(Edit{Edit::SetLinkParam{"svc", "users", "latency_ms", 1}}, "no link svc -> users");
    }

    void unknown_parameter_is_refused()
    {
        expectRefused(Edit{Edit::SetBlockParam{"svc", "no_such", 1}}, "a service has no numeric parameter \"no_such\"");
        // A text parameter is not numeric, and a numeric one is not text.
        expectRefused(Edit{Edit::SetBlockParam{"users", "ramp_stages", 1}},
                      "a client has no numeric parameter \"ramp_stages\"");
        expectRefused(Edit{Edit::SetBlockText{"svc", "instances", "4"}}, "a service has no text parameter \"instances\"");
        expectRefused(Edit{Edit::SetLinkParam{"users", "svc", "no_such", 1}}, "links have no parameter \"no_such\"");
    }

    void value_outside_the_registry_rule_is_refused()
    {
        expectRefused(Edit{Edit::SetBlockParam{"svc", "instances", 0}}, "svc.instances: must be");
        expectRefused(Edit{Edit::SetBlockParam{"svc", "instances", 2.5}}, "svc.instances: must be a whole number");
        expectRefused(Edit{Edit::SetBlockText{"users", "ramp_stages", "soon:lots"}}, "users.ramp_stages: ");
        expectRefused(Edit{Edit::SetLinkParam{"users", "svc", "probability", 2}}, "users->svc.probability: must be");
    }

    void simulator_applies_an_edit_without_restarting()
    {
        sim::Simulator simulator(design(), 7);
        simulator.runUntil(sim::fromSeconds(2));
        QCOMPARE(blockOf(simulator.snapshot(), "svc").instances, 3);

        const Edit param{Edit::SetBlockParam{"svc", "instances", 5}};
        const Edit link{Edit::SetLinkParam{"users", "svc", "latency_ms", 3}};
        const Edit text{Edit::SetBlockText{"users", "ramp_stages", "10s:100"}};
        QCOMPARE(simulator.apply(param), std::string());
        QCOMPARE(simulator.apply(link), std::string());
        QCOMPARE(simulator.apply(text), std::string());
        QCOMPARE(simulator.now(), sim::fromSeconds(2));
        simulator.runUntil(sim::fromSeconds(3));
        const stats::Snapshot snapshot = simulator.snapshot();
        QCOMPARE(blockOf(snapshot, "svc").instances, 5);
        QVERIFY2(snapshot.requests > 400, "the run must go on from 2 s with the traffic of the first two seconds");

        // The simulator's architecture is the run's one copy of the design: it has every edit.
        model::Architecture expected = design();
        expected.blocks[1].params["instances"] = 5;
        expected.links[0].params["latency_ms"] = 3;
        expected.blocks[0].texts["ramp_stages"] = "10s:100";
        QVERIFY2(simulator.architecture() == expected, "Simulator::architecture() must hold the applied edits");
    }

    void simulator_refusal_changes_nothing()
    {
        sim::Simulator simulator(design(), 7);
        simulator.runUntil(sim::fromSeconds(1));
        const std::string refusal = simulator.apply({Edit::SetBlockParam{"svc", "instances", 0}});
        QVERIFY2(refusal.rfind("svc.instances: ", 0) == 0, qPrintable(QString::fromStdString(refusal)));
        QVERIFY2(simulator.architecture() == design(), "a refused edit must leave the simulator's design as it was");
        simulator.runUntil(sim::fromSeconds(2));
        QCOMPARE(blockOf(simulator.snapshot(), "svc").instances, 3);
    }
};

QTEST_APPLESS_MAIN(DesignEditTest)
#include "DesignEditTest.moc"
