#pragma once
// The canvas's right-click menu. On a block: the faults its kind can take,
// each one click away while a run is on (the catalogue's default value:
// crash 1 instance, slow down 5x, flush the cache...), Recover, the Faults
// dock for other values, then the Edit actions and Properties. On a link:
// its faults (cut it) and Delete. On the background: Paste, Select All,
// Arrange and Fit.
//
// Everything it offers is an existing action or the catalogue
// (model::faultSpecs): a fault goes to the RunController as the Faults
// dock's Inject would send it, and an entry the run would refuse is
// disabled with the reason as its tooltip.
#include "faults/FaultTarget.h"
#include "model/FaultCatalog.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QMenu;
class QPoint;

namespace scalelab::app {

class MainWindow;

class CanvasContextMenu : public QObject {
    Q_OBJECT
public:
    explicit CanvasContextMenu(MainWindow* window);

    // The menu for a right click on block `blockId` (empty: a link or the
    // background), built from the run and the selection as they are now.
    std::unique_ptr<QMenu> build(const QString& blockId) const;

public slots:
    // Builds the menu and pops it up at `globalPos`; it deletes itself on closing.
    void popup(const QPoint& globalPos, const QString& blockId);

private:
    // An entry for each catalogue fault of `kind` whose target `matches`,
    // then Recover (`recoverBlock`) and Other Faults…; nothing when none matches.
    void addFaults(QMenu* menu, model::FaultSpec::Target kind,
                   const std::function<bool(const widgets::FaultTarget&)>& matches, const QString& recoverBlock) const;

    MainWindow* m_window;
};

} // namespace scalelab::app
