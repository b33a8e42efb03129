#include "Simulator.h"

#include "sim/CellReduction.h"
#include "blocks/BlockFactory.h"
#include "model/Validator.h"

#include <algorithm>
#include <variant>

namespace scalelab::sim {

Simulator::Simulator(model::Architecture architecture, uint64_t seed, SimulatorOptions options)
    : m_architecture(std::move(architecture))
    , m_seed(seed)
    , m_kernel(options.window, options.windowCapacity)
    , m_faults(m_kernel, m_architecture)
{
    const auto problems = model::validate(m_architecture);
    if (model::hasErrors(problems)) {
        // One line, as every CLI error is: problems separated by semicolons.
        std::string message = "the design has errors: ";
        const char* separator = "";
        for (const auto& problem : problems)
            if (problem.isError()) {
                // Appended piece by piece: GCC 12's LTO warns (falsely) on
                // the temporaries of a chained operator+ here.
                message.append(separator);
                if (!problem.blockId.empty())
                    message.append(problem.blockId).append(": ");
                message.append(problem.message);
                separator = "; ";
            }
        throw InvalidDesign(message);
    }
    uint32_t index = 0;
    for (const auto& block : m_architecture.blocks)
        m_kernel.addBlock(blocks::makeBlockRuntime(block, index++, seed, options.windowCapacity));
    for (const auto& link : m_architecture.links)
        compileLink(link);
    index = 0;
    for (const auto& block : m_architecture.blocks)
        configure(index++, block);
    m_kernel.start();
}

Simulator::~Simulator() = default;

void Simulator::runUntil(SimTime until)
{
    m_faults.applyDue(); // faults at time 0, or injected for "now"
    while (m_faults.nextDue() <= until) {
        m_kernel.runUntil(m_faults.nextDue());
        m_faults.applyDue();
    }
    m_kernel.runUntil(until);
}

void Simulator::configure(uint32_t index, const model::Block& design)
{
    const model::Block block = reduceToCell(design, m_architecture.cells);
    sim::BlockRuntime& runtime = m_kernel.block(index);
    runtime.configure(m_kernel, block);
    auto price = [&](const char* key) {
        auto it = block.params.find(key);
        return it == block.params.end() ? 0.0 : it->second;
    };
    runtime.setPrices(price("cost_per_hour"), price("cost_per_million"));
}

void Simulator::readLinkParams(const model::Link& link, sim::RuntimeLink& compiled)
{
    compiled.latency = fromMs(link.param("latency_ms"));
    compiled.probability = link.param("probability");
    compiled.weight = link.param("weight");
    compiled.poolSize = static_cast<int>(link.param("pool_size"));
    compiled.backup = link.param("backup") != 0;
}

void Simulator::compileLink(const model::Link& link)
{
    const auto from = m_architecture.blockIndex(link.from);
    const auto to = m_architecture.blockIndex(link.to);
    sim::RuntimeLink compiled;
    compiled.target = static_cast<uint32_t>(*to);
    readLinkParams(link, compiled);
    m_kernel.block(static_cast<uint32_t>(*from)).links().push_back(compiled);
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
    for (size_t i = 0; i < m_kernel.blockCount(); ++i) {
        const sim::BlockRuntime& runtime = m_kernel.block(static_cast<uint32_t>(i));
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
        const double rate = snap.measuredSeconds > 0 ? double(block.arrivals) / snap.measuredSeconds : 0;
        block.costPerHour = runtime.costPerHour(rate);
        snap.costPerHour += block.costPerHour;
        if (withSeries)
            block.series = metrics.series().toVector();
        snap.blocks.push_back(std::move(block));
    }
    scaleToDesign(snap, m_architecture.cells);
    return snap;
}

std::string Simulator::apply(const model::DesignEdit& edit)
{
    if (std::string refusal = edit.applyTo(m_architecture); !refusal.empty())
        return refusal;
    std::visit([this](const auto& change) { refresh(change); }, edit.change);
    return {};
}

void Simulator::configure(const std::string& blockId)
{
    configure(static_cast<uint32_t>(*m_architecture.blockIndex(blockId)), *m_architecture.findBlock(blockId));
}

void Simulator::refresh(const model::DesignEdit::SetLinkParam& edit)
{
    const model::Link& link = *std::find_if(m_architecture.links.begin(), m_architecture.links.end(),
                                            [&](const model::Link& l) { return l.from == edit.from && l.to == edit.to; });
    sim::BlockRuntime& caller = m_kernel.block(static_cast<uint32_t>(*m_architecture.blockIndex(edit.from)));
    readLinkParams(link, caller.links()[*m_architecture.linkOrdinal(edit.from, edit.to)]);
    // A caller builds tables from its links' parameters when configured (a load balancer's weights).
    configure(edit.from);
}

std::string Simulator::command(const std::string& blockId, const std::string& name)
{
    const auto index = m_architecture.blockIndex(blockId);
    if (!index)
        return "no block with id \"" + blockId + "\"";
    return m_kernel.block(static_cast<uint32_t>(*index)).command(m_kernel, name);
}

size_t Simulator::poolCapacity() const
{
    return m_kernel.frames().capacity() + m_kernel.requests().capacity() + m_kernel.pendingEvents();
}

} // namespace scalelab::sim
