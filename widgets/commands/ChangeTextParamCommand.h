#pragma once
// Changes a text parameter of a block (e.g. traffic ramp stages). Text is
// committed on Enter or focus out, and consecutive commits of the same field
// merge into one undo step, like numeric parameters.
#include <QUndoCommand>

#include <string>

namespace scalelab::widgets {

class DesignDocument;

class ChangeTextParamCommand : public QUndoCommand {
public:
    ChangeTextParamCommand(DesignDocument* document, std::string blockId, std::string key, std::string text,
                           QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kId = 0x5CA1E003;
    DesignDocument* m_document;
    std::string m_blockId;
    std::string m_key;
    std::string m_oldText;
    std::string m_newText;
};

} // namespace scalelab::widgets
