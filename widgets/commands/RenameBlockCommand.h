#pragma once
// Changes the name a user gives a block. Consecutive edits of the same
// block's name (one per keystroke) merge into one undo step.
#include <QUndoCommand>

#include <string>

namespace scalelab::widgets {

class DesignDocument;

class RenameBlockCommand : public QUndoCommand {
public:
    RenameBlockCommand(DesignDocument* document, std::string id, std::string name, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kId = 0x5CA1E002;
    DesignDocument* m_document;
    std::string m_blockId;
    std::string m_oldName;
    std::string m_newName;
};

} // namespace scalelab::widgets
