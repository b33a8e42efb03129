#pragma once
// Reads a trade-off card (.tradeoff), with the errors of every ScaleLab file
// (file, JSON path, rule):
//
//   {"format": "scalelab-tradeoff", "version": 1,
//    "title", "topic", "tier": "foundations|intermediate|advanced|expert",
//    "question", "look_for", "choose_a_when", "choose_b_when",
//    "a": {"design": "NAME.a.scalelab", "label": "Push"}, "b": {...},
//    "run": {"warmup_s": 10, "duration_s": 60, "replications": 5},
//    "claims": [{"metric": "p95_ms", "metric_b": "...", "expect": "b_lower|b_higher|no_difference",
//                "text": "..."}]}
//
// Design paths are relative to the card; the app reads the same cards from
// its resources, so the card and its designs arrive as text there.
#include "model/Architecture.h"
#include "model/TradeoffCard.h"

#include <functional>
#include <string>

namespace scalelab::io {

inline constexpr int kTradeoffVersion = 1;

// Throws LoadError.
model::TradeoffCard parseTradeoffCard(const std::string& text, const std::string& fileNameForErrors);
model::TradeoffCard readTradeoffCard(const std::string& path);
// Every claim's figures exist in the designs (MetricCatalog); else LoadError
// naming the card and "claims[i].metric".
void checkTradeoffClaims(const model::TradeoffCard& card, const model::Architecture& a, const model::Architecture& b,
                         const std::string& cardFileForErrors);

// A card with both of its designs, loaded from disk and checked.
struct TradeoffPair {
    model::TradeoffCard card;
    model::Architecture a, b;
};
TradeoffPair readTradeoffPair(const std::string& cardPath);
// The same from wherever `readText(path)` reads (the app's resources):
// the card at `cardPath`, its designs beside it, the claims checked.
TradeoffPair loadTradeoffPair(const std::string& cardPath,
                              const std::function<std::string(const std::string& path)>& readText);

} // namespace scalelab::io
