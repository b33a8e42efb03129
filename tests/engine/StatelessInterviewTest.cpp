// Interview Q4 (resources/interviews/q4-stateless-services.scalelab) is
// passed by moving the sessions out of the app servers, not by switching the
// balancer's algorithm: the naive answer (least connections, sessions still
// in each server's memory) logs users out on 3 requests in 4 and loses
// sessions when a server is killed; the reference answer (sessions in a
// shared cache block, any balancing) passes every goal.
#include "GradeTestSupport.h"
#include "SimTestSupport.h"
#include "analysis/Grader.h"
#include "io/ScenarioFile.h"
#include "model/Choices.h"

#include <QtTest>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Architecture start()
{
    return io::readScenario(SCALELAB_SOURCE_DIR "/resources/interviews/q4-stateless-services.scalelab");
}

double choice(model::BalancerAlgorithm value)
{
    return static_cast<int>(value);
}

model::Architecture naive()
{
    model::Architecture design = start();
    design.findBlock("lb")->params["algorithm"] = choice(model::BalancerAlgorithm::LeastConnections);
    return design;
}

model::Architecture reference()
{
    model::Architecture design = naive();
    design.findBlock("app")->params["sessions"] = static_cast<int>(model::SessionState::SharedStore);
    model::Block store = model::makeBlock("cache", "sessions", "Redis (sessions)");
    store.params["hit_ratio"] = 1;
    design.blocks.push_back(store);
    design.links.push_back(testing::wire("app", "sessions", 0.5));
    return design;
}

analysis::GradeResult grade(const model::Architecture& design)
{
    analysis::GradeOptions options;
    options.threads = 2;
    return analysis::grade(design, options);
}

} // namespace

class StatelessInterviewTest : public QObject {
    Q_OBJECT

private slots:
    void starting_design_loses_sessions_when_a_server_dies()
    {
        const auto result = grade(start());
        QVERIFY2(goalFails(result, "app.sessions_lost", "server_crash"), qPrintable("start:" + describeGrade(result)));
    }

    void switching_the_algorithm_alone_fails()
    {
        const auto result = grade(naive());
        QVERIFY2(goalFails(result, "error_rate", "stated"), qPrintable("naive, users logged out:" + describeGrade(result)));
        QVERIFY2(goalFails(result, "app.sessions_lost", "server_crash"), qPrintable("naive:" + describeGrade(result)));
    }

    void sessions_in_a_shared_store_pass()
    {
        const auto result = grade(reference());
        QVERIFY2(result.allPassed(), qPrintable("reference:" + describeGrade(result)));
    }
};

QTEST_APPLESS_MAIN(StatelessInterviewTest)
#include "StatelessInterviewTest.moc"
