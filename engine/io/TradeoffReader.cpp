#include "TradeoffReader.h"

#include "JsonReader.h"
#include "JsonText.h"
#include "LoadError.h"
#include "ScenarioFile.h"
#include "model/MetricCatalog.h"

#include <filesystem>

namespace scalelab::io {

using nlohmann::json;

namespace {

const std::vector<std::string> kTiers{"foundations", "intermediate", "advanced", "expert"};
const std::vector<std::string> kExpectations{"b_lower", "b_higher", "no_difference"};

std::string oneOf(const JsonReader& reader, const json& value, const std::string& at,
                  const std::vector<std::string>& allowed)
{
    const std::string word = reader.string(value, at);
    for (const auto& candidate : allowed)
        if (candidate == word)
            return word;
    reader.fail(at, "must be one of " + listed(allowed) + ", got " + inQuotes(word) + didYouMean(word, allowed));
}

std::string requiredText(const JsonReader& reader, const json& object, const std::string& key, const std::string& at)
{
    const std::string text = reader.string(reader.require(object, key, at), child(at, key));
    if (text.empty())
        reader.fail(child(at, key), "must not be empty");
    return text;
}

model::TradeoffSide readSide(const JsonReader& reader, const json& value, const std::string& at)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"design", "label"});
    return {requiredText(reader, value, "design", at), requiredText(reader, value, "label", at)};
}

void readRun(const JsonReader& reader, const json& value, const std::string& at, model::TradeoffCard& card)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"warmup_s", "duration_s", "replications"});
    if (auto given = value.find("warmup_s"); given != value.end())
        card.warmupS = reader.numberIn(*given, child(at, "warmup_s"), 0, 3600);
    if (auto given = value.find("duration_s"); given != value.end())
        card.durationS = reader.numberIn(*given, child(at, "duration_s"), 1, 3600);
    if (auto given = value.find("replications"); given != value.end())
        // A paired interval needs two pairs; beyond 100 a card is too slow to open.
        card.replications = static_cast<int>(reader.numberIn(*given, child(at, "replications"), 2, 100));
}

model::TradeoffClaim readClaim(const JsonReader& reader, const json& value, const std::string& at)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"metric", "metric_b", "expect", "text"});
    model::TradeoffClaim claim;
    claim.metric = requiredText(reader, value, "metric", at);
    claim.metricB = reader.optionalString(value, "metric_b", at, claim.metric);
    const std::string expect = oneOf(reader, reader.require(value, "expect", at), child(at, "expect"), kExpectations);
    claim.expect = expect == "b_lower"    ? model::TradeoffClaim::Expect::BLower
                   : expect == "b_higher" ? model::TradeoffClaim::Expect::BHigher
                                          : model::TradeoffClaim::Expect::NoDifference;
    claim.text = requiredText(reader, value, "text", at);
    return claim;
}

} // namespace

model::TradeoffCard parseTradeoffCard(const std::string& text, const std::string& fileNameForErrors)
{
    const JsonReader reader(fileNameForErrors);
    const json root = parseBoundedJson(text, fileNameForErrors);
    reader.object(root, "");
    reader.checkKeys(root, "",
                     {"format", "version", "title", "topic", "tier", "question", "a", "b", "look_for", "choose_a_when",
                      "choose_b_when", "run", "claims"});
    if (reader.string(reader.require(root, "format", ""), "format") != "scalelab-tradeoff")
        reader.fail("format", "must be \"scalelab-tradeoff\" (this is not a trade-off card)");
    const double version = reader.number(reader.require(root, "version", ""), "version");
    if (version > kTradeoffVersion)
        reader.fail("version", "this card is version " + formatNumber(version) +
                                   "; this ScaleLab reads up to version " + std::to_string(kTradeoffVersion) +
                                   ": update ScaleLab");
    if (version < 1)
        reader.fail("version", "must be 1 or more, got " + formatNumber(version));
    model::TradeoffCard card;
    card.title = requiredText(reader, root, "title", "");
    card.topic = requiredText(reader, root, "topic", "");
    card.tier = oneOf(reader, reader.require(root, "tier", ""), "tier", kTiers);
    card.question = requiredText(reader, root, "question", "");
    card.a = readSide(reader, reader.require(root, "a", ""), "a");
    card.b = readSide(reader, reader.require(root, "b", ""), "b");
    card.lookFor = requiredText(reader, root, "look_for", "");
    card.chooseAWhen = reader.optionalString(root, "choose_a_when", "", "");
    card.chooseBWhen = reader.optionalString(root, "choose_b_when", "", "");
    if (auto run = root.find("run"); run != root.end())
        readRun(reader, *run, "run", card);
    const json& claims = reader.array(reader.require(root, "claims", ""), "claims");
    if (claims.empty())
        reader.fail("claims", "must name at least one figure the comparison shows");
    for (size_t i = 0; i < claims.size(); ++i)
        card.claims.push_back(readClaim(reader, claims[i], element("claims", i)));
    return card;
}

model::TradeoffCard readTradeoffCard(const std::string& path)
{
    return parseTradeoffCard(readBoundedFile(path), path);
}

void checkTradeoffClaims(const model::TradeoffCard& card, const model::Architecture& a, const model::Architecture& b,
                         const std::string& cardFileForErrors)
{
    const JsonReader reader(cardFileForErrors);
    for (size_t i = 0; i < card.claims.size(); ++i) {
        const auto& claim = card.claims[i];
        if (const std::string why = model::metricRefusal(claim.metric, a); !why.empty())
            reader.fail(child(element("claims", i), "metric"), "in design A (" + card.a.design + "): " + why);
        if (const std::string why = model::metricRefusal(claim.metricB, b); !why.empty())
            reader.fail(child(element("claims", i), claim.metricB == claim.metric ? "metric" : "metric_b"),
                        "in design B (" + card.b.design + "): " + why);
    }
}

TradeoffPair loadTradeoffPair(const std::string& cardPath,
                              const std::function<std::string(const std::string& path)>& readText)
{
    TradeoffPair pair;
    pair.card = parseTradeoffCard(readText(cardPath), cardPath);
    const std::filesystem::path folder = std::filesystem::path(cardPath).parent_path();
    for (auto [side, design] : {std::pair{&pair.card.a, &pair.a}, std::pair{&pair.card.b, &pair.b}}) {
        const std::string path = (folder / side->design).string();
        *design = parseScenario(readText(path), path);
    }
    checkTradeoffClaims(pair.card, pair.a, pair.b, cardPath);
    return pair;
}

TradeoffPair readTradeoffPair(const std::string& cardPath)
{
    return loadTradeoffPair(cardPath, readBoundedFile);
}

} // namespace scalelab::io
