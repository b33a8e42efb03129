#include "ChangeParamCommand.h"

#include "QtText.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"

namespace scalelab::widgets {

ChangeParamCommand::ChangeParamCommand(DesignDocument* document, std::string blockId, std::string key, double value,
                                       QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_blockId(std::move(blockId))
    , m_key(std::move(key))
    , m_newValue(value)
{
    const model::Block* block = document->architecture().findBlock(m_blockId);
    m_oldValue = block ? block->param(m_key) : value;
    setText(blockParamText(block, m_blockId, m_key));
}

ChangeParamCommand::ChangeParamCommand(DesignDocument* document, LinkKey link, std::string key, double value,
                                       QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_link(std::move(link))
    , m_key(std::move(key))
    , m_newValue(value)
{
    const model::Link* found = document->findLink(*m_link);
    m_oldValue = found ? found->param(m_key) : value;
    const model::ParamSpec* param = model::Registry::instance().linkParam(m_key);
    setText(QObject::tr("Change %1 of link %2 -> %3")
                .arg(toQString(param ? param->label : m_key), toQString(m_link->from), toQString(m_link->to)));
}

QString ChangeParamCommand::blockParamText(const model::Block* block, const std::string& blockId,
                                           const std::string& key)
{
    const model::BlockSpec* spec = block ? model::Registry::instance().find(block->kind) : nullptr;
    const model::ParamSpec* param = spec ? spec->param(key) : nullptr;
    return QObject::tr("Change %1 of %2").arg(toQString(param ? param->label : key), toQString(blockId));
}

bool ChangeParamCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangeParamCommand*>(other); // same id() => same class
    if (next->m_document != m_document || next->m_blockId != m_blockId || next->m_link != m_link
        || next->m_key != m_key)
        return false;
    m_newValue = next->m_newValue;
    setObsolete(m_newValue == m_oldValue); // edited back to where it started: nothing to undo
    return true;
}

void ChangeParamCommand::apply(double value)
{
    if (m_link)
        m_document->setLinkParam(*m_link, m_key, value);
    else
        m_document->setBlockParam(m_blockId, m_key, value);
}

} // namespace scalelab::widgets
