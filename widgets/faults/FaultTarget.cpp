#include "FaultTarget.h"

#include "QtText.h"
#include "model/Registry.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace scalelab::widgets {

namespace {

QString tr(const char* text, int n = -1) { return QCoreApplication::translate("FaultTarget", text, nullptr, n); }

QString blockLabel(const model::Block& block)
{
    // The name is what the user reads on the canvas; the id is what the file and the log use.
    return block.name.empty() || block.name == block.id ? toQString(block.id)
                                                        : QStringLiteral("%1 (%2)").arg(toQString(block.name), toQString(block.id));
}

QString nameOf(const model::Architecture& design, const std::string& id)
{
    const model::Block* block = design.findBlock(id);
    return toQString(block && !block->name.empty() ? block->name : id);
}

} // namespace

model::Fault FaultTarget::fault(const model::FaultSpec& spec, double value, double durationS) const
{
    model::Fault fault;
    fault.action = spec.action;
    fault.block = block;
    fault.to = to;
    fault.region = region;
    fault.value = spec.hasValue ? value : 0;
    fault.durationS = durationS;
    return fault;
}

std::vector<FaultTarget> FaultTarget::listFor(const model::FaultSpec& spec, const model::Architecture& design)
{
    std::vector<FaultTarget> targets;
    switch (spec.target) {
    case model::FaultSpec::Target::Block:
        for (const auto& block : design.blocks)
            if (spec.appliesTo(block.kind))
                targets.push_back({blockLabel(block), block.id, {}, {}, {block.id}});
        break;
    case model::FaultSpec::Target::Link:
        for (const auto& link : design.links)
            targets.push_back({QStringLiteral("%1 → %2").arg(nameOf(design, link.from), nameOf(design, link.to)),
                               link.from, link.to, {}, {link.from, link.to}});
        break;
    case model::FaultSpec::Target::Region:
        for (const auto& block : design.blocks) {
            if (block.region.empty())
                continue;
            auto same = std::find_if(targets.begin(), targets.end(),
                                     [&](const FaultTarget& t) { return t.region == block.region; });
            if (same == targets.end())
                same = targets.insert(targets.end(), {{}, {}, {}, block.region, {}});
            same->blocks.push_back(block.id);
        }
        for (auto& target : targets)
            target.label = tr("%1 (%n block(s))", static_cast<int>(target.blocks.size())).arg(toQString(target.region));
        break;
    }
    return targets;
}

QString FaultTarget::noneReason(const model::FaultSpec& spec)
{
    switch (spec.target) {
    case model::FaultSpec::Target::Link:
        return tr("The design has no links to cut.");
    case model::FaultSpec::Target::Region:
        return tr("No block is placed in a region (set \"region\" on blocks in the file).");
    case model::FaultSpec::Target::Block:
        break;
    }
    if (spec.everyBlock)
        return tr("The design has no block but clients.");
    QStringList kinds;
    for (const auto& kind : spec.kinds()) {
        const model::BlockSpec* block = model::Registry::instance().find(kind);
        kinds << toQString(block ? block->displayName : kind).toLower();
    }
    return tr("The design has no block this fault applies to (%1).").arg(kinds.join(", "));
}

} // namespace scalelab::widgets
