#pragma once
// Moves a block to another region (or none). Consecutive edits of the same
// block's region merge into one undo step.
#include "ChangeBlockStringCommand.h"
#include "QtText.h"

namespace scalelab::widgets {

struct BlockRegionField {
    static constexpr MergeId kMergeId = MergeId::ChangeBlockRegion;
    static constexpr bool kKeyed = false;
    static std::string read(const model::Block& block, const std::string&) { return block.region; }
    static void write(DesignDocument& document, const std::string& id, const std::string&, const std::string& region)
    {
        document.setBlockRegion(id, region);
    }
    static QString undoText(const model::Block*, const std::string& id, const std::string&, const std::string& region)
    {
        return QObject::tr("Move %1 to region %2").arg(toQString(id), toQString(region));
    }
};

using ChangeBlockRegionCommand = ChangeBlockStringCommand<BlockRegionField>;

} // namespace scalelab::widgets
