#include "DesignReader.h"

#include "JsonText.h"
#include "ScenarioFile.h"
#include "InterviewReader.h"
#include "TeachingReader.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>

namespace scalelab::io {

using model::ParamSpec;
using model::ParamType;
using model::Registry;
using nlohmann::json;

namespace {

constexpr double kMaxCells = 1'000'000;

} // namespace

model::Architecture DesignReader::read(const json& doc)
{
    if (!doc.is_object())
        fail("", std::string("must hold a JSON object, got ") + doc.type_name());
    checkFormat(doc);
    checkKeys(doc, "", {"format", "version", "name", "description", "blocks", "links", "faults", "library",
                        "challenge", "lesson", "interview", "scale", "ui"});
    model::Architecture design;
    design.name = optionalString(doc, "name", "", "");
    design.description = optionalString(doc, "description", "", "");
    if (auto scale = doc.find("scale"); scale != doc.end())
        readScale(*scale, design);
    const json& blocks = array(require(doc, "blocks", ""), "blocks");
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string path = element("blocks", i);
        design.blocks.push_back(blockContent(blocks[i], path));
        if (auto [it, fresh] = m_blockIndex.emplace(design.blocks.back().id, i); !fresh)
            fail(child(path, "id"), inQuotes(design.blocks.back().id) + " is already used by " +
                                        element("blocks", it->second));
    }
    const json& links = array(require(doc, "links", ""), "links");
    for (std::size_t i = 0; i < links.size(); ++i) {
        const std::string path = element("links", i);
        const model::Link& link = design.links.emplace_back(linkContent(links[i], path, design));
        if (auto [it, fresh] = m_linkIndex.emplace(std::pair(link.from, link.to), i); !fresh)
            fail(path, "duplicates " + element("links", it->second) + " (" + clip(link.from) + " -> " +
                           clip(link.to) + ")");
    }
    if (auto faults = doc.find("faults"); faults != doc.end()) {
        array(*faults, "faults");
        for (std::size_t i = 0; i < faults->size(); ++i)
            design.faults.push_back(fault((*faults)[i], element("faults", i), design));
    }
    if (auto library = doc.find("library"); library != doc.end())
        design.library = readLibrary(*this, *library, "library");
    if (auto challenge = doc.find("challenge"); challenge != doc.end())
        design.challenge = readChallenge(*this, *challenge, "challenge", design);
    if (auto lesson = doc.find("lesson"); lesson != doc.end())
        design.lesson = readLesson(*this, *lesson, "lesson", design);
    if (auto interview = doc.find("interview"); interview != doc.end())
        design.interview = readInterview(*this, *interview, "interview", design);
    if (auto ui = doc.find("ui"); ui != doc.end()) {
        object(*ui, "ui");
        design.uiJson = ui->dump();
    }
    return design;
}

void DesignReader::readScale(const json& scale, model::Architecture& design) const
{
    object(scale, "scale");
    checkKeys(scale, "scale", {"cells", "sampling"});
    if (scale.empty())
        fail("scale", "needs \"cells\" or \"sampling\"");
    if (auto found = scale.find("cells"); found != scale.end()) {
        const std::string path = child("scale", "cells");
        const double value = number(*found, path);
        if (value != std::floor(value) || value < 1 || value > kMaxCells)
            fail(path, "must be a whole number from 1 to " + formatNumber(kMaxCells) + ", got " + formatNumber(value));
        design.cells = static_cast<int>(value);
    }
    if (auto found = scale.find("sampling"); found != scale.end()) {
        const std::string path = child("scale", "sampling");
        const std::string value = string(*found, path);
        const auto& names = model::ChoiceNames<model::ShardSampling>::names;
        const auto it = std::find(names.begin(), names.end(), value);
        if (it == names.end())
            fail(path, "must be \"auto\", \"off\" or \"on\", got " + inQuotes(value));
        design.sampling = static_cast<model::ShardSampling>(it - names.begin());
    }
}

void DesignReader::checkFormat(const json& doc) const
{
    auto format = doc.find("format");
    if (format == doc.end())
        fail("", "not a ScaleLab scenario (no \"format\": \"scalelab\")");
    if (!format->is_string() || format->get<std::string>() != "scalelab")
        fail("format", "must be \"scalelab\", got " + describe(*format));
    const double version = number(require(doc, "version", ""), "version");
    if (version > kScenarioVersion)
        fail("version", "was written by a newer ScaleLab (version " + formatNumber(version) +
                            "); this one reads version " + std::to_string(kScenarioVersion));
    if (version != kScenarioVersion)
        fail("version", "must be " + std::to_string(kScenarioVersion) + ", got " + formatNumber(version));
}

model::Block DesignReader::blockContent(const json& value, const std::string& path) const
{
    object(value, path);
    checkKeys(value, path, {"id", "kind", "name", "region", "x", "y", "params"});
    model::Block result;
    result.id = id(require(value, "id", path), child(path, "id"));
    result.kind = string(require(value, "kind", path), child(path, "kind"));
    const model::BlockSpec* spec = Registry::instance().find(result.kind);
    if (!spec) {
        std::vector<std::string> kinds;
        for (const auto& known : Registry::instance().blocks())
            kinds.push_back(known.kind);
        const std::string hint = didYouMean(result.kind, kinds);
        fail(child(path, "kind"),
             "unknown kind " + inQuotes(result.kind) + (hint.empty() ? "; known kinds: " + listed(kinds) : hint));
    }
    result.name = optionalString(value, "name", path, spec->displayName);
    result.region = optionalString(value, "region", path, "");
    result.x = optionalNumber(value, "x", path);
    result.y = optionalNumber(value, "y", path);
    result.params = params(value, spec->params, path, "a " + spec->displayName, &result.texts);
    return result;
}

model::Link DesignReader::linkContent(const json& value, const std::string& path,
                                      const model::Architecture& design) const
{
    object(value, path);
    checkKeys(value, path, {"from", "to", "params"});
    model::Link result;
    const model::Block& from = endpoint(require(value, "from", path), child(path, "from"), design);
    const model::Block& to = endpoint(require(value, "to", path), child(path, "to"), design);
    result.from = from.id;
    result.to = to.id;
    if (std::string refusal = Registry::instance().linkRefusal(from.kind, to.kind); !refusal.empty())
        fail(path, refusal);
    result.params = params(value, Registry::instance().linkParams(), path, "a link");
    return result;
}

model::Fault DesignReader::fault(const json& value, const std::string& path, const model::Architecture& design,
                                 bool requireTime) const
{
    object(value, path);
    checkKeys(value, path, {"at_s", "action", "block", "to", "region", "value", "duration_s"});
    model::Fault result;
    result.action = string(require(value, "action", path), child(path, "action"));
    const model::FaultSpec* spec = model::findFaultSpec(result.action);
    if (!spec) {
        std::vector<std::string> actions;
        for (const auto& known : model::faultSpecs())
            actions.push_back(known.action);
        const std::string hint = didYouMean(result.action, actions);
        fail(child(path, "action"), "unknown fault action " + inQuotes(result.action) +
                                        (hint.empty() ? "; known actions: " + listed(actions) : hint));
    }
    result.atS = requireTime ? number(require(value, "at_s", path), child(path, "at_s"))
                         : optionalNumber(value, "at_s", path);
    result.durationS = optionalNumber(value, "duration_s", path);
    if (spec->target == model::FaultSpec::Target::Region) {
        result.region = string(require(value, "region", path), child(path, "region"));
    } else {
        result.block = endpoint(require(value, "block", path), child(path, "block"), design).id;
        if (spec->target == model::FaultSpec::Target::Link)
            result.to = endpoint(require(value, "to", path), child(path, "to"), design).id;
    }
    result.value = spec->hasValue ? optionalNumber(value, "value", path) : 0;
    if (spec->hasValue && value.find("value") == value.end())
        result.value = spec->defaultValue;
    if (std::string refusal = model::faultRefusal(result, design); !refusal.empty())
        fail(path, refusal);
    return result;
}

const model::Block& DesignReader::endpoint(const json& value, const std::string& path,
                                           const model::Architecture& design) const
{
    const std::string wanted = string(value, path);
    // Blocks a lesson adds are not in the index: look them up in `design`.
    auto it = m_blockIndex.find(wanted);
    if (it == m_blockIndex.end() || it->second >= design.blocks.size() || design.blocks[it->second].id != wanted) {
        if (const model::Block* added = design.findBlock(wanted))
            return *added;
        std::vector<std::string> ids;
        for (const auto& block : design.blocks)
            ids.push_back(block.id);
        fail(path, "no block with id " + inQuotes(wanted) + didYouMean(wanted, ids));
    }
    return design.blocks[it->second];
}

// Every registry parameter gets a value: the file's, or the default.
// Text parameters go to `texts` (links have none).
model::ParamValues DesignReader::params(const json& owner, const std::vector<ParamSpec>& specs,
                                        const std::string& ownerPath, const std::string& ownerName,
                                        model::TextValues* texts) const
{
    model::ParamValues values;
    for (const auto& spec : specs) {
        if (!spec.isText())
            values[spec.key] = spec.defaultValue;
        else if (texts)
            (*texts)[spec.key] = spec.defaultText;
    }
    auto given = owner.find("params");
    if (given == owner.end())
        return values;
    const std::string path = child(ownerPath, "params");
    object(*given, path);
    for (const auto& item : given->items()) {
        auto spec = std::find_if(specs.begin(), specs.end(),
                                 [&](const ParamSpec& s) { return s.key == item.key(); });
        if (spec == specs.end()) {
            std::vector<std::string> keys;
            for (const auto& s : specs)
                keys.push_back(s.key);
            const std::string hint = didYouMean(item.key(), keys);
            fail(child(path, item.key()),
                 "unknown parameter" + (hint.empty() ? "; " + ownerName + " has " + listed(keys) : hint));
        }
        if (spec->isText() && texts)
            (*texts)[spec->key] = textValue(*spec, item.value(), child(path, item.key()));
        else
            values[spec->key] = paramValue(*spec, item.value(), child(path, item.key()));
    }
    return values;
}

std::string DesignReader::textValue(const ParamSpec& spec, const json& value, const std::string& path) const
{
    if (!value.is_string())
        fail(path, std::string("must be a text, got ") + value.type_name());
    std::string text = value.get<std::string>();
    if (std::string rule = spec.checkText(text); !rule.empty())
        fail(path, rule);
    return text;
}

double DesignReader::paramValue(const ParamSpec& spec, const json& value, const std::string& path) const
{
    if (spec.type == ParamType::Enum) {
        if (!value.is_string())
            fail(path, "must be one of " + listed(spec.choices) + ", got " + value.type_name());
        const std::string name = value.get<std::string>();
        if (auto index = spec.choiceIndex(name))
            return *index;
        if (spec.choiceRule)
            if (std::string rule = spec.choiceRule(name); !rule.empty())
                fail(path, rule);
        fail(path, "must be one of " + listed(spec.choices) + ", got " + inQuotes(name) +
                       didYouMean(name, spec.choices));
    }
    if (spec.type == ParamType::Bool) {
        if (!value.is_boolean())
            fail(path, std::string("must be true or false, got ") + value.type_name());
        return value.get<bool>() ? 1 : 0;
    }
    const double given = number(value, path);
    if (std::string rule = spec.checkValue(given); !rule.empty())
        fail(path, rule);
    return given;
}

} // namespace scalelab::io
