#include "Validator.h"

#include "Choices.h"
#include "FaultCatalog.h"
#include "GatewayRoutes.h"
#include "MessageText.h"
#include "NumberText.h"
#include "RampStages.h"
#include "Registry.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace scalelab::model {

namespace {

std::string element(const char* array, size_t index) { return std::string(array) + "[" + std::to_string(index) + "]"; }

std::string paramPath(const std::string& owner, const std::string& key) { return owner + ".params." + key; }

std::string count(double value) { return groupedNumber(static_cast<unsigned long long>(std::llround(value))); }

std::string rate(double rps)
{
    if (rps >= 1)
        return count(rps);
    std::ostringstream out;
    out.precision(3);
    out << rps;
    return out.str();
}

void checkParams(const std::vector<ParamSpec>& specs, const ParamValues& values, const std::string& blockId,
                 const std::string& ownerPath, std::vector<Problem>& problems)
{
    for (const auto& spec : specs) {
        auto it = values.find(spec.key);
        if (it == values.end())
            continue; // missing values take the default
        if (std::string rule = spec.checkValue(it->second); !rule.empty())
            problems.push_back({Problem::Severity::Error, blockId, spec.key, spec.label + " " + rule,
                                paramPath(ownerPath, spec.key)});
    }
}

// Compared as numbers: a design being validated may hold any value.
bool isClosed(const Block& client)
{
    return client.param("arrival_model") == static_cast<double>(ArrivalModel::Closed);
}

// The rate an open client offers most of the time: its base rate, or for a
// ramp the highest stage (ramps often start from nothing).
double offeredRate(const Block& client)
{
    double rps = client.param("rate_rps");
    if (client.param("profile") == static_cast<double>(TrafficShape::Ramp)) {
        std::string error;
        for (const RampStage& stage : parseRampStages(client.text("ramp_stages"), error))
            rps = std::max(rps, stage.targetRps);
    }
    return rps;
}

// A closed model's users all live in memory at once: beyond the limit per
// cell the run could not hold them (sim/MemoryBudget.h).
void checkVirtualUsers(const Architecture& design, const Block& client, const std::string& path,
                       std::vector<Problem>& problems)
{
    if (!isClosed(client))
        return;
    const double users = client.param("virtual_users");
    const double perCell = users / design.cells;
    if (!std::isfinite(perCell) || perCell <= kMaxVirtualUsersPerCell)
        return; // a value out of range is reported as such
    const auto cellsNeeded = static_cast<long long>(std::ceil(users / kMaxVirtualUsersPerCell));
    problems.push_back({Problem::Severity::Error, client.id, "virtual_users",
                        "Virtual users: " + count(perCell) + " in one simulated cell exceed the " +
                            count(kMaxVirtualUsersPerCell) +
                            " a run can hold (its memory budget, see README \"Limits\"); lower them or split the "
                            "design into at least " + std::to_string(cellsNeeded) + " cells (\"scale\": {\"cells\": " +
                            std::to_string(cellsNeeded) + "})",
                        paramPath(path, "virtual_users")});
}

// The cell reduction simulates one cell and multiplies its counts: with
// more cells than requests per second (or than virtual users) the one cell
// sees almost nothing, and the few requests it sees are multiplied into
// noise (1e6 cells of a 1,000 rps design reported 0 requests/s).
void checkCells(const Architecture& design, std::vector<Problem>& problems)
{
    if (design.cells <= 1)
        return;
    const Registry& registry = Registry::instance();
    double rps = 0, users = 0;
    for (const auto& block : design.blocks) {
        const BlockSpec* spec = registry.find(block.kind);
        if (!spec || spec->tier != Tier::Source)
            continue;
        if (isClosed(block))
            users += block.param("virtual_users");
        else
            rps += offeredRate(block);
    }
    if (!std::isfinite(rps) || !std::isfinite(users) || rps < 0 || users < 0)
        return; // values out of range are reported as such
    if (rps == 0 && users == 0)
        return; // no traffic at all: nothing to divide
    const double cells = design.cells;
    if (rps >= cells || users >= cells)
        return;
    const double most = std::max(std::floor(rps), users);
    std::string offered = rps > 0 ? rate(rps) + " requests/s" : "";
    if (users > 0)
        offered += (offered.empty() ? "" : " and ") + count(users) + " virtual users";
    problems.push_back({Problem::Severity::Error, {}, {},
                        count(cells) + " cells are more than the design's " + offered +
                            ": each cell would see less than one request per second (or virtual user), and its "
                            "figures multiplied by " + count(cells) + " would be noise; use at most " +
                            count(std::max(most, 1.0)) + " cells",
                        "scale.cells"});
}

// An API gateway's routes name the blocks that serve them: each must be a
// block the gateway links to (its requests would fail otherwise), and a
// link no route names gets no traffic (a warning).
void checkRoutes(const Architecture& design, std::vector<Problem>& problems)
{
    for (const auto& block : design.blocks) {
        if (!block.texts.count("routes"))
            continue;
        std::string error;
        const std::vector<GatewayRoute> routes = parseGatewayRoutes(block.text("routes"), error);
        if (routes.empty())
            continue; // no routes (the links share by weight), or a malformed text reported as such
        const auto links = design.linksFrom(block.id);
        const auto linked = [&](const std::string& id) {
            return std::any_of(links.begin(), links.end(), [&](const Link* link) { return link->to == id; });
        };
        for (const GatewayRoute& route : routes)
            if (!linked(route.target))
                problems.push_back({Problem::Severity::Error, block.id, "routes",
                                    "Routes: route " + inQuotes(routeName(route)) + " goes to " + inQuotes(route.target) +
                                        ", which " + block.id + " does not link to; link it or name a linked block"});
        for (const Link* link : links)
            if (std::none_of(routes.begin(), routes.end(), [&](const GatewayRoute& r) { return r.target == link->to; }))
                problems.push_back({Problem::Severity::Warning, block.id, "routes",
                                    "Routes: no route goes to " + inQuotes(link->to) + ", so it gets no traffic"});
    }
}

// Sessions in a shared store are read from it on every request: the store
// must be there, or a crash would lose nothing at no cost (a free answer to
// "make it stateless"). Sessions in instance memory behind a balancer that
// is not sticky log users out: a warning, since that is the lesson to run.
void checkSessions(const Architecture& design, std::vector<Problem>& problems)
{
    const Registry& registry = Registry::instance();
    for (const auto& block : design.blocks) {
        if (!block.params.count("sessions"))
            continue;
        const auto sessions = block.choice<SessionState>("sessions");
        if (sessions == SessionState::InInstance)
            for (const auto& link : design.links) {
                const Block* from = link.to == block.id ? design.findBlock(link.from) : nullptr;
                const BlockSpec* spec = from ? registry.find(from->kind) : nullptr;
                if (spec && spec->behaviour == Behaviour::LoadBalancer &&
                    from->choice<BalancerAlgorithm>("algorithm") != BalancerAlgorithm::IpHash)
                    problems.push_back({Problem::Severity::Warning, block.id, "sessions",
                                        "sessions live in instance memory but " + from->id + " is not sticky (" +
                                            std::string(choiceName(from->choice<BalancerAlgorithm>("algorithm"))) +
                                            "): users sent to another instance are logged out; use ip_hash, "
                                            "or keep sessions in a shared store"});
            }
        if (sessions != SessionState::SharedStore)
            continue;
        bool store = false;
        for (const auto& link : design.links) {
            const Block* to = link.from == block.id ? design.findBlock(link.to) : nullptr;
            const BlockSpec* spec = to ? registry.find(to->kind) : nullptr;
            store = store || (spec && spec->behaviour == Behaviour::Cache && link.param("probability") >= 1);
        }
        if (!store)
            problems.push_back({Problem::Severity::Error, block.id, "sessions",
                                "sessions in a shared store need a link to a cache block (the session store, "
                                "as Redis) with call probability 1: every request reads its session there"});
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
    for (size_t i = 0; i < architecture.blocks.size(); ++i) {
        const Block& block = architecture.blocks[i];
        const std::string path = element("blocks", i);
        if (block.id.empty())
            problems.push_back({Problem::Severity::Error, {}, {}, "a block has an empty id", path + ".id"});
        else if (!ids.insert(block.id).second)
            problems.push_back(
                {Problem::Severity::Error, block.id, {}, "id " + inQuotes(block.id) + " is used twice", path + ".id"});
        const BlockSpec* spec = registry.find(block.kind);
        if (!spec) {
            problems.push_back(
                {Problem::Severity::Error, block.id, {}, "unknown kind " + inQuotes(block.kind), path + ".kind"});
            continue;
        }
        hasClient = hasClient || spec->tier == Tier::Source;
        checkParams(spec->params, block.params, block.id, path, problems);
        for (const auto& [key, text] : block.texts)
            if (const ParamSpec* param = spec->param(key); param && param->isText())
                if (std::string rule = param->checkText(text); !rule.empty())
                    problems.push_back(
                        {Problem::Severity::Error, block.id, key, param->label + " " + rule, paramPath(path, key)});
        if (spec->tier == Tier::Source)
            checkVirtualUsers(architecture, block, path, problems);
    }
    std::set<std::pair<std::string, std::string>> seenLinks;
    std::set<std::string> withOutput, withInput;
    std::map<std::string, std::string> steeredBy; // pool -> the first autoscaler linked to it
    for (size_t j = 0; j < architecture.links.size(); ++j) {
        const Link& link = architecture.links[j];
        const std::string path = element("links", j);
        const Block* from = architecture.findBlock(link.from);
        const Block* to = architecture.findBlock(link.to);
        if (!from || !to) {
            problems.push_back({Problem::Severity::Error, from ? link.from : std::string{}, {},
                                "link " + link.from + " -> " + link.to + " refers to a missing block", path});
            continue;
        }
        if (link.from == link.to) {
            problems.push_back({Problem::Severity::Error, link.from, {}, "links to itself", path});
            continue;
        }
        if (!seenLinks.insert({link.from, link.to}).second)
            problems.push_back({Problem::Severity::Error, link.from, {}, "links to " + link.to + " twice", path});
        if (std::string refusal = registry.linkRefusal(from->kind, to->kind); !refusal.empty())
            problems.push_back({Problem::Severity::Error, link.from, {}, "link to " + link.to + ": " + refusal, path});
        checkParams(registry.linkParams(), link.params, link.from, path, problems);
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
                         "of its metrics asks for)",
                     path});
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
    checkCells(architecture, problems);
    checkSessions(architecture, problems);
    checkRoutes(architecture, problems);
    checkCycles(architecture, problems);
    // A fault whose block was deleted or changed kind after it was scheduled.
    for (size_t i = 0; i < architecture.faults.size(); ++i)
        if (std::string refusal = faultRefusal(architecture.faults[i], architecture); !refusal.empty())
            problems.push_back({Problem::Severity::Error, architecture.faults[i].block, {},
                                "fault " + std::to_string(i + 1) + " (" + describeFault(architecture.faults[i]) +
                                    "): " + refusal,
                                element("faults", i)});
    // Problems found by block id (cycles, missing targets) get their block's path here.
    for (Problem& problem : problems)
        if (problem.path.empty() && !problem.blockId.empty())
            if (const auto index = architecture.blockIndex(problem.blockId))
                problem.path = problem.param.empty() ? element("blocks", *index)
                                                     : paramPath(element("blocks", *index), problem.param);
    return problems;
}

std::string describeProblem(const Problem& problem)
{
    std::string where = problem.path;
    if (!problem.blockId.empty())
        where += where.empty() ? clip(problem.blockId) : " (" + clip(problem.blockId) + ")";
    return where.empty() ? problem.message : where + ": " + problem.message;
}

bool hasErrors(const std::vector<Problem>& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.isError(); });
}

} // namespace scalelab::model
