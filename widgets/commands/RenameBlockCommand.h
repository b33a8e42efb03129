#pragma once
// Changes the name a user gives a block. Consecutive edits of the same
// block's name (one per keystroke) merge into one undo step.
#include "ChangeBlockStringCommand.h"
#include "QtText.h"

namespace scalelab::widgets {

struct BlockNameField {
    static constexpr MergeId kMergeId = MergeId::RenameBlock;
    static constexpr bool kKeyed = false;
    static std::string read(const model::Block& block, const std::string&) { return block.name; }
    static void write(DesignDocument& document, const std::string& id, const std::string&, const std::string& name)
    {
        document.setBlockName(id, name);
    }
    static QString undoText(const model::Block*, const std::string& id, const std::string&, const std::string&)
    {
        return QObject::tr("Rename %1").arg(toQString(id));
    }
};

using RenameBlockCommand = ChangeBlockStringCommand<BlockNameField>;

} // namespace scalelab::widgets
