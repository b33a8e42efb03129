#include "LearningPathReader.h"

#include "JsonReader.h"
#include "JsonText.h"
#include "LoadError.h"

#include <algorithm>
#include <map>

namespace scalelab::io {

using nlohmann::json;

namespace {

constexpr const char* kFormat = "scalelab-learning-path";
constexpr int kVersion = 1;

model::PathStep::Kind readKind(const JsonReader& reader, const json& value, const std::string& at)
{
    using Kind = model::PathStep::Kind;
    const std::string name = reader.string(value, at);
    for (Kind kind : {Kind::Lesson, Kind::Tradeoff, Kind::Challenge, Kind::Interview})
        if (name == model::LearningPath::kindName(kind))
            return kind;
    reader.fail(at, "unknown kind " + inQuotes(name) + "; expected one of lesson, tradeoff, challenge, interview");
}

model::PathStep readStep(const JsonReader& reader, const json& value, const std::string& at)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"id", "kind", "ref", "title", "why", "requires"});
    model::PathStep step;
    step.id = reader.string(reader.require(value, "id", at), child(at, "id"));
    step.kind = readKind(reader, reader.require(value, "kind", at), child(at, "kind"));
    step.ref = reader.string(reader.require(value, "ref", at), child(at, "ref"));
    if (step.ref.empty() || step.ref.find_first_of("/\\:") != std::string::npos)
        reader.fail(child(at, "ref"), "must be a bundled file's stem (no folder, no extension), got " + inQuotes(step.ref));
    const std::string expectedId = std::string(model::LearningPath::kindName(step.kind)) + ":" + step.ref;
    if (step.id != expectedId)
        reader.fail(child(at, "id"), "must be \"<kind>:<ref>\", i.e. " + inQuotes(expectedId) + ", got " + inQuotes(step.id));
    step.title = reader.string(reader.require(value, "title", at), child(at, "title"));
    step.why = reader.string(reader.require(value, "why", at), child(at, "why"));
    if (step.title.empty() || step.why.empty())
        reader.fail(at, "title and why must not be empty");
    if (auto given = value.find("requires"); given != value.end()) {
        const std::string listAt = child(at, "requires");
        reader.array(*given, listAt);
        for (std::size_t i = 0; i < given->size(); ++i)
            step.prerequisites.push_back(reader.string((*given)[i], element(listAt, i)));
    }
    return step;
}

struct StepPlace {
    std::size_t tier;
    std::string path; // JSON path of the step, for messages
};

// Depth-first search over the requirements; the path in progress is "grey".
void checkNoCycle(const JsonReader& reader, const model::LearningPath& learningPath,
                  const std::map<std::string, StepPlace>& places)
{
    std::map<std::string, int> colour; // 0 white, 1 grey, 2 black
    std::vector<std::string> trail;
    const auto visit = [&](const auto& self, const model::PathStep& step) -> void {
        colour[step.id] = 1;
        trail.push_back(step.id);
        for (const std::string& required : step.prerequisites) {
            if (colour[required] == 1) {
                std::string loop;
                for (auto it = std::find(trail.begin(), trail.end(), required); it != trail.end(); ++it)
                    loop += *it + " -> ";
                reader.fail(child(places.at(step.id).path, "requires"), "requirements form a cycle: " + loop + required);
            }
            if (colour[required] == 0)
                self(self, *learningPath.find(required));
        }
        trail.pop_back();
        colour[step.id] = 2;
    };
    for (const model::PathTier& tier : learningPath.tiers)
        for (const model::PathStep& step : tier.steps)
            if (colour[step.id] == 0)
                visit(visit, step);
}

} // namespace

model::LearningPath parseLearningPath(const std::string& text, const std::string& fileName)
{
    const JsonReader reader(fileName);
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& error) {
        const std::string what = error.what();
        const std::size_t at = what.find("parse error at ");
        reader.fail("", clip(at == std::string::npos ? what : what.substr(at + 15), 200));
    }
    reader.object(root, "");
    reader.checkKeys(root, "", {"format", "version", "tiers"});
    if (reader.string(reader.require(root, "format", ""), "format") != kFormat)
        reader.fail("format", std::string("must be \"") + kFormat + "\"");
    if (reader.number(reader.require(root, "version", ""), "version") != kVersion)
        reader.fail("version", "must be " + std::to_string(kVersion));

    model::LearningPath learningPath;
    const json& tiers = reader.array(reader.require(root, "tiers", ""), "tiers");
    const auto& tierIds = model::LearningPath::tierIds();
    if (tiers.size() != tierIds.size())
        reader.fail("tiers", "must list the " + std::to_string(tierIds.size()) + " tiers " + listed(tierIds) + ", got " +
                                 std::to_string(tiers.size()));
    std::map<std::string, StepPlace> places;
    for (std::size_t t = 0; t < tiers.size(); ++t) {
        const std::string at = element("tiers", t);
        reader.object(tiers[t], at);
        reader.checkKeys(tiers[t], at, {"id", "title", "steps"});
        model::PathTier tier;
        tier.id = reader.string(reader.require(tiers[t], "id", at), child(at, "id"));
        if (tier.id != tierIds[t])
            reader.fail(child(at, "id"), "tier " + std::to_string(t + 1) + " must be " + inQuotes(tierIds[t]) + ", got " +
                                             inQuotes(tier.id));
        tier.title = reader.string(reader.require(tiers[t], "title", at), child(at, "title"));
        const std::string stepsAt = child(at, "steps");
        const json& steps = reader.array(reader.require(tiers[t], "steps", at), stepsAt);
        for (std::size_t s = 0; s < steps.size(); ++s) {
            const std::string stepAt = element(stepsAt, s);
            model::PathStep step = readStep(reader, steps[s], stepAt);
            if (places.count(step.id))
                reader.fail(child(stepAt, "id"), inQuotes(step.id) + " appears twice (first at " + places.at(step.id).path + ")");
            places.emplace(step.id, StepPlace{t, stepAt});
            tier.steps.push_back(std::move(step));
        }
        learningPath.tiers.push_back(std::move(tier));
    }
    // Requirements are checked once every step is known: a step may require a later one of its own tier.
    for (const model::PathTier& tier : learningPath.tiers)
        for (const model::PathStep& step : tier.steps) {
            const StepPlace& place = places.at(step.id);
            for (std::size_t i = 0; i < step.prerequisites.size(); ++i) {
                const std::string& required = step.prerequisites[i];
                const std::string at = element(child(place.path, "requires"), i);
                const auto found = places.find(required);
                if (found == places.end()) {
                    std::vector<std::string> ids;
                    for (const auto& entry : places)
                        ids.push_back(entry.first);
                    reader.fail(at, "no step " + inQuotes(required) + didYouMean(required, ids));
                }
                if (required == step.id)
                    reader.fail(at, "a step cannot require itself");
                if (found->second.tier > place.tier)
                    reader.fail(at, inQuotes(required) + " is in a later tier (" + tierIds[found->second.tier] +
                                        "): a step may require only steps of its own or an earlier tier");
            }
        }
    checkNoCycle(reader, learningPath, places);
    return learningPath;
}

} // namespace scalelab::io
