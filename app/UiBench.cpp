#include "UiBench.h"

#include "MainWindow.h"
#include "RunDocks.h"
#include "UiFrameBudget.h"
#include "bench/BusyThreads.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"
#include "run/RunController.h"

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace scalelab::app {

namespace {

constexpr double kDefaultRate = 100'000;
constexpr int kProbeMs = 5;

model::Block block(const std::string& kind, const std::string& id, const std::string& name, double x, double y,
                   const model::ParamValues& params)
{
    model::Block b = model::makeBlock(kind, id, name);
    for (const auto& [key, value] : params)
        b.params[key] = value;
    b.x = x;
    b.y = y;
    return b;
}

model::Link link(const std::string& from, const std::string& to, double latencyMs, double probability = 1)
{
    model::Link l = model::makeLink(from, to);
    l.params["latency_ms"] = latencyMs;
    l.params["probability"] = probability;
    return l;
}

} // namespace

model::Architecture UiBench::design(double rateRps)
{
    model::Architecture a;
    a.name = "UI benchmark: 12 blocks at 100,000 rps";
    a.description = "Built by `scalelab bench --ui`: a web tier with auth and a session store, an API tier with "
                    "cache, database and search. Every pool runs at 40-55% utilisation.";
    // Pools are sized so that nothing saturates: the bench measures the UI, not
    // a cascade. A worker is held while its downstream calls run, so the web
    // tier needs room for the whole ~15 ms below it; a quarter of requests
    // check a session (auth), a fifth search. Databases allow enough connections
    // for their callers' workers.
    a.blocks = {
        block("client", "users", "Users", 0, 240, {{"rate_rps", rateRps}, {"timeout_ms", 2000}, {"retries", 0}}),
        block("load_balancer", "edge", "Edge LB", 260, 240, {}),
        block("service", "web", "Web", 520, 240, {{"instances", 200}, {"workers", 16}, {"service_time_ms", 2}}),
        block("service", "auth", "Auth", 780, 40, {{"instances", 20}, {"workers", 16}, {"service_time_ms", 1}}),
        block("cache", "sessions", "Session cache", 1040, 40, {{"hit_ratio", 0.95}}),
        block("database", "sessiondb", "Session DB", 1300, 40, {{"instances", 4}, {"workers", 32}, {"max_connections", 5000}}),
        block("load_balancer", "apilb", "API LB", 780, 240, {}),
        block("service", "api", "API", 1040, 240, {{"instances", 120}, {"workers", 16}, {"service_time_ms", 3}}),
        block("cache", "cache", "Cache", 1300, 240, {{"hit_ratio", 0.9}}),
        block("database", "db", "Database", 1560, 240, {{"instances", 16}, {"workers", 32}, {"max_connections", 5000}}),
        block("service", "search", "Search", 1300, 440, {{"instances", 30}, {"workers", 16}, {"service_time_ms", 4}}),
        block("database", "index", "Search index", 1560, 440, {{"instances", 8}, {"workers", 32}, {"max_connections", 5000}}),
    };
    a.links = {
        link("users", "edge", 20),    link("edge", "web", 0.5),        link("web", "auth", 0.5, 0.25),
        link("auth", "sessions", 0.5), link("sessions", "sessiondb", 0.5), link("web", "apilb", 0.5),
        link("apilb", "api", 0.5),    link("api", "cache", 0.5),       link("cache", "db", 0.5),
        link("api", "search", 0.5, 0.2), link("search", "index", 0.5),
    };
    return a;
}

int UiBench::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Measure the editor's responsiveness while it simulates a 12-block design "
                                     "at 100,000 rps at max speed: the largest GUI event-loop stall and the "
                                     "simulated/wall ratio, optionally with --load N busy threads beside it.");
    parser.addHelpOption();
    parser.addOption({"ui", "Benchmark the user interface (this mode)."});
    parser.addOption({"json", "Print the result as JSON."});
    parser.addOption({"duration", "Wall-clock seconds to run (default 20).", "seconds", "20"});
    parser.addOption({"rate", "Request rate at the users (default 100000).", "rps", "100000"});
    parser.addOption({"load", "Run N busy threads beside the window, as a busy machine would (default 0).", "n", "0"});
    QStringList args = arguments;
    args.removeAt(1); // "bench": the parser wants the program name, then options
    if (!parser.parse(args)) {
        std::fprintf(stderr, "scalelab: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet("help"))
        parser.showHelp(0);
    bool okDuration = false, okRate = false;
    const double duration = parser.value("duration").toDouble(&okDuration);
    const double rate = parser.value("rate").toDouble(&okRate);
    if (!okDuration || duration <= 0 || duration > 3600 || !okRate || rate <= 0) {
        std::fprintf(stderr, "scalelab: --duration wants 0 < seconds <= 3600 and --rate a positive number\n");
        return 2;
    }
    bool okLoad = false;
    const int load = parser.value("load").toInt(&okLoad);
    if (!okLoad || load < 0 || load > 64) {
        std::fprintf(stderr, "scalelab: --load wants a whole number of busy threads from 0 to 64\n");
        return 2;
    }
    const bench::BusyThreads busy(load); // until the measurement ends

    MainWindow window(MainWindow::Options::headless());
    const model::Architecture design = UiBench::design(rate);
    window.document()->reset(design);
    window.resize(1600, 1000);
    window.show();
    for (int i = 0; i < 3; ++i) // first layout and paint are start-up, not simulation
        QApplication::processEvents();
    window.scene()->selectBlocks({"api"}); // the block dock updates too

    widgets::RunController* run = window.run()->controller();
    int snapshots = 0;
    double simSeconds = 0;
    QObject::connect(run, &widgets::RunController::snapshotReady, &window,
                     [&](const widgets::RunController::SnapshotPtr& snapshot) {
                         ++snapshots;
                         simSeconds = snapshot->simSeconds;
                     });
    QString failure;
    QObject::connect(run, &widgets::RunController::failed, &window, [&](const QString& m) { failure = m; });

    // The probe: a 5 ms timer on the GUI thread. Any gap between its ticks
    // beyond the interval is time the event loop could not serve the user.
    QElapsedTimer sinceTick;
    double maxGapMs = 0, maxGapAt = 0;
    int longGaps = 0; // gaps over half the bar: how often, not only how bad
    QElapsedTimer sinceStart;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double gapMs = sinceTick.nsecsElapsed() / 1e6;
        if (gapMs > maxGapMs) {
            maxGapMs = gapMs;
            maxGapAt = sinceStart.nsecsElapsed() / 1e9;
        }
        longGaps += gapMs > kMaxStallMs / 2;
        sinceTick.restart();
    });

    // What each snapshot costs the GUI thread: taking it in, replotting, repainting.
    UiFrameBudget budget(&window, window.view()->viewport(), window.run());

    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(duration * 1000), &loop, &QEventLoop::quit);
    QElapsedTimer wall;
    run->setSpeed(widgets::RunController::kMaxSpeed);
    wall.start();
    sinceTick.start();
    sinceStart.start();
    probe.start();
    run->play();
    loop.exec();
    probe.stop();
    const double wallSeconds = wall.nsecsElapsed() / 1e9;
    const UiFrameBudget::Report frames = budget.report();
    run->pause();
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "scalelab: the simulation failed: %s\n", qPrintable(failure));
        return 1;
    }

    const double ratio = simSeconds / wallSeconds;
    const bool pass = maxGapMs < kMaxStallMs && ratio >= kMinRatio;
    if (parser.isSet("json")) {
        nlohmann::ordered_json json;
        json["design"] = {{"blocks", design.blocks.size()}, {"links", design.links.size()}, {"rate_rps", rate}};
        json["busy_threads"] = load;
        json["wall_seconds"] = wallSeconds;
        json["sim_seconds"] = simSeconds;
        json["sim_wall_ratio"] = ratio;
        json["max_event_loop_stall_ms"] = maxGapMs;
        json["max_stall_at_wall_seconds"] = maxGapAt;
        json["stalls_over_half_bar"] = longGaps;
        json["probe_interval_ms"] = kProbeMs;
        json["snapshots"] = snapshots;
        json["snapshots_per_second"] = snapshots / wallSeconds;
        auto figures = [](const UiFrameBudget::Figures& f) {
            return nlohmann::ordered_json{{"p50_ms", f.p50Ms}, {"p95_ms", f.p95Ms}, {"max_ms", f.maxMs}, {"mean_ms", f.meanMs}};
        };
        nlohmann::ordered_json frame = figures(frames.total);
        frame["budget_ms"] = UiFrameBudget::kBudgetMs;
        frame["count"] = frames.frames;
        frame["per_second"] = frames.frames / wallSeconds;
        frame["over_budget"] = frames.overBudget;
        frame["largest_piece_ms"] = frames.largestPieceMs;
        frame["window_repaints_per_second"] = frames.repaints / wallSeconds;
        for (int part = 0; part < UiFrameBudget::PartCount; ++part)
            frame["parts"][UiFrameBudget::partName(UiFrameBudget::Part(part))] = figures(frames.parts[part]);
        json["frames"] = frame;
        json["bars"] = {{"max_event_loop_stall_ms", kMaxStallMs}, {"sim_wall_ratio", kMinRatio}};
        json["pass"] = pass;
        std::printf("%s\n", json.dump(2).c_str());
    } else {
        std::printf("UI benchmark: %zu blocks at %.0f rps, max speed, %.1f s of wall time, %d busy thread%s beside "
                    "it\n\n",
                    design.blocks.size(), rate, wallSeconds, load, load == 1 ? "" : "s");
        std::printf("max event-loop stall   %8.1f ms   (bar: below %.0f ms, probe every %d ms; at %.1f s, "
                    "%d gaps over %.0f ms)\n",
                    maxGapMs, kMaxStallMs, kProbeMs, maxGapAt, longGaps, kMaxStallMs / 2);
        std::printf("simulated / wall       %8.2f x    (bar: at least %.0fx; %.1f s simulated)\n", ratio, kMinRatio,
                    simSeconds);
        std::printf("snapshots shown        %8.1f /s   (window repainted %.1f /s)\n", snapshots / wallSeconds,
                    frames.repaints / wallSeconds);
        std::printf("GUI time per snapshot  %8.1f ms   p50, %.1f ms p95, %.1f ms max, over %d frames (budget: one 60 Hz "
                    "frame, %.1f ms; %d over it; longest single piece %.1f ms)\n",
                    frames.total.p50Ms, frames.total.p95Ms, frames.total.maxMs, frames.frames,
                    UiFrameBudget::kBudgetMs, frames.overBudget, frames.largestPieceMs);
        for (int part = 0; part < UiFrameBudget::PartCount; ++part) {
            const UiFrameBudget::Figures& f = frames.parts[part];
            std::printf("  %-20s %8.1f ms   p50, %.1f ms p95, %.1f ms max\n",
                        UiFrameBudget::partName(UiFrameBudget::Part(part)), f.p50Ms, f.p95Ms, f.maxMs);
        }
        std::printf("\n%s\n", pass ? "PASS" : "FAIL");
    }
    return pass ? 0 : 1;
}

} // namespace scalelab::app
