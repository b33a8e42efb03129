#include "MoveBlocksCommand.h"

#include "document/DesignDocument.h"

namespace scalelab::widgets {

MoveBlocksCommand::MoveBlocksCommand(DesignDocument* document, Moves moves, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Move %n block(s)", nullptr, static_cast<int>(moves.size())), parent)
    , m_document(document)
    , m_moves(std::move(moves))
{
}

void MoveBlocksCommand::redo()
{
    for (const auto& [id, move] : m_moves)
        m_document->setBlockPosition(id, move.second);
}

void MoveBlocksCommand::undo()
{
    for (const auto& [id, move] : m_moves)
        m_document->setBlockPosition(id, move.first);
}

} // namespace scalelab::widgets
