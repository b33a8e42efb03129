#pragma once
// Changes a text parameter of a block (e.g. traffic ramp stages). Text is
// committed on Enter or focus out, and consecutive commits of the same field
// merge into one undo step, like numeric parameters.
#include "ChangeBlockStringCommand.h"
#include "ChangeParamCommand.h"

namespace scalelab::widgets {

struct BlockTextParamField {
    static constexpr MergeId kMergeId = MergeId::ChangeTextParam;
    static constexpr bool kKeyed = true;
    static std::string read(const model::Block& block, const std::string& key) { return block.text(key); }
    static void write(DesignDocument& document, const std::string& id, const std::string& key, const std::string& text)
    {
        document.setBlockText(id, key, text);
    }
    static QString undoText(const model::Block* block, const std::string& id, const std::string& key,
                            const std::string&)
    {
        return ChangeParamCommand::blockParamText(block, id, key);
    }
};

using ChangeTextParamCommand = ChangeBlockStringCommand<BlockTextParamField>;

} // namespace scalelab::widgets
