#pragma once
// The open design and its undo stack. Edits come only from QUndoCommands
// (widgets/commands), which call the primitive mutators below; every mutator
// emits a signal that the canvas, the property editor and the problems list
// listen to (Tiled's MapDocument pattern: edit -> command -> document ->
// signal -> views). Parameter edits and blocks or links added or removed are
// also reported as the precise model::DesignEdit made (`edited`), undo and
// redo included, so a running simulation can make the same edit to its own
// copy of the design. Validation is re-run after each change because it is
// cheap next to a repaint and keeps badges and the Problems dock honest.
#include "LinkKey.h"
#include "model/Architecture.h"
#include "model/DesignEdit.h"
#include "model/Problem.h"

#include <QMetaType>
#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

class QUndoStack;

namespace scalelab::widgets {

class DesignDocument : public QObject {
    Q_OBJECT
public:
    explicit DesignDocument(QObject* parent = nullptr);

    const model::Architecture& architecture() const { return m_architecture; }
    QUndoStack* undoStack() const { return m_undoStack; }
    const std::vector<model::Problem>& problems() const { return m_problems; }

    // The file this design was read from or last saved to; empty for a new design.
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const;
    // Call after a successful save: the current undo state becomes "unmodified".
    void markSaved();

    // Replaces the whole design (New, Open, recovery). Not undoable: it clears the stack.
    void reset(model::Architecture architecture, const QString& filePath = {});

    // --- Primitive edits, for QUndoCommands only -----------------------------
    void insertBlock(size_t index, model::Block block);
    model::Block takeBlock(const std::string& id); // the block's links must be gone already
    void insertLink(size_t index, model::Link link);
    model::Link takeLink(const LinkKey& key);
    void setBlockPosition(const std::string& id, QPointF position);
    void setBlockParam(const std::string& id, const std::string& key, double value);
    void setBlockText(const std::string& id, const std::string& key, const std::string& text);
    void setLinkParam(const LinkKey& key, const std::string& param, double value);
    void setBlockName(const std::string& id, const std::string& name);
    void setBlockRegion(const std::string& id, const std::string& region);
    // Regions used by the design's blocks, sorted, without the empty one.
    QStringList regions() const;
    // Renames the id and every link end that refers to it.
    void setBlockId(const std::string& oldId, const std::string& newId);
    // The candidate's notes for one interview phase (0..kInterviewPhaseCount-1);
    // does nothing when the design has no interview section.
    void setPhaseNote(int phase, const std::string& text);
    // The challenge's extra loads (a requirement change adds one); the design must carry a challenge.
    void insertChallengeLoad(size_t index, model::ChallengeLoad load);
    model::ChallengeLoad takeChallengeLoad(size_t index);

    std::optional<size_t> linkIndex(const LinkKey& key) const;
    const model::Link* findLink(const LinkKey& key) const;
    // Why `text` cannot become a block id or name; empty when it can.
    QString idRefusal(const QString& text, const std::string& exceptId = {}) const;
    QString nameRefusal(const QString& text, const std::string& exceptId = {}) const;
    // A name like "Service", "Service 2"... that no block has yet.
    std::string uniqueName(const std::string& base) const;

signals:
    void designReset();
    void blockAdded(const QString& id);
    void blockRemoved(const QString& id);
    void blockChanged(const QString& id); // name or parameters
    void blockMoved(const QString& id);
    void blockIdChanged(const QString& oldId, const QString& newId);
    void linkAdded(const QString& from, const QString& to);
    void linkRemoved(const QString& from, const QString& to);
    void linkChanged(const QString& from, const QString& to);
    // A block parameter, text parameter or link parameter took a new value
    // (emitted after blockChanged / linkChanged; not for a value set to
    // itself), or a block or link was added or removed (after blockAdded,
    // blockRemoved, linkAdded, linkRemoved). Emitted before the problems are
    // revalidated: one edit of a paste may leave the design invalid for a moment.
    void edited(const scalelab::model::DesignEdit& edit);
    // A block moved to another region (emitted after blockChanged).
    void blockRegionChanged(const QString& id);
    void problemsChanged();
    // The interview's phase notes or the challenge's loads changed.
    void teachingChanged();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    void revalidate();

    model::Architecture m_architecture;
    std::vector<model::Problem> m_problems;
    QString m_filePath;
    QUndoStack* m_undoStack;
};

} // namespace scalelab::widgets

Q_DECLARE_METATYPE(scalelab::model::DesignEdit)
