#include "Validator.h"

#include "FaultCatalog.h"
#include "Registry.h"

#include <algorithm>
#include <map>
#include <set>

namespace scalelab::model {

namespace {

void checkParams(const std::vector<ParamSpec>& specs, const ParamValues& values, const std::string& blockId,
                 std::vector<Problem>& problems)
{
    for (const auto& spec : specs) {
        auto it = values.find(spec.key);
        if (it == values.end())
            continue; // missing values take the default
        if (std::string rule = spec.checkValue(it->second); !rule.empty())
            problems.push_back({Problem::Severity::Error, blockId, spec.key, spec.label + " " + rule});
    }
}

// Synchronous calls in a cycle would recurse for ever: report one block of each cycle.
void checkCycles(const Architecture& architecture, std::vector<Problem>& problems)
{
    std::map<std::string, std::vector<std::string>> next;
    for (const auto& link : architecture.links)
        next[link.from].push_back(link.to);
    enum class Mark { None, Active, Done };
    std::map<std::string, Mark> marks;
    std::set<std::string> reported;
    // Iterative DFS: designs come from files, so depth is not ours to trust.
    for (const auto& root : architecture.blocks) {
        if (marks[root.id] != Mark::None)
            continue;
        std::vector<std::pair<std::string, size_t>> stack{{root.id, 0}};
        marks[root.id] = Mark::Active;
        while (!stack.empty()) {
            auto& [id, childIndex] = stack.back();
            const auto& children = next[id];
            if (childIndex == children.size()) {
                marks[id] = Mark::Done;
                stack.pop_back();
                continue;
            }
            const std::string child = children[childIndex++];
            if (marks[child] == Mark::Active) {
                if (reported.insert(child).second)
                    problems.push_back({Problem::Severity::Error, child, {},
                                        "is part of a call cycle; requests would call themselves for ever"});
            } else if (marks[child] == Mark::None) {
                marks[child] = Mark::Active;
                stack.emplace_back(child, 0);
            }
        }
    }
}

} // namespace

std::vector<Problem> validate(const Architecture& architecture)
{
    const Registry& registry = Registry::instance();
    std::vector<Problem> problems;
    std::set<std::string> ids;
    bool hasClient = false;
    for (const auto& block : architecture.blocks) {
        if (block.id.empty())
            problems.push_back({Problem::Severity::Error, {}, {}, "a block has an empty id"});
        else if (!ids.insert(block.id).second)
            problems.push_back({Problem::Severity::Error, block.id, {}, "id \"" + block.id + "\" is used twice"});
        const BlockSpec* spec = registry.find(block.kind);
        if (!spec) {
            problems.push_back({Problem::Severity::Error, block.id, {}, "unknown kind \"" + block.kind + "\""});
            continue;
        }
        hasClient = hasClient || spec->tier == Tier::Source;
        checkParams(spec->params, block.params, block.id, problems);
        for (const auto& [key, text] : block.texts)
            if (const ParamSpec* param = spec->param(key); param && param->isText())
                if (std::string rule = param->checkText(text); !rule.empty())
                    problems.push_back({Problem::Severity::Error, block.id, key, param->label + " " + rule});
    }
    std::set<std::pair<std::string, std::string>> seenLinks;
    std::set<std::string> withOutput, withInput;
    std::map<std::string, std::string> steeredBy; // pool -> the first autoscaler linked to it
    for (const auto& link : architecture.links) {
        const Block* from = architecture.findBlock(link.from);
        const Block* to = architecture.findBlock(link.to);
        if (!from || !to) {
            problems.push_back({Problem::Severity::Error, from ? link.from : std::string{}, {},
                                "link " + link.from + " -> " + link.to + " refers to a missing block"});
            continue;
        }
        if (link.from == link.to) {
            problems.push_back({Problem::Severity::Error, link.from, {}, "links to itself"});
            continue;
        }
        if (!seenLinks.insert({link.from, link.to}).second)
            problems.push_back({Problem::Severity::Error, link.from, {}, "links to " + link.to + " twice"});
        if (std::string refusal = registry.linkRefusal(from->kind, to->kind); !refusal.empty())
            problems.push_back({Problem::Severity::Error, link.from, {}, "link to " + link.to + ": " + refusal});
        checkParams(registry.linkParams(), link.params, link.from, problems);
        // Two autoscalers on one pool would fight: each decides from its own
        // count, so one adds what the other removes, and the log shows
        // "adding 7 (9 -> 9)". Kubernetes, given several metrics, lets one
        // HorizontalPodAutoscaler take the largest count; here a pool has one.
        if (const BlockSpec* fromSpec = registry.find(from->kind);
            fromSpec && fromSpec->behaviour == Behaviour::Autoscaler) {
            if (auto [first, fresh] = steeredBy.try_emplace(link.to, link.from); !fresh)
                problems.push_back(
                    {Problem::Severity::Error, link.from, {},
                     "link to " + link.to + ": " + link.to + " already has an autoscaler (" + first->second +
                         "); two would fight over its instance count. Keep one autoscaler per pool, on the "
                         "metric that runs hot first (as Kubernetes' autoscaler takes the largest count any "
                         "of its metrics asks for)"});
        }
        withOutput.insert(link.from);
        withInput.insert(link.to);
    }
    for (const auto& block : architecture.blocks) {
        const BlockSpec* spec = registry.find(block.kind);
        if (!spec)
            continue;
        if (spec->needsTarget && !withOutput.count(block.id))
            problems.push_back({Problem::Severity::Error, block.id, {},
                                spec->displayName + " has nowhere to send requests: link it to a block"});
        if (spec->acceptsInput && !withInput.count(block.id))
            problems.push_back({Problem::Severity::Warning, block.id, {}, "receives no traffic: nothing links to it"});
    }
    if (!hasClient && !architecture.blocks.empty())
        problems.push_back({Problem::Severity::Warning, {}, {}, "the design has no client, so no traffic"});
    checkCycles(architecture, problems);
    // A fault whose block was deleted or changed kind after it was scheduled.
    for (size_t i = 0; i < architecture.faults.size(); ++i)
        if (std::string refusal = faultRefusal(architecture.faults[i], architecture); !refusal.empty())
            problems.push_back({Problem::Severity::Error, architecture.faults[i].block, {},
                                "fault " + std::to_string(i + 1) + " (" + describeFault(architecture.faults[i]) +
                                    "): " + refusal});
    return problems;
}

bool hasErrors(const std::vector<Problem>& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.isError(); });
}

} // namespace scalelab::model
