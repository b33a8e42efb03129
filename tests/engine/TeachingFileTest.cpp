// The teaching sections of a .scalelab file (library, challenge, lesson):
// they survive a save and load unchanged, and each broken rule gives the
// "<file>: <path>: <rule>" a teacher writing one would need.
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/LessonEdit.h"
#include "model/MetricCatalog.h"

#include <QtTest>

#include <string>

using namespace scalelab;

namespace {

// A client "users" calling a service "app" calling a database "db", plus `extra` top-level keys.
std::string doc(const std::string& extra)
{
    return R"({"format": "scalelab", "version": 1, "name": "t",
      "blocks": [{"id": "users", "kind": "client", "params": {"rate_rps": 100}},
                 {"id": "app", "kind": "service"}, {"id": "db", "kind": "database"}],
      "links": [{"from": "users", "to": "app"}, {"from": "app", "to": "db"}])" +
           (extra.empty() ? "" : ", " + extra) + "}";
}

std::string loadError(const std::string& text)
{
    try {
        io::parseScenario(text, "dir/teach.scalelab");
        return "(loaded without error)";
    } catch (const io::LoadError& error) {
        return error.what();
    }
}

const char* kChallenge = R"("challenge": {"title": "Ten times", "brief": "Serve 1,000 rps.", "level": 2,
    "duration_s": 30, "warmup_s": 5, "replications": 4,
    "traffic": {"users.rate_rps": 1000, "users.retry_jitter": "full"},
    "allowed_kinds": ["client", "service", "database", "cache"],
    "goals": [{"metric": "p95_ms", "max": 200}, {"metric": "db.utilization", "max": 0.7, "loads": ["stated"]},
              {"metric": "cost_per_month", "max": 3000, "label": "Within $3,000 a month"}],
    "loads": [{"name": "spike", "hidden": true, "set": {"users.rate_rps": 3000}},
              {"name": "crash", "faults": [{"at_s": 10, "action": "crash", "block": "app", "value": 1}]}]})";

const char* kLesson = R"("lesson": {"title": "Add a cache", "family": "caching", "steps": [
    {"title": "Measure", "instruction": "Raise the rate to 900 rps.", "explain": "Why.",
     "apply": [{"set": "users.rate_rps", "value": 900}], "check": {"metric": "db.utilization", "min": 0.8}},
    {"title": "Cache", "instruction": "Put a cache in front of the database.",
     "apply": [{"add_block": {"id": "cache", "kind": "cache", "params": {"hit_ratio": 0.9}}},
               {"remove_link": {"from": "app", "to": "db"}}, {"add_link": {"from": "app", "to": "cache"}},
               {"add_link": {"from": "cache", "to": "db"}}],
     "check": {"metric": "cache.hit_ratio", "min": 0.85, "on": "run"}},
    {"title": "Flush", "instruction": "Flush the cache.", "apply": [{"command": "cache.flush"},
      {"fault": {"action": "slow", "block": "db", "value": 3, "duration_s": 5}}],
     "check": {"metric": "p95_ms", "max": 500, "on": "plan"}}]})";

const char* kInterview = R"("interview": {"prompt": "Design a URL shortener at 100K rps.", "source": "practice",
    "minutes": 30, "requirements": ["Reads outnumber writes 100:1", "Short codes never collide"],
    "envelope": {"daily_users": 100000000, "write_share": 0.01, "bytes_per_write": 500},
    "functional": ["Shorten a URL", "Redirect"], "non_functional": ["p95 under 100 ms"],
    "scale": {"daily_users": 100000000, "peak_rps": 100000, "read_share": 0.99, "storage_gb": 500},
    "constraints": ["One region"], "budget_per_month": 1500,
    "hints": ["Where do the reads go?", "Cache-aside", "Put a cache in front of db"],
    "guide": {"estimation": "1e8 x 10 / 86400 x 3 = 35K rps", "api": "POST /urls\nGET /{code}", "data_model": "url: code, long, created"},
    "changes": [{"at_minute": 25, "announcement": "A link goes viral: 10x traffic.",
                 "load": {"name": "viral", "set": {"users.rate_rps": 1000}}}],
    "notes": {"estimation": "35K rps at peak", "deep_dive": "the cache"}})";

} // namespace

class TeachingFileTest : public QObject {
    Q_OBJECT

private slots:
    void sections_survive_a_round_trip()
    {
        const model::Architecture design = io::parseScenario(
            doc(std::string(kChallenge) + ", " + kLesson + R"(, "library": {"topic": "Caching", "what_to_try": "Flush it.", "order": 3})" + ", " + kInterview),
            "t.scalelab");
        QVERIFY(design.challenge && design.lesson);
        QCOMPARE(design.challenge->traffic.at("users.rate_rps"), 1000.0);
        QCOMPARE(design.challenge->loads.size(), size_t(2));
        QVERIFY(design.challenge->loads[0].hidden);
        QCOMPARE(design.challenge->loads[1].faults.front().action, std::string("crash"));
        QCOMPARE(design.challenge->goals[1].loads, std::vector<std::string>{"stated"});
        QCOMPARE(design.lesson->steps.size(), size_t(3));
        QCOMPARE(design.lesson->steps[1].apply.size(), size_t(4));
        QVERIFY(design.lesson->steps[2].checkOn == model::LessonStep::CheckOn::Plan);
        QCOMPARE(design.library.order, 3);
        QVERIFY(design.interview);
        QCOMPARE(design.interview->minutes, 30);
        QCOMPARE(design.interview->requirements.size(), size_t(2));
        QCOMPARE(design.interview->envelope.dailyUsers, 1e8);
        QCOMPARE(design.interview->envelope.peakFactor, model::EnvelopeInputs{}.peakFactor);
        QCOMPARE(design.interview->scale.peakRps, 1e5);
        QCOMPARE(design.interview->budgetPerMonth, 1500.0);
        QCOMPARE(design.interview->hints.size(), size_t(3));
        QCOMPARE(design.interview->guide.api, std::string("POST /urls\nGET /{code}"));
        QCOMPARE(design.interview->changes.at(0).load.set.at("users.rate_rps"), 1000.0);
        QCOMPARE(design.interview->phaseNotes[int(model::InterviewPhase::Estimation)], std::string("35K rps at peak"));
        QCOMPARE(design.interview->phaseNotes[int(model::InterviewPhase::Api)], std::string());
        const model::Architecture again = io::parseScenario(io::serializeScenario(design), "t.scalelab");
        QVERIFY(again == design);
    }

    void lesson_edits_rebuild_the_design_the_steps_describe()
    {
        const model::Architecture design = io::parseScenario(doc(kLesson), "t.scalelab");
        model::Architecture working = design;
        for (const auto& step : design.lesson->steps)
            for (const auto& action : step.apply)
                QCOMPARE(model::applyLessonAction(working, action), std::string());
        QCOMPARE(working.findBlock("users")->param("rate_rps"), 900.0);
        QVERIFY(working.findBlock("cache"));
        QVERIFY(working.linkOrdinal("app", "cache") && working.linkOrdinal("cache", "db"));
        QVERIFY(!working.linkOrdinal("app", "db"));
        // Applying the cache step twice is refused, not duplicated.
        QVERIFY(!model::applyLessonAction(working, design.lesson->steps[1].apply[0]).empty());
    }

    void broken_sections_name_path_and_rule_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("goal metric typo")
            << R"("challenge": {"title": "x", "goals": [{"metric": "p96_ms", "max": 1}]})"
            << R"(teach.scalelab: challenge.goals[0].metric: unknown figure "p96_ms" (did you mean "p95_ms"?); a block's figure is written <block id>.<figure>)";
        QTest::newRow("goal without bound")
            << R"("challenge": {"title": "x", "goals": [{"metric": "p95_ms"}]})"
            << R"(teach.scalelab: challenge.goals[0]: needs "min" or "max" (or both))";
        QTest::newRow("no goals") << R"("challenge": {"title": "x", "goals": []})"
                                  << "teach.scalelab: challenge.goals: a challenge needs at least one goal";
        QTest::newRow("traffic unknown block")
            << R"("challenge": {"title": "x", "traffic": {"user.rate_rps": 5}, "goals": [{"metric": "p95_ms", "max": 1}]})"
            << R"(teach.scalelab: challenge.traffic.user.rate_rps: no block with id "user" (did you mean "users"?))";
        QTest::newRow("traffic out of range")
            << R"("challenge": {"title": "x", "traffic": {"app.instances": 0}, "goals": [{"metric": "p95_ms", "max": 1}]})"
            << "teach.scalelab: challenge.traffic.app.instances: must be >= 1, got 0";
        QTest::newRow("goal names missing load")
            << R"("challenge": {"title": "x", "goals": [{"metric": "p95_ms", "max": 1, "loads": ["spike"]}]})"
            << R"(teach.scalelab: challenge.goals[0].loads[0]: no load named "spike")";
        QTest::newRow("replications")
            << R"("challenge": {"title": "x", "replications": 1, "goals": [{"metric": "p95_ms", "max": 1}]})"
            << "teach.scalelab: challenge.replications: must be between 2 and 100, got 1";
        QTest::newRow("lesson check on missing block")
            << R"("lesson": {"title": "x", "steps": [{"title": "a", "instruction": "b", "check": {"metric": "cache.hit_ratio", "min": 1}}]})"
            << R"(teach.scalelab: lesson.steps[0].check.metric: no block with id "cache")";
        QTest::newRow("lesson edit on missing block")
            << R"("lesson": {"title": "x", "steps": [{"title": "a", "instruction": "b", "apply": [{"set": "cache.hit_ratio", "value": 1}], "check": {"metric": "p95_ms", "min": 1}}]})"
            << R"(teach.scalelab: lesson.steps[0].apply[0].set: no block with id "cache")";
        QTest::newRow("lesson verb") << R"("lesson": {"title": "x", "steps": [{"title": "a", "instruction": "b", "apply": [{"delete": "db"}], "check": {"metric": "p95_ms", "min": 1}}]})"
                                     << "teach.scalelab: lesson.steps[0].apply[0]: needs one of set, add_block, remove_block, add_link, remove_link, fault, command";
        QTest::newRow("lesson check on") << R"("lesson": {"title": "x", "steps": [{"title": "a", "instruction": "b", "check": {"metric": "p95_ms", "min": 1, "on": "live"}}]})"
                                         << R"(teach.scalelab: lesson.steps[0].check.on: must be "run" or "plan", got "live")";
        QTest::newRow("envelope share") << R"("interview": {"prompt": "x", "envelope": {"write_share": 2}})"
                                        << "teach.scalelab: interview.envelope.write_share: must be between 0 and 1, got 2";
        QTest::newRow("interview change load")
            << R"("interview": {"prompt": "x", "changes": [{"at_minute": 20, "announcement": "10x", "load": {"name": "x10", "set": {"user.rate_rps": 9}}}]})"
            << R"(teach.scalelab: interview.changes[0].load.set.user.rate_rps: no block with id "user" (did you mean "users"?))";
        QTest::newRow("interview change after the end")
            << R"("interview": {"prompt": "x", "minutes": 30, "changes": [{"at_minute": 40, "announcement": "10x", "load": {"name": "x10"}}]})"
            << "teach.scalelab: interview.changes[0].at_minute: must be between 0 and 30, got 40";
        QTest::newRow("interview notes phase")
            << R"("interview": {"prompt": "x", "notes": {"design": "y"}})"
            << "teach.scalelab: interview.notes.design: unknown key; expected requirements, estimation, api, data_model, "
               "high_level_design, deep_dive";
        QTest::newRow("library topic") << R"("library": {"what_to_try": "x"})"
                                       << R"(teach.scalelab: library: missing "topic")";
    }

    void broken_sections_name_path_and_rule()
    {
        QFETCH(QString, extra);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(loadError(doc(extra.toStdString()))), message);
    }

    void labels_read_as_sentences()
    {
        const model::Architecture design = io::parseScenario(doc(kChallenge), "t.scalelab");
        QCOMPARE(model::checkLabel(design.challenge->goals[0].check, design), std::string("p95 latency <= 200 ms"));
        QCOMPARE(model::checkLabel(design.challenge->goals[1].check, design), design.findBlock("db")->name + ": utilisation <= 70%");
        QCOMPARE(model::checkLabel(design.challenge->goals[2].check, design), std::string("Within $3,000 a month"));
    }
};

QTEST_APPLESS_MAIN(TeachingFileTest)
#include "TeachingFileTest.moc"
