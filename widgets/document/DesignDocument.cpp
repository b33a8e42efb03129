#include "DesignDocument.h"

#include "QtText.h"
#include "model/Validator.h"

#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>
#include <stdexcept>

namespace scalelab::widgets {

DesignDocument::DesignDocument(QObject* parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    qRegisterMetaType<model::DesignEdit>(); // queued to the simulation thread
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

void DesignDocument::setFilePath(const QString& path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool DesignDocument::isModified() const { return !m_undoStack->isClean(); }

void DesignDocument::markSaved() { m_undoStack->setClean(); }

void DesignDocument::reset(model::Architecture architecture, const QString& filePath)
{
    m_undoStack->clear();
    m_architecture = std::move(architecture);
    setFilePath(filePath);
    revalidate();
    emit designReset();
    emit modifiedChanged(false);
}

void DesignDocument::insertBlock(size_t index, model::Block block)
{
    index = std::min(index, m_architecture.blocks.size());
    const QString id = toQString(block.id);
    m_architecture.blocks.insert(m_architecture.blocks.begin() + static_cast<std::ptrdiff_t>(index), std::move(block));
    emit blockAdded(id);
    emit edited({model::DesignEdit::AddBlock{m_architecture.blocks[index], index}});
    revalidate();
}

model::Block DesignDocument::takeBlock(const std::string& id)
{
    const auto index = m_architecture.blockIndex(id);
    if (!index)
        throw std::logic_error("no block " + id);
    model::Block block = std::move(m_architecture.blocks[*index]);
    m_architecture.blocks.erase(m_architecture.blocks.begin() + static_cast<std::ptrdiff_t>(*index));
    emit blockRemoved(toQString(id));
    emit edited({model::DesignEdit::RemoveBlock{id}});
    revalidate();
    return block;
}

void DesignDocument::insertLink(size_t index, model::Link link)
{
    index = std::min(index, m_architecture.links.size());
    const QString from = toQString(link.from), to = toQString(link.to);
    m_architecture.links.insert(m_architecture.links.begin() + static_cast<std::ptrdiff_t>(index), std::move(link));
    emit linkAdded(from, to);
    emit edited({model::DesignEdit::AddLink{m_architecture.links[index], index}});
    revalidate();
}

model::Link DesignDocument::takeLink(const LinkKey& key)
{
    const auto index = linkIndex(key);
    if (!index)
        throw std::logic_error("no link " + key.from + " -> " + key.to);
    model::Link link = std::move(m_architecture.links[*index]);
    m_architecture.links.erase(m_architecture.links.begin() + static_cast<std::ptrdiff_t>(*index));
    emit linkRemoved(toQString(key.from), toQString(key.to));
    emit edited({model::DesignEdit::RemoveLink{key.from, key.to}});
    revalidate();
    return link;
}

void DesignDocument::setBlockPosition(const std::string& id, QPointF position)
{
    model::Block* block = m_architecture.findBlock(id);
    if (!block || (block->x == position.x() && block->y == position.y()))
        return;
    block->x = position.x();
    block->y = position.y();
    emit blockMoved(toQString(id));
}

void DesignDocument::setBlockParam(const std::string& id, const std::string& key, double value)
{
    if (model::Block* block = m_architecture.findBlock(id)) {
        auto [slot, added] = block->params.try_emplace(key, value);
        const bool changed = added || slot->second != value;
        slot->second = value;
        emit blockChanged(toQString(id));
        if (changed)
            emit edited({model::DesignEdit::SetBlockParam{id, key, value}});
        revalidate();
    }
}

void DesignDocument::setBlockText(const std::string& id, const std::string& key, const std::string& text)
{
    if (model::Block* block = m_architecture.findBlock(id)) {
        auto [slot, added] = block->texts.try_emplace(key, text);
        const bool changed = added || slot->second != text;
        slot->second = text;
        emit blockChanged(toQString(id));
        if (changed)
            emit edited({model::DesignEdit::SetBlockText{id, key, text}});
        revalidate();
    }
}

void DesignDocument::setLinkParam(const LinkKey& key, const std::string& param, double value)
{
    if (const auto index = linkIndex(key)) {
        auto [slot, added] = m_architecture.links[*index].params.try_emplace(param, value);
        const bool changed = added || slot->second != value;
        slot->second = value;
        emit linkChanged(toQString(key.from), toQString(key.to));
        if (changed)
            emit edited({model::DesignEdit::SetLinkParam{key.from, key.to, param, value}});
        revalidate();
    }
}

void DesignDocument::setBlockName(const std::string& id, const std::string& name)
{
    if (model::Block* block = m_architecture.findBlock(id)) {
        block->name = name;
        emit blockChanged(toQString(id));
    }
}

void DesignDocument::setBlockRegion(const std::string& id, const std::string& region)
{
    if (model::Block* block = m_architecture.findBlock(id)) {
        const bool changed = block->region != region;
        block->region = region;
        emit blockChanged(toQString(id));
        if (changed)
            emit blockRegionChanged(toQString(id));
    }
}

QStringList DesignDocument::regions() const
{
    QStringList names;
    for (const auto& block : m_architecture.blocks)
        if (!block.region.empty() && !names.contains(toQString(block.region)))
            names << toQString(block.region);
    names.sort();
    return names;
}

void DesignDocument::setBlockId(const std::string& oldId, const std::string& newId)
{
    model::Block* block = m_architecture.findBlock(oldId);
    if (!block)
        return;
    block->id = newId;
    for (auto& link : m_architecture.links) {
        if (link.from == oldId)
            link.from = newId;
        if (link.to == oldId)
            link.to = newId;
    }
    // Scheduled faults follow the block, or a rename would leave them pointing nowhere.
    for (auto& fault : m_architecture.faults) {
        if (fault.block == oldId)
            fault.block = newId;
        if (fault.to == oldId)
            fault.to = newId;
    }
    emit blockIdChanged(toQString(oldId), toQString(newId));
    revalidate();
}

std::optional<size_t> DesignDocument::linkIndex(const LinkKey& key) const
{
    const auto& links = m_architecture.links;
    for (size_t i = 0; i < links.size(); ++i)
        if (links[i].from == key.from && links[i].to == key.to)
            return i;
    return std::nullopt;
}

const model::Link* DesignDocument::findLink(const LinkKey& key) const
{
    const auto index = linkIndex(key);
    return index ? &m_architecture.links[*index] : nullptr;
}

QString DesignDocument::idRefusal(const QString& text, const std::string& exceptId) const
{
    // Ids appear in `--set ID.PARAM=VALUE` on the command line, so keep them shell- and dot-free.
    static const QRegularExpression pattern("^[A-Za-z0-9_-]+$");
    if (text.isEmpty())
        return tr("The id cannot be empty.");
    if (!pattern.match(text).hasMatch())
        return tr("Use only letters, digits, '_' and '-' in an id.");
    const std::string id = toStdString(text);
    if (id != exceptId && m_architecture.findBlock(id))
        return tr("Another block already has the id \"%1\".").arg(text);
    return {};
}

QString DesignDocument::nameRefusal(const QString& text, const std::string& exceptId) const
{
    if (text.trimmed().isEmpty())
        return tr("The name cannot be empty.");
    const std::string name = toStdString(text.trimmed());
    for (const auto& block : m_architecture.blocks)
        if (block.id != exceptId && block.name == name)
            return tr("Another block is already called \"%1\".").arg(text.trimmed());
    return {};
}

std::string DesignDocument::uniqueName(const std::string& base) const
{
    auto taken = [this](const std::string& name) {
        return std::any_of(m_architecture.blocks.begin(), m_architecture.blocks.end(),
                           [&](const model::Block& block) { return block.name == name; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n)
        if (std::string candidate = base + " " + std::to_string(n); !taken(candidate))
            return candidate;
}

void DesignDocument::setPhaseNote(int phase, const std::string& text)
{
    if (!m_architecture.interview || phase < 0 || phase >= model::kInterviewPhaseCount)
        return;
    std::string& note = m_architecture.interview->phaseNotes[size_t(phase)];
    if (note == text)
        return;
    note = text;
    emit teachingChanged();
}

void DesignDocument::insertChallengeLoad(size_t index, model::ChallengeLoad load)
{
    if (!m_architecture.challenge)
        throw std::logic_error("insertChallengeLoad: the design has no challenge");
    auto& loads = m_architecture.challenge->loads;
    loads.insert(loads.begin() + std::ptrdiff_t(std::min(index, loads.size())), std::move(load));
    emit teachingChanged();
}

model::ChallengeLoad DesignDocument::takeChallengeLoad(size_t index)
{
    auto& loads = m_architecture.challenge->loads;
    model::ChallengeLoad load = std::move(loads.at(index));
    loads.erase(loads.begin() + std::ptrdiff_t(index));
    emit teachingChanged();
    return load;
}

void DesignDocument::revalidate()
{
    m_problems = model::validate(m_architecture);
    emit problemsChanged();
}

} // namespace scalelab::widgets
