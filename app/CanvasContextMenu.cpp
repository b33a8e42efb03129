#include "CanvasContextMenu.h"

#include "MainWindow.h"
#include "QtText.h"
#include "RunDocks.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "run/RunController.h"

#include <QDockWidget>
#include <QMenu>

namespace scalelab::app {

namespace {

// "Crash instances (1 instance)", "Slow down (5 x slower)", "Flush cache".
QString faultText(const model::FaultSpec& spec)
{
    const QString label = widgets::toQString(spec.label);
    if (!spec.hasValue)
        return label;
    QString unit = widgets::toQString(spec.valueLabel);
    if (spec.wholeNumber && spec.defaultValue == 1 && unit.endsWith('s'))
        unit.chop(1); // a count of one
    return QObject::tr("%1 (%2 %3)").arg(label, QString::number(spec.defaultValue), unit);
}

void showDock(QMainWindow* window, const char* objectName)
{
    if (auto* dock = window->findChild<QDockWidget*>(objectName)) {
        dock->show();
        dock->raise();
    }
}

} // namespace

CanvasContextMenu::CanvasContextMenu(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
}

void CanvasContextMenu::popup(const QPoint& globalPos, const QString& blockId)
{
    QMenu* menu = build(blockId).release();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

std::unique_ptr<QMenu> CanvasContextMenu::build(const QString& blockId) const
{
    auto menu = std::make_unique<QMenu>(m_window);
    menu->setToolTipsVisible(true); // a disabled fault says why
    const auto addExisting = [&](const char* name) {
        if (QAction* action = m_window->action(name))
            menu->addAction(action);
    };
    if (!blockId.isEmpty()) {
        const std::string id = blockId.toStdString();
        addFaults(
            menu.get(), model::FaultSpec::Target::Block,
            [&id](const widgets::FaultTarget& target) { return target.block == id; }, blockId);
        menu->addSeparator();
        for (const char* name : {"cut", "copy", "duplicate", "delete"})
            addExisting(name);
        menu->addSeparator();
        QAction* properties = menu->addAction(tr("Properties"));
        connect(properties, &QAction::triggered, m_window, [window = m_window] { showDock(window, "PropertyDock"); });
        return menu;
    }
    const std::vector<widgets::LinkKey> links = m_window->scene()->selectedLinks();
    if (links.size() == 1 && m_window->scene()->selectedBlockIds().empty()) {
        const widgets::LinkKey link = links.front();
        addFaults(
            menu.get(), model::FaultSpec::Target::Link,
            [&link](const widgets::FaultTarget& target) { return target.block == link.from && target.to == link.to; },
            widgets::toQString(link.from));
        menu->addSeparator();
        addExisting("delete");
        return menu;
    }
    for (const char* name : {"paste", "delete", "selectAll"})
        addExisting(name);
    menu->addSeparator();
    for (const char* name : {"arrange", "fit"})
        addExisting(name);
    return menu;
}

void CanvasContextMenu::addFaults(QMenu* menu, model::FaultSpec::Target kind,
                                  const std::function<bool(const widgets::FaultTarget&)>& matches,
                                  const QString& recoverBlock) const
{
    const model::Architecture& design = m_window->document()->architecture();
    widgets::RunController* run = m_window->run()->controller();
    const bool running = run->state() != widgets::RunController::State::Stopped;
    bool any = false;
    for (const model::FaultSpec& spec : model::faultSpecs()) {
        if (spec.target != kind)
            continue;
        // listFor offers only the targets the catalogue allows for the action.
        for (const widgets::FaultTarget& target : widgets::FaultTarget::listFor(spec, design)) {
            if (!matches(target))
                continue;
            const model::Fault fault = target.fault(spec, spec.defaultValue, 0);
            QAction* action = menu->addAction(faultText(spec));
            const QString refusal = !running ? tr("Press Play first: faults strike a running simulation.")
                                             : widgets::toQString(model::faultRefusal(fault, design));
            action->setEnabled(refusal.isEmpty());
            action->setToolTip(refusal.isEmpty() ? widgets::toQString(spec.help) : refusal);
            connect(action, &QAction::triggered, run, [run, fault] { run->injectFault(fault); });
            any = true;
        }
    }
    if (!any)
        return;
    // A link's faults live on its calling block (as in the Faults dock).
    QAction* recover = menu->addAction(tr("Recover"));
    recover->setEnabled(running);
    recover->setToolTip(tr("End every fault on %1 now").arg(recoverBlock));
    connect(recover, &QAction::triggered, run, [run, recoverBlock] { run->recoverBlock(recoverBlock); });
    QAction* more = menu->addAction(tr("Other Faults…"));
    more->setToolTip(tr("The Faults dock: any value, a duration, links and regions"));
    connect(more, &QAction::triggered, m_window, [window = m_window] { showDock(window, "FaultsDock"); });
}

} // namespace scalelab::app
