// Interview Q4 (resources/interviews/q4-stateless-services.scalelab) is
// passed by moving the sessions out of the app servers, not by switching the
// balancer's algorithm: the naive answer (least connections, sessions still
// in each server's memory) logs users out on 3 requests in 4 and loses
// sessions when a server is killed; the reference answer (sessions in a
// shared cache block, any balancing) passes every goal.
#include "SimTestSupport.h"
#include "analysis/Grader.h"
#include "io/ScenarioFile.h"
#include "model/Choices.h"

#include <QtTest>

#include <algorithm>

using namespace scalelab;

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

QString describe(const analysis::GradeResult& result)
{
    QString text;
    for (const auto& row : result.rows)
        text += QString("\n  %1 [%2]: %3 -> %4")
                    .arg(QString::fromStdString(row.label), QString::fromStdString(row.load))
                    .arg(row.mean)
                    .arg(row.pass ? "pass" : "FAIL");
    return text;
}

bool fails(const analysis::GradeResult& result, const std::string& metric, const std::string& load)
{
    return std::any_of(result.rows.begin(), result.rows.end(), [&](const analysis::GoalResult& row) {
        return row.metric == metric && row.load == load && !row.pass;
    });
}

} // namespace

class StatelessInterviewTest : public QObject {
    Q_OBJECT

private slots:
    void starting_design_loses_sessions_when_a_server_dies()
    {
        const auto result = grade(start());
        QVERIFY2(fails(result, "app.sessions_lost", "server_crash"), qPrintable("start:" + describe(result)));
    }

    void switching_the_algorithm_alone_fails()
    {
        const auto result = grade(naive());
        QVERIFY2(fails(result, "error_rate", "stated"), qPrintable("naive, users logged out:" + describe(result)));
        QVERIFY2(fails(result, "app.sessions_lost", "server_crash"), qPrintable("naive:" + describe(result)));
    }

    void sessions_in_a_shared_store_pass()
    {
        const auto result = grade(reference());
        QVERIFY2(result.allPassed(), qPrintable("reference:" + describe(result)));
    }
};

QTEST_APPLESS_MAIN(StatelessInterviewTest)
#include "StatelessInterviewTest.moc"
