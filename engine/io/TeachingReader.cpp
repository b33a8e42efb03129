#include "TeachingReader.h"

#include "JsonText.h"
#include "model/LessonEdit.h"
#include "model/MetricCatalog.h"
#include "model/ParamTarget.h"
#include "model/Registry.h"

#include <algorithm>

namespace scalelab::io {

using nlohmann::json;

namespace {

constexpr double kLongestRunS = 24 * 3600;
constexpr int kMostReplications = 100;

model::Check check(const DesignReader& reader, const json& value, const std::string& path,
                   const model::Architecture& design, std::vector<std::string> extraKeys = {})
{
    reader.object(value, path);
    std::vector<std::string> keys = {"metric", "min", "max", "label"};
    keys.insert(keys.end(), extraKeys.begin(), extraKeys.end());
    reader.checkKeys(value, path, keys);
    model::Check result;
    result.metric = reader.string(reader.require(value, "metric", path), child(path, "metric"));
    if (std::string refusal = model::metricRefusal(result.metric, design); !refusal.empty())
        reader.fail(child(path, "metric"), refusal);
    if (auto min = value.find("min"); min != value.end())
        result.min = reader.number(*min, child(path, "min"));
    if (auto max = value.find("max"); max != value.end())
        result.max = reader.number(*max, child(path, "max"));
    if (!result.min && !result.max)
        reader.fail(path, "needs \"min\" or \"max\" (or both)");
    if (result.min && result.max && *result.min > *result.max)
        reader.fail(child(path, "min"), "must not exceed max (" + formatNumber(*result.max) + ")");
    result.label = reader.optionalString(value, "label", path, "");
    return result;
}

// "users.rate_rps" -> the block's parameter, or a LoadError at `path`.
const model::ParamSpec& overriddenParam(const DesignReader& reader, const std::string& target, const std::string& path,
                                        const model::Architecture& design, std::string& blockId)
{
    const model::ParamTarget found = model::findParamTarget(design, target);
    if (!found)
        reader.fail(path, found.error);
    blockId = found.blockId;
    return *found.param;
}

model::ParamOverrides overrides(const DesignReader& reader, const json& value, const std::string& path,
                                const model::Architecture& design)
{
    reader.object(value, path);
    model::ParamOverrides result;
    for (const auto& item : value.items()) {
        const std::string itemPath = child(path, item.key());
        std::string blockId;
        const model::ParamSpec& spec = overriddenParam(reader, item.key(), itemPath, design, blockId);
        result[item.key()] = reader.paramValue(spec, item.value(), itemPath);
    }
    return result;
}

// Reads one edit and applies it to `working`, so later edits and checks may name what it adds.
model::LessonAction action(const DesignReader& reader, const json& value, const std::string& path,
                           model::Architecture& working)
{
    using Kind = model::LessonAction::Kind;
    reader.object(value, path);
    const std::vector<std::string> verbs = {"set", "add_block", "remove_block", "add_link", "remove_link", "fault",
                                            "command"};
    auto verb = std::find_if(verbs.begin(), verbs.end(), [&](const std::string& v) { return value.contains(v); });
    if (verb == verbs.end())
        reader.fail(path, "needs one of " + listed(verbs));
    reader.checkKeys(value, path, *verb == "set" ? std::vector<std::string>{"set", "value"} : std::vector{*verb});
    const json& body = value[*verb];
    const std::string bodyPath = child(path, *verb);
    model::LessonAction result;
    if (*verb == "set") {
        result.kind = Kind::SetParam;
        const std::string target = reader.string(body, bodyPath);
        const model::ParamSpec& spec = overriddenParam(reader, target, bodyPath, working, result.block);
        result.param = spec.key;
        result.value = reader.paramValue(spec, reader.require(value, "value", path), child(path, "value"));
    } else if (*verb == "add_block") {
        result.kind = Kind::AddBlock;
        result.newBlock = reader.blockContent(body, bodyPath);
        if (working.findBlock(result.newBlock.id))
            reader.fail(child(bodyPath, "id"), inQuotes(result.newBlock.id) + " is already used");
    } else if (*verb == "remove_block") {
        result.kind = Kind::RemoveBlock;
        result.block = reader.endpoint(body, bodyPath, working).id;
    } else if (*verb == "add_link") {
        result.kind = Kind::AddLink;
        result.link = reader.linkContent(body, bodyPath, working);
    } else if (*verb == "remove_link") {
        result.kind = Kind::RemoveLink;
        reader.object(body, bodyPath);
        reader.checkKeys(body, bodyPath, {"from", "to"});
        result.link.from = reader.endpoint(reader.require(body, "from", bodyPath), child(bodyPath, "from"), working).id;
        result.link.to = reader.endpoint(reader.require(body, "to", bodyPath), child(bodyPath, "to"), working).id;
    } else if (*verb == "fault") {
        result.kind = Kind::Fault;
        result.fault = reader.fault(body, bodyPath, working, false);
    } else {
        result.kind = Kind::Command;
        const std::string target = reader.string(body, bodyPath);
        const auto dot = target.find('.');
        if (dot == std::string::npos)
            reader.fail(bodyPath, "must be written <block id>.<command>, e.g. \"cache.flush\", got " + inQuotes(target));
        result.block = reader.endpoint(json(target.substr(0, dot)), bodyPath, working).id;
        result.command = target.substr(dot + 1);
    }
    if (std::string refusal = model::applyLessonAction(working, result);
        !refusal.empty())
        reader.fail(path, refusal);
    return result;
}

model::LessonStep step(const DesignReader& reader, const json& value, const std::string& path,
                       model::Architecture& working)
{
    reader.object(value, path);
    reader.checkKeys(value, path, {"title", "explain", "instruction", "check", "apply"});
    model::LessonStep result;
    result.title = reader.string(reader.require(value, "title", path), child(path, "title"));
    result.explain = reader.optionalString(value, "explain", path, "");
    result.instruction = reader.string(reader.require(value, "instruction", path), child(path, "instruction"));
    if (auto apply = value.find("apply"); apply != value.end()) {
        const std::string applyPath = child(path, "apply");
        reader.array(*apply, applyPath);
        for (std::size_t i = 0; i < apply->size(); ++i)
            result.apply.push_back(action(reader, (*apply)[i], element(applyPath, i), working));
    }
    // The check is read after the edits: it may name a block this step adds.
    const json& checkValue = reader.require(value, "check", path);
    result.check = check(reader, checkValue, child(path, "check"), working, {"on"});
    if (auto on = checkValue.find("on"); on != checkValue.end()) {
        const std::string where = reader.string(*on, child(child(path, "check"), "on"));
        if (where != "run" && where != "plan")
            reader.fail(child(child(path, "check"), "on"), "must be \"run\" or \"plan\", got " + inQuotes(where));
        result.checkOn = where == "plan" ? model::LessonStep::CheckOn::Plan : model::LessonStep::CheckOn::Run;
    }
    return result;
}

} // namespace

std::vector<std::string> stringList(const DesignReader& reader, const json& value, const std::string& path)
{
    reader.array(value, path);
    std::vector<std::string> result;
    for (std::size_t i = 0; i < value.size(); ++i)
        result.push_back(reader.string(value[i], element(path, i)));
    return result;
}

model::ChallengeLoad readChallengeLoad(const DesignReader& reader, const json& value, const std::string& path,
                                       const model::Architecture& design)
{
    reader.object(value, path);
    reader.checkKeys(value, path, {"name", "hidden", "set", "faults"});
    model::ChallengeLoad result;
    result.name = reader.id(reader.require(value, "name", path), child(path, "name"));
    if (result.name == model::Challenge::kStatedLoad)
        reader.fail(child(path, "name"), "\"stated\" is the name of the stated traffic; choose another");
    if (auto hidden = value.find("hidden"); hidden != value.end())
        result.hidden = reader.boolean(*hidden, child(path, "hidden"));
    if (auto set = value.find("set"); set != value.end())
        result.set = overrides(reader, *set, child(path, "set"), design);
    if (auto faults = value.find("faults"); faults != value.end()) {
        const std::string faultsPath = child(path, "faults");
        reader.array(*faults, faultsPath);
        for (std::size_t i = 0; i < faults->size(); ++i)
            result.faults.push_back(reader.fault((*faults)[i], element(faultsPath, i), design));
    }
    return result;
}

model::LibraryInfo readLibrary(const DesignReader& reader, const json& value, const std::string& path)
{
    reader.object(value, path);
    reader.checkKeys(value, path, {"topic", "what_to_try", "order"});
    model::LibraryInfo result;
    result.topic = reader.string(reader.require(value, "topic", path), child(path, "topic"));
    result.whatToTry = reader.optionalString(value, "what_to_try", path, "");
    if (auto order = value.find("order"); order != value.end())
        result.order = static_cast<int>(reader.numberIn(*order, child(path, "order"), 0, 1000));
    return result;
}

model::Challenge readChallenge(const DesignReader& reader, const json& value, const std::string& path,
                               const model::Architecture& design)
{
    reader.object(value, path);
    reader.checkKeys(value, path, {"title", "brief", "level", "duration_s", "warmup_s", "replications", "traffic",
                                   "allowed_kinds", "goals", "loads"});
    model::Challenge result;
    result.title = reader.string(reader.require(value, "title", path), child(path, "title"));
    result.brief = reader.optionalString(value, "brief", path, "");
    if (auto level = value.find("level"); level != value.end())
        result.level = static_cast<int>(reader.numberIn(*level, child(path, "level"), 1, 5));
    if (auto duration = value.find("duration_s"); duration != value.end())
        result.durationS = reader.numberIn(*duration, child(path, "duration_s"), 1, kLongestRunS);
    if (auto warmup = value.find("warmup_s"); warmup != value.end())
        result.warmupS = reader.numberIn(*warmup, child(path, "warmup_s"), 0, kLongestRunS);
    if (auto replications = value.find("replications"); replications != value.end())
        result.replications = static_cast<int>(
            reader.numberIn(*replications, child(path, "replications"), 2, kMostReplications));
    if (auto traffic = value.find("traffic"); traffic != value.end())
        result.traffic = overrides(reader, *traffic, child(path, "traffic"), design);
    if (auto kinds = value.find("allowed_kinds"); kinds != value.end()) {
        const std::string kindsPath = child(path, "allowed_kinds");
        result.allowedKinds = stringList(reader, *kinds, kindsPath);
        for (std::size_t i = 0; i < result.allowedKinds.size(); ++i)
            if (!model::Registry::instance().find(result.allowedKinds[i]))
                reader.fail(element(kindsPath, i), "unknown kind " + inQuotes(result.allowedKinds[i]));
    }
    if (auto loads = value.find("loads"); loads != value.end()) {
        const std::string loadsPath = child(path, "loads");
        reader.array(*loads, loadsPath);
        for (std::size_t i = 0; i < loads->size(); ++i) {
            model::ChallengeLoad next = readChallengeLoad(reader, (*loads)[i], element(loadsPath, i), design);
            for (const auto& earlier : result.loads)
                if (earlier.name == next.name)
                    reader.fail(child(element(loadsPath, i), "name"), inQuotes(next.name) + " is already used");
            result.loads.push_back(std::move(next));
        }
    }
    const std::string goalsPath = child(path, "goals");
    const json& goals = reader.array(reader.require(value, "goals", path), goalsPath);
    if (goals.empty())
        reader.fail(goalsPath, "a challenge needs at least one goal");
    for (std::size_t i = 0; i < goals.size(); ++i) {
        const std::string goalPath = element(goalsPath, i);
        model::Goal goal;
        goal.check = check(reader, goals[i], goalPath, design, {"loads"});
        if (auto names = goals[i].find("loads"); names != goals[i].end()) {
            goal.loads = stringList(reader, *names, child(goalPath, "loads"));
            for (std::size_t k = 0; k < goal.loads.size(); ++k) {
                const std::string& name = goal.loads[k];
                const bool known = name == model::Challenge::kStatedLoad ||
                                   std::any_of(result.loads.begin(), result.loads.end(),
                                               [&](const model::ChallengeLoad& l) { return l.name == name; });
                if (!known)
                    reader.fail(element(child(goalPath, "loads"), k), "no load named " + inQuotes(name));
            }
        }
        result.goals.push_back(std::move(goal));
    }
    return result;
}

model::Lesson readLesson(const DesignReader& reader, const json& value, const std::string& path,
                         const model::Architecture& design)
{
    reader.object(value, path);
    reader.checkKeys(value, path, {"title", "family", "steps"});
    model::Lesson result;
    result.title = reader.string(reader.require(value, "title", path), child(path, "title"));
    result.family = reader.optionalString(value, "family", path, "");
    const std::string stepsPath = child(path, "steps");
    const json& steps = reader.array(reader.require(value, "steps", path), stepsPath);
    if (steps.empty())
        reader.fail(stepsPath, "a lesson needs at least one step");
    model::Architecture working = design; // as the learner's edits leave it, step by step
    for (std::size_t i = 0; i < steps.size(); ++i)
        result.steps.push_back(step(reader, steps[i], element(stepsPath, i), working));
    return result;
}

} // namespace scalelab::io
