#pragma once
// Moves a block to another region (or none). Consecutive edits of the same
// block's region merge into one undo step.
#include <QUndoCommand>

#include <string>

namespace scalelab::widgets {

class DesignDocument;

class ChangeBlockRegionCommand : public QUndoCommand {
public:
    ChangeBlockRegionCommand(DesignDocument* document, std::string id, std::string region, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kId = 0x5CA1E00A;
    DesignDocument* m_document;
    std::string m_blockId;
    std::string m_oldRegion;
    std::string m_newRegion;
};

} // namespace scalelab::widgets
