#pragma once
// Moves blocks on the canvas. The scene lets items follow the mouse and
// pushes this command once, on release, with where each block started.
#include <QPointF>
#include <QUndoCommand>

#include <map>
#include <string>
#include <utility>

namespace scalelab::widgets {

class DesignDocument;

class MoveBlocksCommand : public QUndoCommand {
public:
    // id -> (old position, new position)
    using Moves = std::map<std::string, std::pair<QPointF, QPointF>>;
    MoveBlocksCommand(DesignDocument* document, Moves moves, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    DesignDocument* m_document;
    Moves m_moves;
};

} // namespace scalelab::widgets
