#pragma once
// Changes one string of a block: its name, its region or a text parameter
// (RenameBlockCommand, ChangeBlockRegionCommand and ChangeTextParamCommand).
// The three are one edit in three shapes, so they share this template; a
// Field says where its string lives (how to read it, which document setter
// writes it), how the Edit menu names the edit and which merge id it takes.
// As in every command here, undo and redo apply the old or the new value
// (Tiled's swap). Consecutive edits of one field of one block (a keystroke,
// a commit) merge into one undo step, and a step that ends where it started
// is dropped: there is nothing to undo.
#include "MergeId.h"
#include "document/DesignDocument.h"

#include <QString>
#include <QUndoCommand>

#include <concepts>
#include <string>

namespace scalelab::widgets {

// `key` names a text parameter; the name and the region (not kKeyed) have none and get "".
template <typename F>
concept BlockStringField = requires(const model::Block& block, const model::Block* maybeBlock,
                                    DesignDocument& document, const std::string& s) {
    { F::kMergeId } -> std::convertible_to<MergeId>;
    { F::kKeyed } -> std::convertible_to<bool>;
    { F::read(block, s) } -> std::convertible_to<std::string>;
    F::write(document, s, s, s); // (blockId, key, value)
    { F::undoText(maybeBlock, s, s, s) } -> std::convertible_to<QString>; // (block or null, blockId, key, value)
};

template <BlockStringField Field>
class ChangeBlockStringCommand : public QUndoCommand {
public:
    ChangeBlockStringCommand(DesignDocument* document, std::string blockId, std::string value,
                             QUndoCommand* parent = nullptr)
        requires(!Field::kKeyed)
        : ChangeBlockStringCommand(Init{}, document, std::move(blockId), {}, std::move(value), parent)
    {
    }
    ChangeBlockStringCommand(DesignDocument* document, std::string blockId, std::string key, std::string value,
                             QUndoCommand* parent = nullptr)
        requires(Field::kKeyed)
        : ChangeBlockStringCommand(Init{}, document, std::move(blockId), std::move(key), std::move(value), parent)
    {
    }

    void redo() override { apply(m_newValue); }
    void undo() override { apply(m_oldValue); }
    int id() const override { return static_cast<int>(Field::kMergeId); }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const ChangeBlockStringCommand*>(other); // same id() => same Field
        if (next->m_document != m_document || next->m_blockId != m_blockId || next->m_key != m_key)
            return false;
        m_newValue = next->m_newValue;
        setObsolete(m_newValue == m_oldValue);
        return true;
    }

private:
    struct Init {};
    ChangeBlockStringCommand(Init, DesignDocument* document, std::string blockId, std::string key,
                             std::string value, QUndoCommand* parent)
        : QUndoCommand(parent)
        , m_document(document)
        , m_blockId(std::move(blockId))
        , m_key(std::move(key))
        , m_newValue(std::move(value))
    {
        const model::Block* block = document->architecture().findBlock(m_blockId);
        if (block)
            m_oldValue = Field::read(*block, m_key);
        setText(Field::undoText(block, m_blockId, m_key, m_newValue));
    }

    void apply(const std::string& value) { Field::write(*m_document, m_blockId, m_key, value); }

    DesignDocument* m_document;
    std::string m_blockId;
    std::string m_key;
    std::string m_oldValue;
    std::string m_newValue;
};

} // namespace scalelab::widgets
