// Each bundled example's "what to try" text tells a learner what they will
// see ("about 82% busy", "the hit ratio drops to about 25%"). Here every
// figure such a text states is checked on the file itself, and on the
// variation the text asks for, so a change to the engine or to the file
// that makes the text false fails a test instead of misleading a learner.
//
// Tolerances, decided before running: where the figure follows from theory
// (utilisation from the offered work, an LRU's hit ratio under uniform keys)
// the band is about 3.29 sigma of the measured quantity, rounded up; where
// there is no closed form (tail latencies, LRU under Zipf keys) the figure
// must be within 15% (latencies) or 2 percentage points (hit ratios: the
// text rounds to whole percents, and a 20 s run's cold edge differs from
// the CLI's 60 s one by about half a point).
//
// Examples whose claims other tests check: write-behind-batching and
// connection-pool-timeout (WriteBehindAndPoolExamplesTest), autoscaling-group
// (ResilienceTest), session-state (SessionStateTest), the resilience and async
// examples (ResilienceExampleClaimsTest), the scaling path, replicas, pub/sub,
// fan-out, closed-loop and partitioning examples (ScalingExampleClaimsTest),
// object-storage-uploads, kv-hot-partition and search-index-refresh
// (DataStoreExamplesTest), clickstream-kafka (StreamTest), chat-connections
// (ConnectionServerTest), ddos-waf (WafTest), scaling-5-cqrs and
// api-gateway-microservices (ServicePatternExamplesTest).
// Not run by a test: video-platform's autoscaling (minutes of wall time per
// run under the sanitizers; its texts were re-run by hand with the CLI).
#include "ClaimChecks.h"
#include "analysis/Queueing.h"
#include "core/Outcome.h"
#include "io/ScenarioFile.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"

#include <QDir>
#include <QtTest>

#include <cmath>
#include <regex>
#include <set>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

const char* const kExamples = SCALELAB_SOURCE_DIR "/resources/examples/";

// Every name a what-to-try text may mention: parameters of blocks and links,
// their enum choices, fault actions, outcome (error) names.
std::set<std::string> registryNames()
{
    std::set<std::string> names;
    const auto addParams = [&](const std::vector<model::ParamSpec>& params) {
        for (const auto& p : params) {
            names.insert(p.key);
            names.insert(p.choices.begin(), p.choices.end());
        }
    };
    for (const auto& spec : model::Registry::instance().blocks()) {
        names.insert(spec.kind);
        addParams(spec.params);
    }
    addParams(model::Registry::instance().linkParams());
    for (const auto& fault : model::faultSpecs())
        names.insert(fault.action);
    for (int kind = 1; kind <= sim::kErrorKindCount; ++kind)
        names.insert(sim::outcomeName(static_cast<sim::Outcome>(kind)));
    return names;
}

} // namespace

class ExampleClaimsTest : public QObject {
    Q_OBJECT

private slots:
    // A name in backticks or a bare snake_case word in a what-to-try text
    // must be something the product knows: a parameter (the reason for this
    // check: twitter-fanout-read once named `followees_per_reader`, which
    // never existed), a choice, a fault, an error kind, or a figure the
    // example's own blocks report (propagation_p95_ms), or a CLI command.
    void every_name_in_a_what_to_try_exists()
    {
        const std::set<std::string> known = registryNames();
        const std::regex backticked("`([^`]+)`");
        const std::regex snakeCase("\\b[a-z][a-z0-9]*(_[a-z0-9]+)+\\b");
        const QStringList files = QDir(kExamples).entryList({"*.scalelab"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() > 30);
        for (const QString& file : files) {
            const model::Architecture design = io::readScenario(std::string(kExamples) + file.toStdString());
            const std::string& text = design.library.whatToTry;
            QVERIFY2(!text.empty(), qPrintable(file + " has no what-to-try"));
            std::set<std::string> words;
            for (std::sregex_iterator it(text.begin(), text.end(), backticked), end; it != end; ++it)
                words.insert((*it)[1]);
            for (std::sregex_iterator it(text.begin(), text.end(), snakeCase), end; it != end; ++it)
                words.insert((*it)[0]);
            std::set<std::string> figures;
            bool simulated = false;
            for (const std::string& word : words) {
                if (known.count(word) || word.rfind("scalelab ", 0) == 0)
                    continue;
                if (!simulated) { // only when needed: the names of the figures its blocks report
                    const auto snap = simulate(design, 0, 0.5);
                    for (const auto& b : snap.blocks)
                        for (const auto& [name, value] : b.extras)
                            figures.insert(name);
                    simulated = true;
                }
                QVERIFY2(figures.count(word), qPrintable(file + ": what-to-try names \"" + QString::fromStdString(word) +
                                    "\", which is no parameter, choice, fault, error or figure"));
            }
        }
    }

    void twitter_fanout_read()
    {
        // Utilisation = offered work / 128 workers: 9,500 reads x (1 ms + 200
        // merges x 0.05 ms) + 500 posts x 2 ms = 82.4%. Over ~200,000
        // requests the busy-time sum's 3.29 sigma is under 1 point.
        const model::Architecture design = example("twitter-fanout-read.scalelab");
        const auto base = simulate(design, 5, 20);
        const auto& timeline = block(base, "timeline");
        VERIFY_NEAR("utilisation", timeline.utilization, 0.824, 0.01);
        QCOMPARE(timeline.extras.at("merge_ms_per_read"), 10.0);
        QCOMPARE(timeline.extras.at("propagation_p95_ms"), 0.0);

        model::Architecture halved = design;
        set(halved, "timeline", "followees_mean", 100);
        const auto half = simulate(halved, 5, 20);
        // (9,500 x 6 ms + 1,000 ms) / 128 = 45.3%.
        VERIFY_NEAR("utilisation", block(half, "timeline").utilization, 0.453, 0.01);
        VERIFY_WITHIN("p95 ms", half.latency.p95Ms, 52, 0.15);
        QVERIFY(half.latency.p95Ms < base.latency.p95Ms);
    }

    void youtube_cdn()
    {
        const model::Architecture design = example("youtube-cdn.scalelab");
        const auto base = simulate(design, 5, 20);
        const auto& cdn = block(base, "cdn");
        VERIFY_NEAR("offload", cdn.extras.at("offload"), 0.75, 0.05);
        VERIFY_NEAR("hit ratio", cdn.extras.at("hit_ratio"), 0.82, 0.02);
        VERIFY_WITHIN("p50 ms", base.latency.p50Ms, 20, 0.15);
        VERIFY_WITHIN("p95 ms", base.latency.p95Ms, 185, 0.15);
        // The file's own SLO is met (it once was not).
        QVERIFY2(base.latency.p95Ms < design.findBlock("viewers")->params.at("slo_p95_ms"),
                 qPrintable(figure("p95 ms", base.latency.p95Ms, 200)));
        QCOMPARE(base.errors.total(), uint64_t(0));

        model::Architecture shortTtl = design;
        set(shortTtl, "cdn", "ttl_s", 5);
        const auto ttl = simulate(shortTtl, 5, 20);
        const double hit = block(ttl, "cdn").extras.at("hit_ratio");
        VERIFY_NEAR("hit ratio", hit, 0.70, 0.02);
        const double rise = perSecond(ttl, "origin") / perSecond(base, "origin");
        VERIFY_WITHIN("origin arrivals ratio", rise, 1.4, 0.15);
        VERIFY_WITHIN("origin rps", perSecond(ttl, "origin"), 7400, 0.15);
        VERIFY_WITHIN("mean ms", base.latency.meanMs, 58, 0.15);
        VERIFY_WITHIN("mean ms", ttl.latency.meanMs, 74, 0.15);

        // Uniform keys: an LRU of C keys over N hits C / N = 25% in steady
        // state; the cold start of a 20 s run costs less than a point.
        model::Architecture flat = design;
        set(flat, "viewers", "key_skew", 0);
        const auto uniform = simulate(flat, 5, 20);
        const double flatHit = block(uniform, "cdn").extras.at("hit_ratio");
        VERIFY_NEAR("hit ratio", flatHit, 0.25, 0.02);
        QVERIFY(block(uniform, "origin").utilization > 0.99);
        QVERIFY(uniform.errors[sim::Outcome::Rejected] > 0);
    }

    void instagram_sharding()
    {
        // Offered work over 8 shards x 16 workers: 7,600 reads x 4 ms +
        // 400 writes x 12 ms = 27.5% busy; Poisson counts over 20 s keep the
        // busy-time sum within half a point (3.29 sigma).
        const model::Architecture design = example("instagram-sharding.scalelab");
        const auto base = simulate(design, 5, 20);
        const auto& db = block(base, "db");
        // "Noticeably more than 1/8": at least a tenth more than an even
        // share; 3.29 sigma of a share over 160,000 queries is 0.003.
        QVERIFY2(db.extras.at("hottest_shard_share") > 0.125 * 1.1, qPrintable(figure("hottest share", db.extras.at("hottest_shard_share"), 0.125)));
        VERIFY_NEAR("utilisation", db.utilization, 0.275, 0.01);

        model::Architecture skewed = design;
        set(skewed, "users", "key_skew", 1.5);
        const auto hot = simulate(skewed, 5, 20);
        const auto& hotDb = block(hot, "db");
        const double share = hotDb.extras.at("hottest_shard_share");
        QVERIFY2(share > 0.4 && share < 0.5, qPrintable(figure("hottest share", share, 0.45)));
        // Saturated: the hottest shard serves what its 16 workers can,
        // 16 / (0.95 x 4 ms + 0.05 x 12 ms) = 3,636 queries/s.
        const double hottestRate = share * hotDb.arrivals / hot.measuredSeconds;
        QVERIFY2(hottestRate > 0.95 * 3636, qPrintable(figure("hottest shard q/s", hottestRate, 3636)));
        QVERIFY2(hot.latency.p95Ms > 300, qPrintable(figure("p95 ms", hot.latency.p95Ms, 300)));
        QVERIFY(hot.errors[sim::Outcome::Rejected] > 0);
        QVERIFY2(hotDb.utilization > 0.2 && hotDb.utilization < 0.3, qPrintable(figure("utilisation", hotDb.utilization, 0.25)));

        // 5% of 7,600 reads ask all 8 shards: 380 x 7 x 4 ms more work, 35.8%.
        model::Architecture scattered = design;
        set(scattered, "db", "cross_shard_ratio", 0.05);
        const auto scatter = simulate(scattered, 5, 20);
        VERIFY_NEAR("utilisation", block(scatter, "db").utilization, 0.358, 0.01);
    }
    void product_page_cache_aside()
    {
        // Poisson counts over 20 s: a rate r is within 3.29 sqrt(r / 20 s).
        const model::Architecture design = example("product-page-cache-aside.scalelab");
        const auto base = simulate(design, 5, 20);
        VERIFY_RATE(base, "db", 10);

        model::Architecture ninety = design;
        set(ninety, "cache", "hit_ratio", 0.9);
        const auto tenfold = simulate(ninety, 5, 20);
        VERIFY_RATE(tenfold, "db", 100);
        QVERIFY(block(tenfold, "db").utilization < 0.2);

        // Cold: 8 workers x 1 / 10 ms = 800 of 1,000 reads/s; the rest,
        // a fifth, are refused (3.29 sigma of the share over 20,000 requests
        // is under a point; the app's full queue makes it 2 points).
        model::Architecture cold = design;
        set(cold, "cache", "hit_ratio", 0);
        const auto flood = simulate(cold, 5, 20);
        VERIFY_WITHIN("db q/s", perSecond(flood, "db"), 800, 0.03);
        QVERIFY(block(flood, "db").utilization > 0.99);
        const double refused = double(flood.errors[sim::Outcome::Rejected]) / flood.requests;
        VERIFY_NEAR("503 share", refused, 0.2, 0.02);
    }

    void default_design()
    {
        // 10 misses (1% of 990 reads) and 10 writes a second.
        const model::Architecture design = example("default.scalelab");
        const auto base = simulate(design, 5, 20);
        VERIFY_RATE(base, "db", 20);
        QVERIFY(block(base, "db").utilization < 0.15);

        // 990 reads against 8 workers / 20 ms = 400 a second.
        model::Architecture cold = design;
        set(cold, "cache", "hit_ratio", 0);
        const auto flood = simulate(cold, 5, 20);
        QVERIFY(block(flood, "db").utilization > 0.99);
        QVERIFY(block(flood, "db").errors[sim::Outcome::Rejected] > 0); // its queue was full
        QVERIFY(flood.errors[sim::Outcome::Timeout] > 0);
        QVERIFY(flood.errors[sim::Outcome::Rejected] > 0);
    }

    void scaling_1_mvp()
    {
        // The app holds a worker for 5 ms + the query's 0.9 x 5 + 0.1 x 20
        // ms + 1 ms of round trip = 12.5 ms: at 1,000 rps 16 workers are
        // 78% busy (3.29 sigma of the busy time over 20,000 requests: 2 points).
        const model::Architecture design = example("scaling-1-mvp.scalelab");
        model::Architecture tenfold = design;
        set(tenfold, "users", "rate_rps", 1000);
        const auto busy = simulate(tenfold, 5, 20);
        VERIFY_NEAR("app utilisation", block(busy, "app").utilization, 0.78, 0.02);
        QVERIFY(block(busy, "app").meanQueue > 0);
        QCOMPARE(busy.errors.total(), uint64_t(0));

        // At 1,500 rps the 16 workers serve at most 1,280: about 1 in 6
        // refused (no closed form with the queue: 15%), latency x4 (15%).
        const auto base = simulate(design, 5, 20);
        model::Architecture overload = design;
        set(overload, "users", "rate_rps", 1500);
        const auto over = simulate(overload, 5, 20);
        const double refused = double(over.errors[sim::Outcome::Rejected]) / over.requests;
        VERIFY_WITHIN("503 share", refused, 1.0 / 6, 0.15);
        VERIFY_WITHIN("latency ratio", over.latency.meanMs / base.latency.meanMs, 4, 0.15);

        // Scaled up to 32 workers it copes; the database: 1,500 x 6.5 ms / 16 = 61%.
        set(overload, "app", "workers", 32);
        const auto up = simulate(overload, 5, 20);
        QCOMPARE(up.errors.total(), uint64_t(0));
        VERIFY_NEAR("db utilisation", block(up, "db").utilization, 0.61, 0.02);
    }
    void three_tier()
    {
        // Database: 10% of 900 reads miss + 100 writes = 190 a second;
        // at hit ratio 0.5, 450 + 100 = 550 (Poisson bands).
        const model::Architecture design = example("three-tier.scalelab");
        const auto base = simulate(design, 5, 20);
        VERIFY_RATE(base, "db", 190);
        model::Architecture half = design;
        set(half, "cache", "hit_ratio", 0.5);
        const auto missing = simulate(half, 5, 20);
        VERIFY_RATE(missing, "db", 550);
        QVERIFY(block(missing, "app").utilization > block(base, "app").utilization);

        // Overload: shares with no closed form (retries, full queues): 15%.
        model::Architecture doubled = design;
        set(doubled, "users", "rate_rps", 2000);
        const auto over = simulate(doubled, 5, 20);
        const auto& app = block(over, "app");
        QVERIFY(app.utilization > 0.99);
        const double refusedAttempts = double(app.errors[sim::Outcome::Rejected]) / app.arrivals;
        VERIFY_WITHIN("503 share of attempts", refusedAttempts, 0.4, 0.15);
        const double failed = double(over.errors.total()) / over.requests;
        VERIFY_WITHIN("failed share of requests", failed, 0.2, 0.15);
    }
    void multi_level_cache()
    {
        // The seeds' 7.4 ms: 30% CDN hits x 20 ms + 8% Redis x 5 + 2% DB x
        // 50. Requests are independent (no queueing), so over 200,000 the
        // mean's 3.29 sigma is 0.08 ms (per-request sd 10.8 ms).
        const model::Architecture design = example("multi-level-cache.scalelab");
        const auto base = simulate(design, 5, 20);
        VERIFY_NEAR("mean ms", base.latency.meanMs, 7.4, 0.1);
        VERIFY_RATE(base, "db", 200);

        model::Architecture halfCdn = design;
        set(halfCdn, "cdn", "hit_ratio", 0.5);
        const auto half = simulate(halfCdn, 5, 20);
        VERIFY_NEAR("mean ms", half.latency.meanMs, 6.8, 0.1);
        VERIFY_RATE(half, "db", 400);
    }
    // The queueing examples' measured means are QueueingAccuracyTest's
    // (the same M/M/1 at 800/1,000 and M/M/4 at 3,200/1,000, against
    // theory in a 99.9% interval); here the theory figures their texts
    // quote are computed from the files' own parameters.
    void mm1_and_mmc_quoted_theory()
    {
        const model::Architecture mm1 = example("mm1.scalelab");
        const double mu = 1000 / mm1.findBlock("server")->params.at("service_time_ms");
        const double rate = mm1.findBlock("client")->params.at("rate_rps");
        QCOMPARE(analysis::mm1(rate, mu).meanResponse * 1000, 5.0);
        QCOMPARE(qRound(analysis::mm1(900, mu).meanResponse * 1000), 10);
        QCOMPARE(qRound(analysis::mm1(950, mu).meanResponse * 1000), 20);

        const model::Architecture mmc = example("mmc.scalelab");
        const int c = int(mmc.findBlock("server")->params.at("workers"));
        const double lambda = mmc.findBlock("client")->params.at("rate_rps");
        const double erlang = analysis::mmc(lambda, mu, c).meanResponse * 1000;
        VERIFY_NEAR("Erlang C mean ms", erlang, 1.75, 0.005);
        // "More than triples, to about 5.5 ms" at rho 0.95.
        const double high = analysis::mmc(3800, mu, c).meanResponse * 1000;
        QVERIFY2(high > 3 * erlang && std::abs(high - 5.5) < 0.05, qPrintable(figure("Erlang C mean ms", high, 5.5)));
    }
    // The first 40 s, before the ramp: the full 12-minute run takes minutes
    // even with the cell reduction, so the ramp's figures are the CLI's.
    void black_friday_full_before_the_ramp()
    {
        const model::Architecture design = example("black-friday-full.scalelab");
        QCOMPARE(design.cells, 100);
        const auto snap = simulate(design, 5, 40);
        // 1.9M requests/s, half of them images and pre-generated pages of
        // which the CDN serves 95% (the seeds' figure): the web tier gets
        // 1.9M x (0.5 + 0.5 x 0.05) = 997,500 a second. One cell simulates
        // a hundredth: Poisson bands on its counts, binomial on the hit ratio
        // (3.29 sigma over ~380,000 static requests: 0.0012).
        const auto& cdn = block(snap, "cdn");
        VERIFY_NEAR("CDN hit ratio", cdn.extras.at("hit_ratio"), 0.95, 0.002);
        const double webPerCell = perSecond(snap, "web") / design.cells;
        QVERIFY2(poissonClose(webPerCell, 9975, snap.measuredSeconds), qPrintable(figure("web rps per cell", webPerCell, 9975)));
        QCOMPARE(block(snap, "web").instances, 100);
        QCOMPARE(snap.errors.total(), uint64_t(0));
        VERIFY_WITHIN("p95 ms", snap.latency.p95Ms, 50, 0.15);
        // Servers and databases about $300 an hour; the CDN bills each of
        // the 1.9M requests a second at $0.75 a million: $5,130 an hour.
        double servers = 0;
        for (const auto& b : snap.blocks)
            if (b.id != "cdn")
                servers += b.costPerHour;
        VERIFY_WITHIN("servers $/h", servers, 300, 0.15);
        VERIFY_WITHIN("CDN $/h", cdn.costPerHour, 5130, 0.01);
    }
};

QTEST_APPLESS_MAIN(ExampleClaimsTest)
#include "ExampleClaimsTest.moc"
