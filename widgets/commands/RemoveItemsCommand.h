#pragma once
// Deletes blocks and links in one undo step. Links that touch a deleted
// block go too; undo puts everything back at its original index so that the
// file (and the order of downstream calls) is exactly as before.
#include "document/LinkKey.h"
#include "model/Architecture.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace scalelab::widgets {

class DesignDocument;

class RemoveItemsCommand : public QUndoCommand {
public:
    RemoveItemsCommand(DesignDocument* document, const std::vector<std::string>& blockIds,
                       const std::vector<LinkKey>& links, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    DesignDocument* m_document;
    std::vector<std::pair<size_t, model::Block>> m_blocks; // ascending original index
    std::vector<std::pair<size_t, model::Link>> m_links;   // ascending original index
};

} // namespace scalelab::widgets
