#pragma once
// A trade-off card: a design decision taught by running both answers. Two
// bundled designs that differ in that one decision, what to look for when
// they run side by side, and the claims the comparison must bear out (each
// a figure and the side it moves to), so the card's text can be tested.
#include <string>
#include <vector>

namespace scalelab::model {

struct TradeoffSide {
    std::string design; // path of the .scalelab, relative to the card's file
    std::string label;  // "Push (fan-out on write)"
    bool operator==(const TradeoffSide&) const = default;
};

struct TradeoffClaim {
    // The paired difference B - A must have its 95% interval wholly below
    // zero (BLower), wholly above (BHigher), or around zero (NoDifference).
    enum class Expect { BLower, BHigher, NoDifference };
    std::string metric;  // MetricCatalog name in design A: "p95_ms", "db.arrival_rps"
    std::string metricB; // the same figure in design B (a block may have another id there)
    Expect expect = Expect::BLower;
    std::string text; // what a learner reads: "Pull pays the gather on every read: p95 about 3x"
    bool operator==(const TradeoffClaim&) const = default;
};

struct TradeoffCard {
    std::string title, topic, tier; // tier: foundations, intermediate, advanced, expert
    std::string question;           // the decision, in a sentence or two
    TradeoffSide a, b;
    std::string lookFor;              // what to watch in the plots and the table
    std::string chooseAWhen, chooseBWhen;
    double warmupS = 10, durationS = 60;
    int replications = 5;
    std::vector<TradeoffClaim> claims;
    bool operator==(const TradeoffCard&) const = default;
};

// "b_lower", "b_higher", "no_difference": the file's words for Expect.
const char* expectName(TradeoffClaim::Expect expect);

} // namespace scalelab::model
