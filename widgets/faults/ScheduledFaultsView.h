#pragma once
// The faults the design's file schedules (Architecture::faults), read-only:
// when each strikes and what it does, in the catalogue's words. A fault that
// no longer fits the design (its block was deleted or changed kind) carries
// a warning icon with the reason. Clicking one names its blocks, so the
// window can show them on the canvas.
#include <QStringList>
#include <QTreeWidget>

namespace scalelab::widgets {

class DesignDocument;

class ScheduledFaultsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ScheduledFaultsView(DesignDocument* document, QWidget* parent = nullptr);

signals:
    void blocksActivated(const QStringList& ids);

private:
    void refresh();

    DesignDocument* m_document;
};

} // namespace scalelab::widgets
