// Play in an opened challenge runs the load the grader states: the file's
// own client says 100 rps, the challenge states 600, and both the design in
// the window and the run's measured arrival rate are at 600 (one function,
// model::applyStatedTraffic, serves the grader and the window). The
// Challenge dock says which load Play runs.
#include "../widgets/WidgetTestSupport.h"
#include "MainWindow.h"
#include "RunDocks.h"
#include "Screenshot.h"
#include "challenge/ChallengePanel.h"
#include "document/DesignDocument.h"
#include "run/RunController.h"

#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace scalelab;

class ChallengePlayTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void play_runs_the_stated_load()
    {
        const model::Architecture file =
            io::readScenario(testing::resourcePath("challenges/product-page-cache.scalelab").toStdString());
        QVERIFY2(file.challenge, "the challenge file has no challenge");
        const double stated = file.challenge->traffic.at("users.rate_rps");
        QVERIFY2(file.findBlock("users")->param("rate_rps") != stated,
                 "the file's own rate should differ from the stated one, or this test proves nothing");

        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openExample(":/challenges/product-page-cache.scalelab"), QString());
        const double designRate = window.document()->architecture().findBlock("users")->param("rate_rps");
        QCOMPARE(designRate, stated);
        QVERIFY2(window.challenge()->loadText().contains("stated load") &&
                     window.challenge()->loadText().contains(QString("%1 rps").arg(stated)),
                 qPrintable("the Challenge dock should say Play runs the stated load: " + window.challenge()->loadText()));

        window.resize(1400, 900);
        window.show();
        const double seconds = 20;
        QCOMPARE(app::Screenshot::runFor(window, seconds), QString());
        const auto snapshot = window.run()->controller()->latestSnapshot();
        QVERIFY2(snapshot && snapshot->measuredSeconds > 0, "the run measured nothing");
        const double measured = double(snapshot->requests) / snapshot->measuredSeconds;
        // Poisson arrivals: the count's standard deviation is sqrt(rate * T); allow five.
        const double tolerance = 5 * std::sqrt(stated * snapshot->measuredSeconds) / snapshot->measuredSeconds;
        QVERIFY2(std::abs(measured - stated) <= tolerance,
                 qPrintable(QString("the run's clients send %1 rps over %2 s; the grader states %3 (± %4)")
                                .arg(measured, 0, 'f', 1)
                                .arg(snapshot->measuredSeconds)
                                .arg(stated)
                                .arg(tolerance, 0, 'f', 1)));
    }
};

QTEST_MAIN(ChallengePlayTest)
#include "ChallengePlayTest.moc"
