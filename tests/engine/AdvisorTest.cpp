// The bottleneck advisor names the limiting block with the seeds' remedy
// and flags their anti-patterns, from real runs of small designs.
#include "SimTestSupport.h"
#include "analysis/Advisor.h"

#include <QtTest>

#include <algorithm>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Block database(double readMs, double writeMs, int workers)
{
    model::Block db = model::makeBlock("database", "db");
    db.params["read_time_ms"] = readMs;
    db.params["write_time_ms"] = writeMs;
    db.params["workers"] = workers;
    db.params["queue_capacity"] = 50;
    return db;
}

model::Architecture webAndDatabase(double rate, double readRatio, int webInstances, model::Block db)
{
    model::Block client = patientClient("client", rate);
    client.params["read_ratio"] = readRatio;
    model::Architecture design;
    design.blocks = {client, service("web", webInstances, 50, 2, 1), db};
    design.links = {wire("client", "web"), wire("web", db.id)};
    return design;
}

const analysis::Finding* find(const std::vector<analysis::Finding>& findings, const std::string& code)
{
    auto it = std::find_if(findings.begin(), findings.end(), [&](const auto& f) { return f.code == code; });
    return it == findings.end() ? nullptr : &*it;
}

std::vector<analysis::Finding> adviseOn(const model::Architecture& design)
{
    return analysis::advise(design, simulate(design, 2, 20));
}

} // namespace

class AdvisorTest : public QObject {
    Q_OBJECT

private slots:
    void a_healthy_design_has_no_findings()
    {
        model::Block db = database(2, 5, 16);
        model::Architecture design = webAndDatabase(100, 0.5, 2, db);
        QVERIFY(adviseOn(design).empty());
    }

    void too_many_reads_on_a_database_calls_for_a_cache()
    {
        // 900 reads/s x 10 ms on 8 workers: 112% busy.
        const auto findings = adviseOn(webAndDatabase(1000, 0.9, 2, database(10, 10, 8)));
        QVERIFY(!findings.empty());
        QCOMPARE(findings.front().code, std::string("bottleneck"));
        QCOMPARE(findings.front().blockId, std::string("db"));
        QCOMPARE(findings.front().pattern, std::string("Caching"));
        QVERIFY(find(findings, "no_cache"));
    }

    // A challenge that leaves caches out of its allowed kinds gets the other
    // read remedy, and no advice to add what its rules forbid.
    void a_challenge_without_caches_is_told_to_add_replicas()
    {
        model::Architecture design = webAndDatabase(1000, 0.9, 2, database(10, 10, 8));
        design.challenge = model::Challenge{};
        design.challenge->allowedKinds = {"client", "service", "database", "replicated_database"};
        const auto findings = adviseOn(design);
        const analysis::Finding* bottleneck = find(findings, "bottleneck");
        QVERIFY(bottleneck);
        QCOMPARE(bottleneck->blockId, std::string("db"));
        QCOMPARE(bottleneck->pattern, std::string("DB replication"));
        QVERIFY(!find(findings, "no_cache"));
    }

    // The web tier's 2 x 12 workers each wait out a database call; with the
    // read replica saturated they are all held, and the web tier looks
    // busier than the database, whose utilisation averages the saturated
    // replica with an idle primary. The remedy belongs downstream, where the
    // work piles up.
    void a_caller_held_by_a_saturated_database_is_not_the_bottleneck()
    {
        model::Block replicated = model::makeBlock("replicated_database", "db");
        replicated.params["read_time_ms"] = 10; // 900 reads/s on one replica of 8 workers: 112% busy
        replicated.params["write_time_ms"] = 10;
        replicated.params["workers"] = 8;
        replicated.params["replicas"] = 1;
        replicated.params["queue_capacity"] = 1000;
        model::Architecture design = webAndDatabase(1000, 0.9, 2, replicated);
        design.blocks[1].params["workers"] = 12;
        design.blocks[1].params["queue_capacity"] = 1000;
        const auto run = simulate(design, 2, 20);
        const auto web = std::find_if(run.blocks.begin(), run.blocks.end(), [](const auto& b) { return b.id == "web"; });
        const auto db = std::find_if(run.blocks.begin(), run.blocks.end(), [](const auto& b) { return b.id == "db"; });
        QVERIFY(web != run.blocks.end() && db != run.blocks.end());
        QVERIFY2(web->utilization > db->utilization, "the caller must look the busier for this test to mean anything");
        const auto findings = analysis::advise(design, run);
        const analysis::Finding* bottleneck = find(findings, "bottleneck");
        QVERIFY(bottleneck);
        QCOMPARE(bottleneck->blockId, std::string("db"));
    }

    void too_many_writes_call_for_sharding()
    {
        const auto findings = adviseOn(webAndDatabase(1000, 0.1, 2, database(10, 10, 8)));
        QCOMPARE(findings.front().blockId, std::string("db"));
        QCOMPARE(findings.front().pattern, std::string("Sharding"));
        QVERIFY(!find(findings, "no_cache")); // write-heavy: a cache would not help
    }

    void adding_web_servers_while_the_database_limits_is_the_wrong_tier()
    {
        const auto findings = adviseOn(webAndDatabase(1000, 0.9, 12, database(10, 10, 8)));
        const analysis::Finding* wrong = find(findings, "wrong_tier");
        QVERIFY(wrong);
        QCOMPARE(wrong->blockId, std::string("web"));
        QCOMPARE(wrong->kind, analysis::Finding::Kind::AntiPattern);
    }

    void sharding_below_ten_thousand_writes_is_premature()
    {
        model::Block shards = model::makeBlock("sharded_database", "db");
        const auto findings = adviseOn(webAndDatabase(500, 0.5, 2, shards));
        QVERIFY(find(findings, "premature_sharding"));
    }

    void retries_against_a_failing_service_are_a_retry_storm_and_timeouts_a_cascade()
    {
        model::Block client = patientClient("client", 200);
        client.params["retries"] = 3;
        client.params["retry_backoff_ms"] = 50;
        client.params["timeout_ms"] = 200;
        model::Architecture design;
        design.blocks = {client, service("api", 1, 10, 100, 1, 20)};
        design.links = {wire("client", "api")};
        const auto findings = adviseOn(design); // 200 rps x 100 ms on 10 workers: overloaded
        QVERIFY(find(findings, "retry_storm"));
        QVERIFY(find(findings, "cascade"));
        QCOMPARE(findings.front().blockId, std::string("api"));
    }
};

QTEST_APPLESS_MAIN(AdvisorTest)
#include "AdvisorTest.moc"
