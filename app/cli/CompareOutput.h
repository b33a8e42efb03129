#pragma once
// What `scalelab compare` prints: the figures of A and B and the paired
// difference, as a table or JSON (each estimate {"mean", "half_width", "n"},
// as `run --replications` writes them), and a card's claims with whether
// each holds.
#include "analysis/TradeoffCheck.h"
#include "model/TradeoffCard.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace scalelab::cli {

struct CompareReport {
    std::string fileA, fileB;
    analysis::ComparePlan plan;
    std::optional<model::TradeoffCard> card;
    analysis::TradeoffResult result; // claims empty without a card
};

nlohmann::ordered_json compareToJson(const CompareReport& report);
void printCompareTable(const CompareReport& report);

} // namespace scalelab::cli
