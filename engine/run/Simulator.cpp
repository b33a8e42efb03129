#include "Simulator.h"

#include "sim/CellReduction.h"
#include "sim/RunLimitExceeded.h"
#include "blocks/BlockFactory.h"
#include "blocks/ShardedDatabaseBlock.h"
#include "model/InstanceTypes.h"
#include "model/ServiceMesh.h"
#include "model/Validator.h"

#include <algorithm>
#include <type_traits>
#include <variant>

namespace scalelab::sim {

namespace {

// The design's validation errors on one line, as every CLI error is:
// separated by semicolons, each with its place in the file. Empty when there are none.
std::string designErrors(const model::Architecture& design)
{
    std::string message;
    const char* separator = "";
    for (const auto& problem : model::validate(design))
        if (problem.isError()) {
            // Appended piece by piece: GCC 12's LTO warns (falsely) on
            // the temporaries of a chained operator+ here.
            message.append(separator);
            message.append(model::describeProblem(problem));
            separator = "; ";
        }
    return message;
}

} // namespace

Simulator::Simulator(model::Architecture architecture, uint64_t seed, SimulatorOptions options)
    : m_architecture(std::move(architecture))
    , m_seed(seed)
    , m_options(options)
    , m_kernel(options.window, options.windowCapacity)
    , m_faults(m_kernel, m_architecture, m_slots)
{
    if (std::string errors = designErrors(m_architecture); !errors.empty())
        throw InvalidDesign("the design has errors: " + errors);
    m_kernel.setMemoryBudget(MemoryBudget(options.memoryBudget));
    m_sampling = planSampling(m_architecture, seed, options.samplingBudgetRps);
    m_kernel.setKeyWeights(m_sampling.active ? m_sampling.keyWeights.get() : nullptr);
    uint32_t index = 0;
    for (const auto& block : m_architecture.blocks) {
        m_slots.push_back(index);
        m_kernel.addBlock(blocks::makeBlockRuntime(block, index++, seed, options.windowCapacity));
    }
    for (const auto& link : m_architecture.links)
        compileLink(link);
    index = 0;
    for (const auto& block : m_architecture.blocks)
        configure(index++, block);
    m_kernel.start();
}

Simulator::~Simulator() = default;

bool Simulator::runUntil(SimTime until)
{
    if (until > kHorizon)
        throw RunLimitExceeded("cannot simulate past t = 1,000,000,000 s (about 31.7 years), the engine's horizon");
    m_faults.applyDue(); // faults at time 0, or injected for "now"
    while (m_faults.nextDue() <= until) {
        if (!m_kernel.runUntil(m_faults.nextDue()))
            return false;
        m_faults.applyDue();
    }
    return m_kernel.runUntil(until);
}

void Simulator::configure(uint32_t index, const model::Block& design)
{
    // The instance type, when one is chosen, sets the workers and the price.
    const model::Block block = model::withInstanceType(
        m_sampling.active ? reduceForSampling(design, m_sampling) : reduceToCell(design, m_architecture.cells));
    sim::BlockRuntime& runtime = m_kernel.block(index);
    runtime.configure(m_kernel, block);
    if (auto* sharded = dynamic_cast<blocks::ShardedDatabaseBlock*>(&runtime))
        sharded->setShardWeights(m_sampling.active && design.id == m_sampling.shardedBlockId ? m_sampling.shardWeights
                                                                                            : std::vector<double>{});
    auto price = [&](const char* key) {
        auto it = block.params.find(key);
        return it == block.params.end() ? 0.0 : it->second;
    };
    runtime.setPrices(price("cost_per_hour"), price("cost_per_million"));
}

void Simulator::readLinkParams(const model::Link& link, sim::RuntimeLink& compiled)
{
    compiled.latency = fromMs(model::linkLatencyMs(m_architecture, link));
    compiled.probability = link.param("probability");
    compiled.weight = link.param("weight");
    compiled.poolSize = static_cast<int>(link.param("pool_size"));
    compiled.poolTimeout = fromMs(link.param("pool_timeout_ms"));
    compiled.backup = link.param("backup") != 0;
}

void Simulator::compileLink(const model::Link& link)
{
    sim::RuntimeLink compiled;
    compiled.id = m_kernel.newLinkId();
    compiled.target = slotOf(link.to);
    readLinkParams(link, compiled);
    m_kernel.block(slotOf(link.from)).links().push_back(compiled);
}

void Simulator::resetStats()
{
    m_statsSince = m_kernel.now();
    m_kernel.resetTotal();
    for (size_t i = 0; i < m_kernel.blockCount(); ++i)
        m_kernel.block(static_cast<uint32_t>(i)).resetStats(m_statsSince);
}

stats::Snapshot Simulator::snapshot(bool withSeries) const
{
    stats::Snapshot snap;
    const SimTime now = m_kernel.now();
    snap.simSeconds = toSeconds(now);
    snap.measuredSeconds = toSeconds(now - m_statsSince);
    snap.events = m_kernel.eventCount();
    const stats::BlockMetrics total = m_kernel.total();
    snap.requests = total.arrivals();
    snap.completed = total.completed();
    snap.errors = total.errors();
    snap.throughputRps = snap.measuredSeconds > 0 ? static_cast<double>(snap.completed) / snap.measuredSeconds : 0;
    snap.latency = stats::LatencySummary::of(total.latency());
    if (withSeries)
        snap.series = total.series().toVector();
    snap.eventLog.assign(m_kernel.eventLog().begin(), m_kernel.eventLog().end());
    for (size_t i = 0; i < m_architecture.blocks.size(); ++i) {
        const sim::BlockRuntime& runtime = m_kernel.block(m_slots[i]);
        const stats::BlockMetrics& metrics = runtime.metrics();
        stats::BlockSnapshot block;
        block.id = runtime.id();
        block.kind = runtime.kind();
        block.name = m_architecture.blocks[i].name;
        block.instances = runtime.instanceCount();
        block.hasWorkers = runtime.hasWorkers();
        block.utilization = metrics.utilization(now);
        block.meanQueue = metrics.meanQueue(now);
        block.arrivals = metrics.arrivals();
        block.completed = metrics.completed();
        block.errors = metrics.errors();
        block.latency = stats::LatencySummary::of(metrics.latency());
        block.inFlight = runtime.inFlight();
        block.extras = runtime.extraMetrics();
        if (const stats::PoolWaitStats* pools = runtime.poolWaitStats())
            pools->addTo(block.extras);
        const double rate =
            snap.measuredSeconds > 0 ? double(block.arrivals) / double(m_kernel.countUnit()) / snap.measuredSeconds : 0;
        block.costPerHour = runtime.costPerHour(rate);
        if (const double scale = upstreamScale(m_architecture.blocks[i], m_sampling); scale != 1) {
            // Its instances run a share of the load: price all of them.
            block.costPerHour += runtime.costPerHour(0) * (scale - 1);
        }
        snap.costPerHour += block.costPerHour;
        if (withSeries)
            block.series = metrics.series().toVector();
        snap.blocks.push_back(std::move(block));
    }
    scaleToDesign(snap, m_architecture.cells);
    scaleSampled(snap, m_sampling, m_architecture);
    snap.sampling = m_sampling.note; // also why a large design is not sampled
    return snap;
}

std::string Simulator::apply(const std::vector<model::DesignEdit>& edits)
{
    const bool structural = std::any_of(edits.begin(), edits.end(), [](const auto& e) { return e.isStructural(); });
    if (structural || edits.size() > 1) {
        // Tried on a copy first: all or nothing.
        model::Architecture trial = m_architecture;
        for (const auto& edit : edits)
            if (std::string refusal = edit.applyTo(trial); !refusal.empty())
                return refusal;
        if (structural)
            if (std::string errors = designErrors(trial); !errors.empty())
                return "the design would have errors: " + errors;
    }
    try {
        for (const auto& edit : edits)
            if (std::string refusal = applyOne(edit); !refusal.empty())
                return refusal; // only a single value edit gets here
        replanSampling();
    } catch (const RunLimitExceeded& error) {
        // An edit that needs more memory than the budget (a million more
        // virtual users at once) halts the run; the next runUntil says so too.
        return error.what();
    }
    return {};
}

std::string Simulator::applyOne(const model::DesignEdit& edit)
{
    // Blocks named before the edit (a removed one keeps its slot for the log).
    std::vector<uint32_t> involved;
    auto involve = [&](const std::string& id) {
        if (auto index = m_architecture.blockIndex(id))
            involved.push_back(m_slots[*index]);
    };
    std::visit(
        [&](const auto& change) {
            using Change = std::decay_t<decltype(change)>;
            if constexpr (std::is_same_v<Change, model::DesignEdit::AddBlock>) {
            } else if constexpr (std::is_same_v<Change, model::DesignEdit::AddLink>) {
                involve(change.link.from), involve(change.link.to);
            } else if constexpr (requires { change.from; }) {
                involve(change.from), involve(change.to);
            } else {
                involve(change.blockId);
            }
        },
        edit.change);
    bool structural = edit.isStructural();
    const ResizeCheck resize = resizeCheck(edit);
    if (!structural)
        if (std::string refusal = edit.applyTo(m_architecture); !refusal.empty())
            return refusal;
    std::visit(
        [this](const auto& change) {
            if constexpr (requires { this->change(change); })
                this->change(change);
            else
                refresh(change);
        },
        edit.change);
    if (const auto* added = std::get_if<model::DesignEdit::AddBlock>(&edit.change))
        involve(added->block.id);
    m_kernel.log(stats::EventLogEntry::Kind::Design, std::move(involved), edit.describe());
    if (resize.block && model::instanceTypeOf(*resize.block) != resize.before)
        restartForResize(*resize.block);
    return {};
}

Simulator::ResizeCheck Simulator::resizeCheck(const model::DesignEdit& edit) const
{
    const auto* set = std::get_if<model::DesignEdit::SetBlockParam>(&edit.change);
    if (!set || set->key != "instance_type")
        return {};
    const model::Block* block = m_architecture.findBlock(set->blockId);
    return block ? ResizeCheck{block, model::instanceTypeOf(*block)} : ResizeCheck{};
}

void Simulator::restartForResize(const model::Block& block)
{
    // A machine changes type stopped: stop, resize, start. Its instances go
    // down as a crash takes them (what they hold fails) and come back after
    // the restart time, all at once or one after another.
    const double restartS = block.param("resize_restart_s");
    if (restartS <= 0)
        return;
    const int instances = m_kernel.block(slotOf(block.id)).instanceCount();
    const bool rolling = block.param("rolling_resize") != 0;
    if (!rolling) {
        m_faults.inject(model::Fault{0, "crash", block.id, {}, {}, double(instances), restartS});
        return;
    }
    for (int i = 0; i < instances; ++i)
        m_faults.schedule(m_kernel.now() + i * fromSeconds(restartS),
                          model::Fault{0, "crash", block.id, {}, {}, 1, restartS});
    m_faults.applyDue(); // the first goes down now
}

void Simulator::change(const model::DesignEdit::AddBlock& edit)
{
    model::DesignEdit{edit}.applyTo(m_architecture);
    const size_t index = *m_architecture.blockIndex(edit.block.id);
    const auto slot = static_cast<uint32_t>(m_kernel.blockCount());
    m_kernel.addBlock(blocks::makeBlockRuntime(m_architecture.blocks[index], slot, m_seed, m_options.windowCapacity));
    m_slots.insert(m_slots.begin() + static_cast<std::ptrdiff_t>(index), slot);
    configure(slot, m_architecture.blocks[index]);
    m_kernel.block(slot).metrics().startAt(m_kernel.now());
    m_kernel.block(slot).start(m_kernel);
}

void Simulator::change(const model::DesignEdit::RemoveBlock& edit)
{
    // Its links first: their callers stop calling it, and whatever waits on them ends.
    std::vector<model::Link> links;
    for (const auto& link : m_architecture.links)
        if (link.from == edit.blockId || link.to == edit.blockId)
            links.push_back(link);
    for (const auto& link : links)
        change(model::DesignEdit::RemoveLink{link.from, link.to});
    const size_t index = *m_architecture.blockIndex(edit.blockId);
    m_kernel.removeBlock(m_slots[index]);
    model::DesignEdit{edit}.applyTo(m_architecture);
    m_slots.erase(m_slots.begin() + static_cast<std::ptrdiff_t>(index));
}

void Simulator::change(const model::DesignEdit::AddLink& edit)
{
    model::DesignEdit{edit}.applyTo(m_architecture);
    const model::Link& link = *std::find_if(m_architecture.links.begin(), m_architecture.links.end(), [&](const auto& l) {
        return l.from == edit.link.from && l.to == edit.link.to;
    });
    sim::RuntimeLink compiled;
    compiled.target = slotOf(link.to);
    readLinkParams(link, compiled);
    m_kernel.insertLink(slotOf(link.from), static_cast<uint16_t>(*m_architecture.linkOrdinal(link.from, link.to)),
                        std::move(compiled));
    relinked(link.from);
}

void Simulator::change(const model::DesignEdit::RemoveLink& edit)
{
    const auto ordinal = static_cast<uint16_t>(*m_architecture.linkOrdinal(edit.from, edit.to));
    model::DesignEdit{edit}.applyTo(m_architecture);
    m_kernel.removeLink(slotOf(edit.from), ordinal);
    if (m_architecture.findBlock(edit.from))
        relinked(edit.from);
}

void Simulator::relinked(const std::string& callerId)
{
    configure(callerId);
    m_kernel.block(slotOf(callerId)).linksChanged(m_kernel);
}

void Simulator::refresh(const model::DesignEdit::SetBlockParam& edit)
{
    configure(edit.blockId);
    // A link's latency depends on the blocks at its ends (a mesh sidecar):
    // read it again for every link in and out of the edited block.
    for (const auto& link : m_architecture.links)
        if (link.from == edit.blockId || link.to == edit.blockId)
            m_kernel.block(slotOf(link.from)).links()[*m_architecture.linkOrdinal(link.from, link.to)].latency =
                fromMs(model::linkLatencyMs(m_architecture, link));
}

void Simulator::replanSampling()
{
    if (m_architecture.sampling == model::ShardSampling::Off && !m_sampling.active)
        return;
    SamplingPlan plan = planSampling(m_architecture, m_seed, m_options.samplingBudgetRps);
    if (plan.sameAs(m_sampling)) {
        m_sampling.note = plan.note;
        return;
    }
    const bool switched = plan.active != m_sampling.active;
    m_sampling = std::move(plan);
    m_kernel.setKeyWeights(m_sampling.active ? m_sampling.keyWeights.get() : nullptr);
    for (size_t i = 0; i < m_architecture.blocks.size(); ++i)
        configure(m_slots[i], m_architecture.blocks[i]);
    if (switched) {
        // Counts before and after would be in different units.
        resetStats();
        m_kernel.log(stats::EventLogEntry::Kind::Design, {},
                     m_sampling.active ? "shard sampling on, statistics restarted: " + m_sampling.note
                                       : "shard sampling off, statistics restarted");
    }
}

void Simulator::configure(const std::string& blockId)
{
    configure(slotOf(blockId), *m_architecture.findBlock(blockId));
}

void Simulator::refresh(const model::DesignEdit::SetLinkParam& edit)
{
    const model::Link& link = *std::find_if(m_architecture.links.begin(), m_architecture.links.end(),
                                            [&](const model::Link& l) { return l.from == edit.from && l.to == edit.to; });
    sim::BlockRuntime& caller = m_kernel.block(slotOf(edit.from));
    readLinkParams(link, caller.links()[*m_architecture.linkOrdinal(edit.from, edit.to)]);
    m_kernel.poolsChanged(slotOf(edit.from)); // a larger pool serves its waiters now; a new timeout applies
    // A caller builds tables from its links' parameters when configured (a load balancer's weights).
    configure(edit.from);
}

std::string Simulator::command(const std::string& blockId, const std::string& name)
{
    if (!m_architecture.findBlock(blockId))
        return "no block with id \"" + blockId + "\"";
    return m_kernel.block(slotOf(blockId)).command(m_kernel, name);
}

size_t Simulator::poolCapacity() const
{
    return m_kernel.frames().capacity() + m_kernel.requests().capacity() + m_kernel.pendingEvents();
}

} // namespace scalelab::sim
