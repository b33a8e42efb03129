// The registry's promise (model/Registry.h): a block kind is its registry
// entry plus a behaviour class. Every kind the registry lists can be
// created, simulated, planned and faulted, has an icon, and its link rules
// say what the product has always allowed.
#include "SimTestSupport.h"

#include "analysis/NetworkModel.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"
#include "model/Validator.h"

#include <QFile>
#include <QtTest>

#include <map>
#include <set>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// The smallest design in which `kind` carries traffic: a client calls it
// (or it is the client; an autoscaler steers the service instead), and
// whatever it calls is a service.
model::Architecture designAround(const model::BlockSpec& spec)
{
    model::Architecture design;
    model::Block client = patientClient("users", 50);
    model::Block backend = service("backend", 2, 8, 5, 1);
    model::Block subject = model::makeBlock(spec.kind, "subject");
    if (spec.tier == model::Tier::Source) {
        design.blocks = {subject, backend};
        design.links = {wire("subject", "backend")};
        return design;
    }
    design.blocks = {client, subject, backend};
    if (spec.controlLinks)
        design.links = {wire("users", "backend"), wire("subject", "backend")};
    else if (spec.allowedTargets.empty())
        design.links = {wire("users", "subject"), wire("users", "backend")};
    else
        design.links = {wire("users", "subject"), wire("subject", "backend")};
    return design;
}

std::string problemsText(const std::vector<model::Problem>& problems)
{
    std::string text;
    for (const auto& problem : problems)
        text += problem.blockId + ": " + problem.message + "; ";
    return text;
}

} // namespace

class RegistryCompletenessTest : public QObject {
    Q_OBJECT

private slots:
    void every_kind_is_created_simulated_planned_and_faulted()
    {
        for (const model::BlockSpec& spec : model::Registry::instance().blocks()) {
            const model::Architecture design = designAround(spec);
            const auto problems = model::validate(design);
            QVERIFY2(!model::hasErrors(problems), qPrintable(QString::fromStdString(spec.kind + ": " + problemsText(problems))));

            sim::Simulator simulator(design, 7);
            simulator.runUntil(sim::fromSeconds(3));
            const stats::Snapshot snap = simulator.snapshot();
            const stats::BlockSnapshot& subject = block(snap, "subject");
            QCOMPARE(subject.kind, spec.kind);
            if (!spec.controlLinks)
                QVERIFY2(subject.arrivals > 0 || spec.tier == model::Tier::Source,
                         qPrintable(QString::fromStdString(spec.kind + " carried no traffic")));
            QVERIFY2(snap.completed > 0, qPrintable(QString::fromStdString(spec.kind + ": no request completed")));

            const analysis::NetworkPlan plan = analysis::planNetwork(design);
            const analysis::BlockPlan* planned = plan.find("subject");
            QVERIFY2(planned && planned->kind == spec.kind, qPrintable(QString::fromStdString(spec.kind + " has no plan")));
            // A queue answers its producer at once: 0 ms end to end is right for it.
            QVERIFY2(std::isfinite(plan.endToEndMs) && plan.endToEndMs >= 0,
                     qPrintable(QString::fromStdString(spec.kind + ": end to end " + std::to_string(plan.endToEndMs))));
            QVERIFY2(planned->arrivalRps() > 0 || spec.controlLinks || spec.tier == model::Tier::Source,
                     qPrintable(QString::fromStdString(spec.kind + ": the plan sends it no traffic")));

            for (const model::FaultSpec& fault : model::faultSpecs()) {
                if (fault.target != model::FaultSpec::Target::Block || !fault.appliesTo(spec.kind))
                    continue;
                model::Fault injected;
                injected.action = fault.action;
                injected.block = "subject";
                injected.value = fault.defaultValue;
                const std::string refusal = simulator.inject(injected);
                QVERIFY2(refusal.empty(), qPrintable(QString::fromStdString(spec.kind + " refused " + fault.action +
                                                                            ": " + refusal)));
                simulator.runFor(sim::fromSeconds(1)); // the fault acts without breaking the run
                simulator.recover("subject");
            }
        }
    }

    void every_kind_has_an_icon_and_its_choices_name_every_value()
    {
        for (const model::BlockSpec& spec : model::Registry::instance().blocks()) {
            const QString icon = QStringLiteral(SCALELAB_SOURCE_DIR "/resources/icons/%1.svg").arg(QString::fromStdString(spec.icon));
            QVERIFY2(QFile::exists(icon), qPrintable(QString::fromStdString(spec.kind) + ": no icon " + icon));
            for (const model::ParamSpec& param : spec.params)
                if (param.type == model::ParamType::Enum)
                    QVERIFY2(static_cast<double>(param.choices.size()) == param.max + 1,
                             qPrintable(QString::fromStdString(spec.kind + "." + param.key)));
        }
    }

    void faults_apply_where_their_kinds_list_them()
    {
        const auto kindsOf = [](const char* action) {
            const auto kinds = model::findFaultSpec(action)->kinds();
            return std::set<std::string>(kinds.begin(), kinds.end());
        };
        QCOMPARE(kindsOf("crash"),
                 (std::set<std::string>{"service", "database", "connection_server", "api_gateway", "saga"}));
        QCOMPARE(kindsOf("flush"), (std::set<std::string>{"cache", "cdn"}));
        QCOMPARE(kindsOf("kill_primary"), (std::set<std::string>{"replicated_database"}));
        QCOMPARE(kindsOf("slow"), (std::set<std::string>{"service", "database", "replicated_database", "sharded_database",
                                                          "queue", "serverless", "object_storage", "kv_store",
                                                          "search_index", "connection_server", "event_store",
                                                          "api_gateway", "saga"}));
        QCOMPARE(kindsOf("lose_projection"), (std::set<std::string>{"event_store"}));
        QVERIFY2(!kindsOf("error_rate").count("client") && kindsOf("error_rate").count("fanout"),
                 "error_rate: every kind but the client");
    }

    void link_rules_from_tiers_are_the_hand_written_ones()
    {
        // What each kind could call when every list was written by hand
        // (before the tiers): the tiers must allow exactly these.
        const std::map<std::string, std::set<std::string>> allowed = {
            {"client", {"api_gateway", "cache", "cdn", "circuit_breaker", "connection_server", "database",
                        "event_store", "fanout", "geo_dns", "kv_store", "load_balancer", "object_storage",
                        "queue", "rate_limiter", "replicated_database", "saga", "search_index", "serverless",
                        "service", "sharded_database", "stream", "topic"}},
            {"load_balancer", {"api_gateway", "cache", "circuit_breaker", "connection_server", "database",
                               "event_store", "fanout", "kv_store", "load_balancer", "object_storage", "queue",
                               "rate_limiter", "replicated_database", "saga", "search_index", "serverless",
                               "service", "sharded_database", "stream", "topic"}},
            {"service", {"api_gateway", "cache", "circuit_breaker", "connection_server", "database",
                         "event_store", "fanout", "kv_store", "load_balancer", "object_storage", "queue",
                         "rate_limiter", "replicated_database", "saga", "search_index", "serverless", "service",
                         "sharded_database", "stream", "topic"}},
            {"database", {}},
            {"replicated_database", {}},
            {"sharded_database", {}},
            {"cache", {"api_gateway", "cache", "database", "event_store", "kv_store", "load_balancer",
                       "object_storage", "replicated_database", "saga", "search_index", "service",
                       "sharded_database"}},
            {"cdn", {"api_gateway", "cache", "database", "event_store", "kv_store", "load_balancer",
                     "object_storage", "replicated_database", "saga", "search_index", "service",
                     "sharded_database"}},
            {"queue", {"api_gateway", "cache", "circuit_breaker", "database", "event_store", "kv_store",
                       "load_balancer", "object_storage", "rate_limiter", "replicated_database", "saga",
                       "search_index", "service", "sharded_database", "topic"}},
            {"topic", {"api_gateway", "load_balancer", "queue", "saga", "service"}},
            {"circuit_breaker", {"api_gateway", "cache", "circuit_breaker", "connection_server", "database",
                                 "event_store", "fanout", "kv_store", "load_balancer", "object_storage",
                                 "queue", "rate_limiter", "replicated_database", "saga", "search_index",
                                 "serverless", "service", "sharded_database", "stream", "topic"}},
            {"rate_limiter", {"api_gateway", "cache", "circuit_breaker", "connection_server", "database",
                              "event_store", "fanout", "kv_store", "load_balancer", "object_storage", "queue",
                              "rate_limiter", "replicated_database", "saga", "search_index", "serverless",
                              "service", "sharded_database", "stream", "topic"}},
            {"autoscaler", {"queue", "saga", "service"}},
            {"serverless", {"api_gateway", "cache", "circuit_breaker", "database", "event_store", "kv_store",
                            "load_balancer", "object_storage", "queue", "rate_limiter", "replicated_database",
                            "saga", "search_index", "service", "sharded_database", "topic"}},
            {"geo_dns", {"api_gateway", "circuit_breaker", "load_balancer", "rate_limiter", "saga",
                         "serverless", "service"}},
            {"object_storage", {}},
            {"kv_store", {}},
            {"search_index", {}},
            {"fanout", {"api_gateway", "cache", "database", "event_store", "kv_store", "load_balancer",
                        "object_storage", "queue", "replicated_database", "saga", "search_index", "service",
                        "sharded_database"}},
            {"stream", {"api_gateway", "cache", "circuit_breaker", "database", "event_store", "kv_store",
                        "load_balancer", "object_storage", "rate_limiter", "replicated_database", "saga",
                        "search_index", "service", "sharded_database", "topic"}},
            {"connection_server", {}},
            {"event_store", {}},
            {"saga", {"api_gateway", "cache", "circuit_breaker", "connection_server", "database", "event_store",
                      "fanout", "kv_store", "load_balancer", "object_storage", "queue", "rate_limiter",
                      "replicated_database", "saga", "search_index", "serverless", "service",
                      "sharded_database", "stream", "topic"}},
            {"api_gateway", {"api_gateway", "cache", "circuit_breaker", "connection_server", "database",
                             "event_store", "fanout", "kv_store", "load_balancer", "object_storage", "queue",
                             "rate_limiter", "replicated_database", "saga", "search_index", "serverless",
                             "service", "sharded_database", "stream", "topic"}},
        };
        const auto& registry = model::Registry::instance();
        QCOMPARE(registry.blocks().size(), allowed.size());
        for (const model::BlockSpec& spec : registry.blocks()) {
            const std::set<std::string> derived(spec.allowedTargets.begin(), spec.allowedTargets.end());
            QVERIFY2(derived == allowed.at(spec.kind), qPrintable(QString::fromStdString(spec.kind)));
            for (const model::BlockSpec& target : registry.blocks())
                QCOMPARE(registry.linkRefusal(spec.kind, target.kind).empty(), derived.count(target.kind) == 1);
        }
    }
};

QTEST_APPLESS_MAIN(RegistryCompletenessTest)
#include "RegistryCompletenessTest.moc"
