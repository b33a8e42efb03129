#pragma once
// Changes a block's id (what links, `--set` and the CLI output refer to).
// The document renames the link ends with it, so undo is a rename back.
#include <QUndoCommand>

#include <string>

namespace scalelab::widgets {

class DesignDocument;

class ChangeBlockIdCommand : public QUndoCommand {
public:
    ChangeBlockIdCommand(DesignDocument* document, std::string oldId, std::string newId,
                         QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    DesignDocument* m_document;
    std::string m_oldId;
    std::string m_newId;
};

} // namespace scalelab::widgets
