#include "CellReduction.h"

#include "model/RampStages.h"
#include "model/Registry.h"

#include <cmath>
#include <cstdio>

namespace scalelab::sim {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

// A count of identical things in one cell: the nearest whole number, and at
// least one when the design has any (a cell cannot run on 0.2 databases).
double cellCount(const model::ParamSpec& spec, double value, double cells)
{
    if (!spec.isIntegral())
        return value / cells;
    double count = std::round(value / cells);
    if (value >= 1 && count < 1)
        count = 1;
    return std::max(count, spec.min);
}

// Calls visit(param, value, reduced) for each whole-number per-cell count
// of the block: its value in the design and what one of `divisor` shares
// of it runs. Cells and shard sampling both report the ones that round.
template <typename Visit>
void forEachReducedCount(const model::Block& block, const model::BlockSpec& spec, double divisor, Visit visit)
{
    for (const model::ParamSpec& param : spec.params) {
        if (!param.perCell || param.isText() || !param.isIntegral())
            continue;
        const double value = block.param(param.key);
        visit(param, value, cellCount(param, value, divisor));
    }
}

// TIME:NUMBER entries with every NUMBER divided among the cells.
std::string cellText(const std::string& text, double cells)
{
    std::string error;
    std::string result;
    for (const model::RampStage& stage : model::parseRampStages(text, error)) {
        if (!result.empty())
            result += ", ";
        result += number(stage.durationS) + "s:" + number(stage.targetRps / cells);
    }
    return error.empty() ? result : text; // an invalid text is the validator's to report
}

} // namespace

model::Block reduceToCell(const model::Block& block, int cells)
{
    return reduceLoad(block, cells);
}

model::Block reduceLoad(const model::Block& block, double cells)
{
    if (cells <= 1)
        return block;
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    if (!spec)
        return block;
    model::Block cell = block;
    for (const model::ParamSpec& param : spec->params) {
        if (!param.perCell)
            continue;
        if (param.isText()) {
            if (auto it = cell.texts.find(param.key); it != cell.texts.end())
                it->second = cellText(it->second, cells);
        } else if (auto it = cell.params.find(param.key); it != cell.params.end()) {
            it->second = cellCount(param, it->second, cells);
        }
    }
    return cell;
}

std::string roundedCount(const model::Block& block, double divisor)
{
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    std::string notes;
    if (!spec || divisor <= 1)
        return notes;
    forEachReducedCount(block, *spec, divisor, [&](const model::ParamSpec& param, double value, double reduced) {
        if (std::abs(reduced * divisor - value) > 0.05 * value)
            notes += (notes.empty() ? "" : "; ") + block.id + "." + param.key + " " + number(value) +
                     " simulated as " + number(reduced) + " (" + number(value / divisor) + " exactly)";
    });
    return notes;
}

std::vector<std::string> cellApproximations(const model::Architecture& design)
{
    std::vector<std::string> notes;
    const int cells = design.cells;
    if (cells <= 1)
        return notes;
    for (const model::Block& block : design.blocks) {
        const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
        if (!spec)
            continue;
        forEachReducedCount(block, *spec, cells, [&](const model::ParamSpec& param, double value, double perCell) {
            if (value != perCell * cells)
                notes.push_back(block.id + "." + param.key + ": " + number(value) + " / " + std::to_string(cells) +
                                " cells = " + number(value / cells) + ", simulated as " + number(perCell) +
                                " per cell (" + number(perCell * cells) + " in all)");
        });
        if (spec->cellApproximation)
            if (std::string note = spec->cellApproximation(block, *spec, cells); !note.empty())
                notes.push_back(std::move(note));
    }
    return notes;
}

void scaleToDesign(stats::Snapshot& snapshot, int cells)
{
    snapshot.cells = cells;
    if (cells <= 1)
        return;
    const auto k = static_cast<uint64_t>(cells);
    const double scale = cells;
    auto scaleErrors = [&](stats::ErrorCounts& errors) {
        for (auto& count : errors.byKind)
            count *= k;
    };
    auto scaleSeries = [&](std::vector<stats::WindowSample>& series, bool instances) {
        for (auto& sample : series) {
            sample.arrivalsPerSecond *= scale;
            sample.throughputPerSecond *= scale;
            for (double& rate : sample.errorsPerSecond)
                rate *= scale;
            sample.meanQueue *= scale;
            if (instances)
                sample.instances *= scale;
            sample.costPerHour *= scale;
        }
    };
    snapshot.requests *= k;
    snapshot.completed *= k;
    scaleErrors(snapshot.errors);
    snapshot.throughputRps *= scale;
    snapshot.costPerHour *= scale;
    scaleSeries(snapshot.series, false);
    for (auto& block : snapshot.blocks) {
        // Pools of workers have K times the cell's instances; a client, a
        // balancer or an autoscaler stays one logical block (each cell has
        // its own copy, whose cost is counted K times).
        if (block.hasWorkers)
            block.instances *= cells;
        block.meanQueue *= scale;
        block.arrivals *= k;
        block.completed *= k;
        scaleErrors(block.errors);
        block.inFlight *= cells;
        block.costPerHour *= scale;
        scaleSeries(block.series, block.hasWorkers);
    }
}

} // namespace scalelab::sim
