#include "ChangeTextParamCommand.h"

#include "QtText.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"

namespace scalelab::widgets {

ChangeTextParamCommand::ChangeTextParamCommand(DesignDocument* document, std::string blockId, std::string key,
                                               std::string text, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_blockId(std::move(blockId))
    , m_key(std::move(key))
    , m_newText(std::move(text))
{
    const model::Block* block = document->architecture().findBlock(m_blockId);
    if (block)
        m_oldText = block->text(m_key);
    const model::BlockSpec* spec = block ? model::Registry::instance().find(block->kind) : nullptr;
    const model::ParamSpec* param = spec ? spec->param(m_key) : nullptr;
    setText(QObject::tr("Change %1 of %2").arg(toQString(param ? param->label : m_key), toQString(m_blockId)));
}

void ChangeTextParamCommand::redo() { m_document->setBlockText(m_blockId, m_key, m_newText); }

void ChangeTextParamCommand::undo() { m_document->setBlockText(m_blockId, m_key, m_oldText); }

bool ChangeTextParamCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangeTextParamCommand*>(other);
    if (next->m_document != m_document || next->m_blockId != m_blockId || next->m_key != m_key)
        return false;
    m_newText = next->m_newText;
    setObsolete(m_newText == m_oldText);
    return true;
}

} // namespace scalelab::widgets
