#pragma once
// Changes one parameter of a block or of a link. A spin box emits a value
// per keystroke or arrow click; consecutive edits of the same field merge
// into one undo step, so Undo returns to the value before the user started.
#include "MergeId.h"
#include "document/LinkKey.h"

#include <QUndoCommand>

#include <optional>
#include <string>

namespace scalelab::model {
struct Block;
}

namespace scalelab::widgets {

class DesignDocument;

class ChangeParamCommand : public QUndoCommand {
public:
    // A block parameter.
    ChangeParamCommand(DesignDocument* document, std::string blockId, std::string key, double value,
                       QUndoCommand* parent = nullptr);
    // A link parameter.
    ChangeParamCommand(DesignDocument* document, LinkKey link, std::string key, double value,
                       QUndoCommand* parent = nullptr);

    void redo() override { apply(m_newValue); }
    void undo() override { apply(m_oldValue); }
    int id() const override { return static_cast<int>(MergeId::ChangeParam); }
    bool mergeWith(const QUndoCommand* other) override;

    // "Change <the registry's label> of <block>": how the Edit menu names an
    // edit of a block parameter, numeric or text. `block` may be null.
    static QString blockParamText(const model::Block* block, const std::string& blockId, const std::string& key);

private:
    void apply(double value);

    DesignDocument* m_document;
    std::string m_blockId;
    std::optional<LinkKey> m_link;
    std::string m_key;
    double m_oldValue = 0;
    double m_newValue = 0;
};

} // namespace scalelab::widgets
