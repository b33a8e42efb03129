// Predictive scaling against reactive on a steady ramp (a sale opening):
// a minute at 100 rps, then 100 -> 1,000 rps over 5 minutes, servers of 100 rps each, a target of 70
// requests per instance and a 60 s provisioning delay.
//
// Reactive, the fleet sized from a reading centred 5 s ago serves 60 s
// later, when the ramp has climbed 3 rps/s x 65 s = 195 rps more: at 400
// rps it has ceil(400 / 70) = 6 servers for 595 rps, 99% busy, and its
// queue grows; over the ramp, 0.7 x (load + 195) / load averages about 0.91.
// Predictive, the trend of the last 4 readings is extended to when new
// servers serve, so they arrive sized for the load they meet: utilisation
// averages the 70% target. The forecast's error, from 10 s readings of
// about 500 rps (Poisson: 1.4% each), is a slope known to about 0.31 rps/s,
// 20 rps over the 65 s lead (3.4% per window); averaged over the ramp's 19
// windows (about 10 independent forecasts) it is 1.1%, three of which plus
// the rounding up of the server count make the band 0.7 +/- 5%.
#include "SimTestSupport.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Architecture rampBehindAnAutoscaler(const char* forecast)
{
    model::Architecture design;
    model::Block users = patientClient("users", 100);
    users.params["profile"] = choiceValue("client", "profile", "ramp");
    users.texts["ramp_stages"] = "60s:100, 300s:1000, 120s:1000";
    design.blocks.push_back(users);
    // 100 rps per server; four at the start, so the ramp's first minute needs no new one.
    design.blocks.push_back(service("web", 4, 10, 100, 1));
    model::Block scaler = model::makeBlock("autoscaler", "scaler");
    scaler.params["metric"] = choiceValue("autoscaler", "metric", "requests_per_instance");
    scaler.params["forecast"] = choiceValue("autoscaler", "forecast", forecast);
    scaler.params["target"] = 70;
    scaler.params["min_instances"] = 4;
    scaler.params["max_instances"] = 50;
    scaler.params["evaluation_s"] = 10;
    scaler.params["scale_out_cooldown_s"] = 0; // each reading may act: the lead is the provisioning alone
    scaler.params["provisioning_s"] = 60;
    design.blocks.push_back(scaler);
    design.links = {wire("users", "web"), wire("scaler", "web")};
    return design;
}

// The utilisation of `web`'s 10 s windows while the ramp climbs (60 s to
// 360 s), once servers launched on four readings of the ramp serve: from 170 s.
std::vector<double> utilisationOnTheRamp(const stats::Snapshot& snap)
{
    std::vector<double> busy;
    for (const stats::WindowSample& window : block(snap, "web").series)
        if (window.endSeconds > 170 && window.endSeconds <= 360)
            busy.push_back(window.utilization);
    return busy;
}

double mean(const std::vector<double>& values)
{
    return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

} // namespace

class PredictiveScalingTest : public QObject {
    Q_OBJECT
private slots:
    void a_forecast_meets_a_ramp_that_reaction_falls_behind()
    {
        const stats::Snapshot reactive = simulate(rampBehindAnAutoscaler("none"), 0, 480);
        const stats::Snapshot predictive = simulate(rampBehindAnAutoscaler("trend"), 0, 480);
        const std::vector<double> behind = utilisationOnTheRamp(reactive);
        const std::vector<double> ahead = utilisationOnTheRamp(predictive);
        QCOMPARE(behind.size(), size_t(19));
        const double busiest = *std::max_element(behind.begin(), behind.end());
        QVERIFY2(busiest > 0.95, qPrintable(QString("reactive: busiest window %1, theory 0.99 at 430 rps").arg(busiest)));
        QVERIFY2(mean(behind) > 0.85, qPrintable(QString("reactive: mean %1, theory 0.91").arg(mean(behind))));
        QVERIFY2(std::abs(mean(ahead) - 0.7) < 0.05 * 0.7,
                 qPrintable(QString("predictive: mean %1, the target 0.7 +/- 5%").arg(mean(ahead))));
        // The late fleet's queue shows in its p95 (seconds, against the 300 ms of 100 ms services).
        QVERIFY2(block(predictive, "web").latency.p95Ms * 5 < block(reactive, "web").latency.p95Ms,
                 qPrintable(QString("p95 %1 ms predictive, %2 ms reactive")
                                .arg(block(predictive, "web").latency.p95Ms)
                                .arg(block(reactive, "web").latency.p95Ms)));
        // The event log says why it launched ahead.
        QVERIFY(!logged(predictive, ", forecast ").empty());
        QVERIFY(logged(reactive, ", forecast ").empty());
        // Reaction ends at the fleet for 1,000 rps at 70 per server: ceil(1000 / 70) = 15.
        QCOMPARE(block(reactive, "web").instances, 15);
        // The trend runs on past the ramp's end for one lead: at most
        // 3 rps/s x 60 s / 70 = 2.6 servers more, kept for the scale-in cooldown.
        const int forecastFleet = block(predictive, "web").instances;
        QVERIFY2(forecastFleet >= 15 && forecastFleet <= 18, qPrintable(QString::number(forecastFleet)));
    }
};

QTEST_GUILESS_MAIN(PredictiveScalingTest)
#include "PredictiveScalingTest.moc"
