#include "TeachingWriter.h"

#include "DesignWriter.h"
#include "JsonText.h"
#include "model/LessonEdit.h"
#include "model/ParamTarget.h"
#include "model/Registry.h"

#include <stdexcept>

namespace scalelab::io {

using nlohmann::ordered_json;

namespace {

ordered_json checkJson(const model::Check& check)
{
    ordered_json result;
    result["metric"] = check.metric;
    if (check.min)
        result["min"] = numberJson(*check.min, "check " + check.metric + " min");
    if (check.max)
        result["max"] = numberJson(*check.max, "check " + check.metric + " max");
    if (!check.label.empty())
        result["label"] = check.label;
    return result;
}

// The parameter's spec, found through the block the override names in `design`.
const model::ParamSpec& overrideSpec(const std::string& target, const model::Architecture& design)
{
    const model::ParamTarget found = model::findParamTarget(design, target);
    if (!found)
        throw std::runtime_error("the override \"" + target + "\": " + found.error);
    return *found.param;
}

ordered_json overridesJson(const model::ParamOverrides& values, const model::Architecture& design)
{
    ordered_json result = ordered_json::object();
    for (const auto& [target, value] : values)
        result[target] = paramJson(overrideSpec(target, design), value, "override " + target);
    return result;
}

ordered_json actionJson(const model::LessonAction& action, const model::Architecture& working)
{
    using Kind = model::LessonAction::Kind;
    ordered_json result;
    switch (action.kind) {
    case Kind::SetParam: {
        const std::string target = action.block + "." + action.param;
        result["set"] = target;
        result["value"] = paramJson(overrideSpec(target, working), action.value, "lesson edit " + target);
        break;
    }
    case Kind::AddBlock: result["add_block"] = blockJson(action.newBlock); break;
    case Kind::RemoveBlock: result["remove_block"] = action.block; break;
    case Kind::AddLink: result["add_link"] = linkJson(action.link); break;
    case Kind::RemoveLink: result["remove_link"] = {{"from", action.link.from}, {"to", action.link.to}}; break;
    case Kind::Fault: result["fault"] = faultJson(action.fault, false); break;
    case Kind::Command: result["command"] = action.block + "." + action.command; break;
    }
    return result;
}

} // namespace

ordered_json libraryJson(const model::LibraryInfo& library)
{
    ordered_json result;
    result["topic"] = library.topic;
    if (!library.whatToTry.empty())
        result["what_to_try"] = library.whatToTry;
    if (library.order)
        result["order"] = library.order;
    return result;
}

ordered_json challengeLoadJson(const model::ChallengeLoad& load, const model::Architecture& design)
{
    ordered_json entry;
    entry["name"] = load.name;
    if (load.hidden)
        entry["hidden"] = true;
    if (!load.set.empty())
        entry["set"] = overridesJson(load.set, design);
    if (!load.faults.empty()) {
        entry["faults"] = ordered_json::array();
        for (const auto& fault : load.faults)
            entry["faults"].push_back(faultJson(fault));
    }
    return entry;
}

ordered_json challengeJson(const model::Challenge& challenge, const model::Architecture& design)
{
    ordered_json result;
    result["title"] = challenge.title;
    if (!challenge.brief.empty())
        result["brief"] = challenge.brief;
    result["level"] = challenge.level;
    result["duration_s"] = numberJson(challenge.durationS, "challenge duration_s");
    result["warmup_s"] = numberJson(challenge.warmupS, "challenge warmup_s");
    result["replications"] = challenge.replications;
    if (!challenge.traffic.empty())
        result["traffic"] = overridesJson(challenge.traffic, design);
    if (!challenge.allowedKinds.empty())
        result["allowed_kinds"] = challenge.allowedKinds;
    result["goals"] = ordered_json::array();
    for (const auto& goal : challenge.goals) {
        ordered_json entry = checkJson(goal.check);
        if (!goal.loads.empty())
            entry["loads"] = goal.loads;
        result["goals"].push_back(std::move(entry));
    }
    if (!challenge.loads.empty()) {
        result["loads"] = ordered_json::array();
        for (const auto& load : challenge.loads)
            result["loads"].push_back(challengeLoadJson(load, design));
    }
    return result;
}

ordered_json lessonJson(const model::Lesson& lesson, const model::Architecture& design)
{
    ordered_json result;
    result["title"] = lesson.title;
    if (!lesson.family.empty())
        result["family"] = lesson.family;
    result["steps"] = ordered_json::array();
    model::Architecture working = design; // so a step's edits may name blocks earlier steps added
    for (const auto& step : lesson.steps) {
        ordered_json entry;
        entry["title"] = step.title;
        if (!step.explain.empty())
            entry["explain"] = step.explain;
        entry["instruction"] = step.instruction;
        if (!step.apply.empty()) {
            entry["apply"] = ordered_json::array();
            for (const auto& action : step.apply) {
                entry["apply"].push_back(actionJson(action, working));
                model::applyLessonAction(working, action);
            }
        }
        ordered_json check = checkJson(step.check);
        if (step.checkOn == model::LessonStep::CheckOn::Plan)
            check["on"] = "plan";
        entry["check"] = std::move(check);
        result["steps"].push_back(std::move(entry));
    }
    return result;
}

} // namespace scalelab::io
