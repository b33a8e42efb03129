#pragma once
// Adds blocks, and links among them, in one undo step: a palette drop, a
// paste and a duplicate are all this edit.
#include "model/Architecture.h"

#include <QUndoCommand>

#include <vector>

namespace scalelab::widgets {

class DesignDocument;

class AddBlocksCommand : public QUndoCommand {
public:
    AddBlocksCommand(DesignDocument* document, std::vector<model::Block> blocks, std::vector<model::Link> links,
                     const QString& text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    const std::vector<model::Block>& blocks() const { return m_blocks; }

private:
    DesignDocument* m_document;
    std::vector<model::Block> m_blocks;
    std::vector<model::Link> m_links;
};

} // namespace scalelab::widgets
